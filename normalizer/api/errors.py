"""One error shape for every error: {"code", "status", "message", "errors"}.

`code` is the HTTP status code, `status` its name, `message` a sentence for people and `errors`
field messages by location and field ({"query": {"q": ["must not be empty"]}}), {} when no field
is concerned. The guards here turn bad input that would otherwise crash a parser (invalid UTF-8,
JSON nested past the recursion limit) into a clear 4xx.
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import unquote_to_bytes

from flask import Flask, Response, current_app, g, request
from marshmallow import ValidationError
from werkzeug.exceptions import (
    BadRequest,
    ClientDisconnected,
    HTTPException,
    RequestEntityTooLarge,
    UnsupportedMediaType,
)
from werkzeug.http import HTTP_STATUS_CODES

from normalizer.service import DATABASE_UNAVAILABLE, InvalidQuery, TextTooLarge

log = logging.getLogger("normalizer.api")
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# An error lists the messages of at most this many items of a list (a batch's queries, an
# entity's names); "_more" counts the rest, so that an error reply stays small.
MAX_ITEM_ERRORS = 100
# Bodies past this size are parsed counting their objects, and refused (413) past the app's
# MAX_JSON_OBJECTS: a flood of tiny objects costs ~20 times its size in memory once parsed.
# Smaller bodies cannot hold enough objects to matter, and parse at full speed.
COUNTED_JSON_BYTES = 256 * 1024
MAX_JSON_OBJECTS = "NORMALIZER_MAX_JSON_OBJECTS"


def error_response(code: int, message: str | None = None, errors: dict[str, Any] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    """The response for one error; every error of the app goes through here."""
    name = HTTP_STATUS_CODES.get(code, "Error")
    payload = {"code": code, "status": name, "message": message or name, "errors": cap_errors(errors or {})}
    response = current_app.response_class(json.dumps(payload), status=code, mimetype="application/json")
    response.headers.update(headers or {})
    return response


def handle_http_exception(exc: HTTPException) -> Response:
    # webargs' abort (used for 422 by flask-smorest) keeps the field messages in exc.data.
    data = getattr(exc, "data", None) or {}
    code = exc.code or 500
    errors = data.get("messages") or data.get("errors") or {}
    message = data.get("message") or ("invalid input: see errors" if errors else exc.description)
    headers = dict(data.get("headers") or {})
    if getattr(exc, "valid_methods", None):  # 405 says what is allowed
        headers["Allow"] = ", ".join(exc.valid_methods)  # type: ignore[attr-defined]
    return error_response(code, message, errors, headers)


def handle_invalid_query(exc: InvalidQuery) -> Response:
    location = "query" if request.method == "GET" else "json"
    return error_response(422, str(exc), {location: nest(exc.field, [str(exc)])})


def handle_text_too_large(exc: TextTooLarge) -> Response:
    return error_response(413, str(exc), {"json": {exc.field: [str(exc)]}})


def handle_timeout(exc: Exception) -> Response:
    """The server's client timeout ran out while the app read the body (normalizer.server.worker)."""
    log.warning("request body timed out", extra={"fields": {"path": request.path}})
    return error_response(408, "the request body did not arrive in time")


def handle_disconnect(exc: ClientDisconnected) -> Response:
    """werkzeug reports a body read that failed as a disconnect; a timed-out one is a 408."""
    if isinstance(exc.__context__, TimeoutError):
        return handle_timeout(exc)
    return handle_http_exception(exc)


def handle_database_unavailable(exc: Exception) -> Response:
    """The database refused, timed out, is locked, full or read-only: the request may work later."""
    log.warning("database unavailable", extra={"fields": {"error": f"{type(exc).__name__}: {exc}"[:500]}})
    return error_response(503, "the database is unavailable; try again later", headers={"Retry-After": "5"})


def handle_unexpected(exc: Exception) -> Response:
    log.exception("unhandled error", extra={"fields": {"error": type(exc).__name__}})
    return error_response(500, "internal error: it was logged with this request's X-Request-Id")


def cap_errors(errors: Any) -> Any:
    """Field errors with at most MAX_ITEM_ERRORS items listed under each list field (keys that
    are item indexes, as marshmallow reports lists), the first ones, and "_more" saying how many
    items were left out."""
    if not isinstance(errors, dict):
        return errors
    items = sorted((k for k in errors if _is_index(k)), key=int)
    out = {k: cap_errors(v) for k, v in errors.items() if not _is_index(k)}
    out.update((str(k), cap_errors(errors[k])) for k in items[:MAX_ITEM_ERRORS])
    if len(items) > MAX_ITEM_ERRORS:
        out["_more"] = [f"{len(items) - MAX_ITEM_ERRORS} more items have errors; the first "
                        f"{MAX_ITEM_ERRORS} are listed"]
    return out


def _is_index(key: object) -> bool:
    return isinstance(key, int) or (isinstance(key, str) and key.isascii() and key.isdigit())


def nest(path: str, value: Any) -> dict[str, Any]:
    """"queries.3.q" -> {"queries": {"3": {"q": value}}}, the shape marshmallow gives lists."""
    out: Any = value
    for part in reversed(path.split(".")):
        out = {part: out}
    return out  # type: ignore[no-any-return]


def check_query_string() -> None:
    """Refuse a query string that is not UTF-8 (werkzeug would silently put U+FFFD in it)."""
    raw = request.query_string
    if not raw:
        return
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the query string is not valid UTF-8 (percent-encode UTF-8 bytes)") from None


def check_json_body() -> None:
    """For a request with a body: JSON only (415), UTF-8, parsable without hitting the recursion
    limit (400). Reading the body enforces MAX_CONTENT_LENGTH (413)."""
    if request.method not in BODY_METHODS:
        return
    if not request.is_json:
        raise UnsupportedMediaType("send the body as application/json")
    try:
        g.json_body = parse_json(request.get_data(cache=True).decode("utf-8"),
                                 current_app.config.get(MAX_JSON_OBJECTS, 20_000))
    except UnicodeDecodeError:
        raise BadRequest("the body is not valid UTF-8") from None
    except RecursionError:
        raise BadRequest("the JSON body is nested too deeply") from None
    except ValueError as exc:
        raise BadRequest(f"the body is not valid JSON: {exc}") from None


class _TooManyObjects(Exception):
    pass


def parse_json(text: str, max_objects: int) -> Any:
    """json.loads; past COUNTED_JSON_BYTES the objects are counted as they are made, and the parse
    stops with a 413 at the first one over max_objects (before the rest is even read)."""
    if len(text) <= COUNTED_JSON_BYTES:
        return json.loads(text)
    made = 0

    def counted(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal made
        made += 1
        if made > max_objects:
            raise _TooManyObjects
        return dict(pairs)

    try:
        return json.loads(text, object_pairs_hook=counted)
    except _TooManyObjects:
        raise RequestEntityTooLarge(f"the JSON body holds more than {max_objects} objects") from None


def check_lengths(body: Any, limits: dict[str, int], what: str) -> None:
    """Refuse (422) a top-level list field longer than its limit, by its length alone: before a
    schema checks each of its items."""
    if not isinstance(body, dict):
        return
    for field, limit in limits.items():
        found = body.get(field)
        if isinstance(found, list) and len(found) > limit:
            raise ValidationError({field: [f"{what} has at most {limit} {field}"]})


def request_json() -> Any:
    """The body `check_json_body` parsed (views behind that guard read it from here)."""
    return g.json_body


def handle_validation_error(exc: ValidationError) -> Response:
    location = "query" if request.method == "GET" else "json"
    return error_response(422, "invalid input: see errors", {location: exc.messages})


def install_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(InvalidQuery, handle_invalid_query)
    app.register_error_handler(TextTooLarge, handle_text_too_large)
    app.register_error_handler(ValidationError, handle_validation_error)
    app.register_error_handler(TimeoutError, handle_timeout)
    app.register_error_handler(ClientDisconnected, handle_disconnect)
    for unavailable in DATABASE_UNAVAILABLE:
        app.register_error_handler(unavailable, handle_database_unavailable)
    app.register_error_handler(Exception, handle_unexpected)
    app.before_request(check_query_string)
