"""/reconcile: the W3C reconciliation service (spec 0.2 and 1.0-draft) for OpenRefine and others.

A thin shell over normalizer.recon: it reads parameters, forms and JSON bodies, and writes JSON or
HTML. Routes, relative to /reconcile:
  GET  ""                 the manifest (0.2; ?version=1.0-draft for the draft's); with queries=
                          (0.1/0.2 batch), query= (0.1 single) or extend= (0.2 extension) it answers those
  POST ""                 form queries= / query= / extend= (0.2), or a JSON body {"queries": [...]} (1.0)
  POST /reconcile         1.0-draft query batches (application/json)
  GET  /suggest/entity, /suggest/type, /suggest/property   ?prefix=&cursor=&limit=
  GET  /preview?id=       an HTML card; GET /flyout/entity|type|property?id= the 0.2 flyouts
                          {"id", "html"} (GET /flyout?id= any of the three)
  POST /extend            1.0-draft data extension (application/json); GET /extend/propose?type=
Any GET takes `callback=` for JSONP (0.1/0.2 clients). The W3C spec describes these shapes, so they
are plain Flask routes, outside /openapi.json.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import unquote_to_bytes

from flask import Blueprint, Response, request, url_for

from normalizer import recon
from normalizer.api.context import json_response, service
from normalizer.api.errors import error_response, nest

blp = Blueprint("reconcile", __name__, url_prefix="/reconcile")
FORM = "application/x-www-form-urlencoded"
# The card holds only escaped text and inline style: nothing in it may run or load.
PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'"


@blp.errorhandler(recon.ReconError)
def refused(exc: recon.ReconError) -> Response:
    location = "query" if request.method == "GET" else "json" if request.is_json else "form"
    return error_response(exc.status, str(exc), {location: nest(exc.path, [str(exc)])})


@blp.before_request
def check_callback() -> None:
    if request.method == "GET" and "callback" in request.args:
        recon.check_callback(request.args["callback"])


@blp.after_request
def allow_cross_origin(response: Response) -> Response:
    """The spec asks CORS of every route; the data is public, so any origin may read it. A 0.2
    client's GET with a valid `callback` gets JSONP."""
    response.headers.setdefault("Access-Control-Allow-Origin", "*")
    response.headers.setdefault("Access-Control-Allow-Headers", "Content-Type")
    callback = request.args.get("callback", "")
    if request.method == "GET" and callback and response.mimetype == "application/json":
        try:
            script = recon.wrap(callback, response.get_data(as_text=True))
        except recon.ReconError:
            return response  # the refusal of the bad callback itself, as plain JSON
        response.set_data(script)
        response.mimetype = "application/javascript"
        response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@blp.route("", methods=["GET", "POST"])
def endpoint() -> Response:
    """The manifest, or the answer to a 0.1/0.2 request (parameters) or a 1.0 JSON body."""
    if request.method == "POST" and request.is_json:
        return json_response(recon.reconcile_v10(service(), _json_body()))
    params = _form() if request.method == "POST" else request.args
    if "queries" in params:
        return json_response(recon.reconcile_v02(service(), params["queries"]))
    if "query" in params:
        return json_response(recon.reconcile_single(service(), params["query"]))
    if "extend" in params:
        query = recon.parse_extend(recon.load_json(params["extend"], "extend"), service().settings.max_batch)
        return json_response(recon.extend_v02(service(), query))
    if request.method == "POST":
        raise recon.ReconError("queries", 'send queries= or extend= as a form, or JSON {"queries": [...]}')
    return json_response(_manifest(request.args.get("version")))


@blp.route("/reconcile", methods=["POST"])
def reconcile_v10() -> Response:
    """1.0-draft: a JSON query batch {"queries": [...]} -> {"results": [...]}."""
    return json_response(recon.reconcile_v10(service(), _json_body()))


@blp.route("/suggest/entity")
def suggest_entity() -> Response:
    cursor, limit = _window()
    type = request.args.get("type") or None
    return json_response(recon.suggest_entities(service(), _prefix(), cursor, limit, type))


@blp.route("/suggest/type")
def suggest_type() -> Response:
    return json_response(recon.suggest_types(_prefix(), *_window()))


@blp.route("/suggest/property")
def suggest_property() -> Response:
    return json_response(recon.suggest_properties(_prefix(), *_window()))


@blp.route("/preview")
def preview() -> Response:
    html = recon.preview_html(service(), _entity_id())
    if html is None:
        return error_response(404, f"no entity has the id {request.args['id']!r}")
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = PREVIEW_CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@blp.route("/flyout")
def flyout() -> Response:
    return _flyout(recon.any_flyout(service(), _entity_id()), "entity, type or property")


@blp.route("/flyout/entity")
def flyout_entity() -> Response:
    return _flyout(recon.flyout(service(), _entity_id()), "entity")


@blp.route("/flyout/type")
def flyout_type() -> Response:
    return _flyout(recon.type_flyout(_entity_id()), "type")


@blp.route("/flyout/property")
def flyout_property() -> Response:
    return _flyout(recon.property_flyout(_entity_id()), "property")


def _flyout(found: dict[str, Any] | None, kind: str) -> Response:
    if found is None:
        return error_response(404, f"no {kind} has the id {request.args['id']!r}")
    return json_response(found)


@blp.route("/extend", methods=["POST"])
def extend() -> Response:
    """1.0-draft: a JSON data extension query {"ids", "properties"} -> {"meta", "rows"}."""
    query = recon.parse_extend(_json_body(), service().settings.max_batch)
    return json_response(recon.extend_v10(service(), query))


@blp.route("/extend/propose")
def extend_propose() -> Response:
    limit = _int("limit", None)
    return json_response(recon.propose(request.args.get("type") or None, limit))


def _manifest(version_asked: str | None) -> dict[str, Any]:
    endpoint_url = url_for("reconcile.endpoint", _external=True)
    settings = service().settings
    spaces = recon.Spaces(settings.recon_identifier_space, settings.recon_schema_space)
    return recon.manifest(endpoint_url, request.url_root.rstrip("/"), version_asked, settings.max_batch,
                          _service_version(), settings.read_token_required, spaces)


def _service_version() -> str:
    try:
        return version("normalizer")
    except PackageNotFoundError:
        return ""


def _json_body() -> Any:
    if not request.is_json:
        raise recon.ReconError("body", "send the body as application/json", status=415)
    try:
        text = request.get_data(cache=True).decode("utf-8")
    except UnicodeDecodeError:
        raise recon.ReconError("body", "the body is not valid UTF-8") from None
    return recon.load_json(text, "body")


def _form() -> Any:
    """The form fields, after checking the raw form is UTF-8 (werkzeug would put U+FFFD in it)."""
    if request.mimetype == FORM:
        try:
            unquote_to_bytes(request.get_data(cache=True).replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            message = "the form is not valid UTF-8 (percent-encode UTF-8 bytes)"
            raise recon.ReconError("body", message) from None
    return request.form


def _prefix() -> str:
    return request.args.get("prefix", "")


def _entity_id() -> str:
    entity_id = request.args.get("id", "")
    if not entity_id:
        raise recon.ReconError("id", "give the entity id: ?id=...")
    return entity_id


def _window() -> tuple[int, int]:
    cursor = _int("cursor", 0)
    limit = _int("limit", 10)
    assert cursor is not None and limit is not None
    return cursor, limit


def _int(name: str, default: int | None) -> int | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise recon.ReconError(name, f"{name} must be a whole number") from None
