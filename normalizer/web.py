"""create_app(settings=None): the WSGI app, wiring the service, the REST API, CORS and errors.

gunicorn calls it directly: `gunicorn "normalizer.web:create_app()"`.
"""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

from normalizer.api import register_api
from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.ui import register_ui

# Headers a browser script may read from a cross-origin response.
EXPOSED_HEADERS = ["X-Request-Id", "ETag", "Location"]


def create_app(settings: Settings | None = None, service: Normalizer | None = None) -> Flask:
    """Build the app. Settings default to the NORMALIZER_* environment; the service to one that
    loads the gazetteer those settings name (tests pass a small one)."""
    settings = settings or Settings.from_env()
    app = Flask("normalizer")
    service = service or Normalizer.from_settings(settings)
    register_api(app, service, settings)
    register_ui(app, service, settings)  # the editors' web UI under /ui/
    configure_cors(app, settings.cors_origins)
    return app


def configure_cors(app: Flask, origins: str) -> None:
    """CORS is off unless NORMALIZER_CORS_ORIGINS lists origins (comma separated, or "*")."""
    allowed = [o.strip() for o in origins.split(",") if o.strip()]
    if allowed:
        CORS(app, origins="*" if allowed == ["*"] else allowed, expose_headers=EXPOSED_HEADERS,
             max_age=600)
