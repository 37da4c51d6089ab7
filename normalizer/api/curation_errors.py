"""How curation refusals answer, in the one error shape: 422 field errors, 409 conflicts (and
writes to a deleted entity), 412 stale writes, 404 unknown ids and revisions, 308 to the survivor
of a merge."""

from __future__ import annotations

from flask import Flask, Response, redirect, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from normalizer.api.errors import error_response
from normalizer.service import (
    EntityDeleted,
    EntityExists,
    EntityMerged,
    EntityNotFound,
    InvalidEntity,
    NameConflict,
    ReviewItemNotFound,
    RevisionNotFound,
    StaleRevision,
    TokenNotFound,
)


def _location() -> str:
    return "query" if request.method == "GET" else "json"


def invalid(exc: InvalidEntity) -> Response:
    return error_response(422, str(exc), {_location(): exc.errors})


def name_conflict(exc: NameConflict) -> Response:
    return error_response(409, str(exc), {"json": {"names": [str(exc)], "holder": [exc.holder]}})


def exists(exc: EntityExists) -> Response:
    return error_response(409, str(exc), {"json": {"id": [str(exc)]}})


def deleted(exc: EntityDeleted) -> Response:
    return error_response(409, str(exc))


def stale(exc: StaleRevision) -> Response:
    return error_response(412, f"{exc}; the entity changed since the ETag you sent")


def not_found(exc: Exception) -> Response:
    return error_response(404, str(exc))


def merged(exc: EntityMerged) -> BaseResponse:
    """308 to the same route with the surviving id (method and body are kept by clients)."""
    args = dict(request.view_args or {})
    if request.endpoint and "entity_id" in args:
        args["entity_id"] = exc.into
        query = request.query_string.decode("utf-8", "replace")
        target = url_for(request.endpoint, **args) + (f"?{query}" if query else "")
        return redirect(target, 308)
    return error_response(409, str(exc))


def install_curation_errors(app: Flask) -> None:
    app.register_error_handler(InvalidEntity, invalid)
    app.register_error_handler(NameConflict, name_conflict)
    app.register_error_handler(EntityExists, exists)
    app.register_error_handler(EntityDeleted, deleted)
    app.register_error_handler(StaleRevision, stale)
    app.register_error_handler(EntityMerged, merged)
    for missing in (EntityNotFound, RevisionNotFound, ReviewItemNotFound, TokenNotFound):
        app.register_error_handler(missing, not_found)
