"""REST shell: flask-smorest blueprints with marshmallow schemas over the Normalizer service."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

from normalizer.api import curation, entities, extract, ops, resolve, review, translit
from normalizer.api import reconcile as reconcile_api
from normalizer.api.auth import install_auth
from normalizer.api.context import EXTENSION
from normalizer.api.csv import csv_blp
from normalizer.api.curation_errors import install_curation_errors
from normalizer.api.errors import MAX_JSON_OBJECTS, install_error_handlers
from normalizer.api.observability import install_observability
from normalizer.api.schemas import ErrorSchema
from normalizer.api.seen import install_seen
from normalizer.service import Normalizer
from normalizer.settings import Settings

API_CONFIG = {
    "API_TITLE": "normalizer",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
}


class NormalizerApi(Api):  # type: ignore[misc]
    """flask-smorest's Api with our error schema documented as the default error response."""

    ERROR_SCHEMA = ErrorSchema


def register_api(app: Flask, service: Normalizer, settings: Settings) -> NormalizerApi:
    """Mount the REST API, its error handlers, request ids, logs and metrics on app."""
    app.extensions[EXTENSION] = service
    app.config.update(API_CONFIG)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    # Room for a full batch, or an entity's 1,000 names and 200 roles, many times over.
    app.config[MAX_JSON_OBJECTS] = max(20_000, 20 * settings.max_batch)
    install_observability(app, settings.log_level)
    api = NormalizerApi(app, spec_kwargs={"info": {"description": __doc__}})
    for module in (resolve, extract, entities, translit, ops):
        api.register_blueprint(module.blp)
    api.register_blueprint(csv_blp)
    app.register_blueprint(ops.docs)
    app.register_blueprint(reconcile_api.blp)  # W3C reconciliation: plain Flask, outside /openapi.json
    if service.curation is not None:  # editors' API and review queue: only over a database
        for module in (curation, review):
            api.register_blueprint(module.blp)
    install_auth(app, settings.read_token_required)
    install_seen(app)  # after the auth hook: a token it looked up names the client
    install_error_handlers(app)  # after Api(app), which registers handlers of its own
    install_curation_errors(app)
    return api
