"""Operations: /healthz, /readyz, /metrics, and the documentation page /docs."""

from __future__ import annotations

from importlib.resources import files

from flask import Blueprint as FlaskBlueprint
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from normalizer.api.context import json_response, service
from normalizer.api.errors import error_response
from normalizer.api.observability import metrics_text
from normalizer.api.schemas import ChecksSchema, ErrorSchema

blp = Blueprint("ops", __name__, description="Liveness, readiness and metrics.")
docs = FlaskBlueprint("docs", __name__)  # plain Flask: the page itself is not part of the API
DOCS_FILES = {"docs.js": "text/javascript", "docs.css": "text/css"}
# The same headers as the editors' UI (normalizer/ui/app.py): no inline script or style, nothing
# from another origin, never framed.
DOCS_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; "
                                "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
                                "frame-ancestors 'none'; base-uri 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, ChecksSchema)
    def get(self) -> Response:
        """The process is alive and answering."""
        return json_response({"status": "ok", "checks": {}})


@blp.route("/readyz")
class Ready(MethodView):
    @blp.response(200, ChecksSchema)
    @blp.alt_response(503, schema=ErrorSchema, description="a check failed: see errors.checks")
    def get(self) -> Response:
        """The index is loaded (and the database reachable): send traffic here."""
        checks = service().readiness()
        if not all(checks.values()):
            failed = ", ".join(name for name, ok in checks.items() if not ok)
            return error_response(503, f"not ready: {failed}", {"checks": checks})
        return json_response({"status": "ok", "checks": checks})


@blp.route("/metrics")
class Metrics(MethodView):
    @blp.doc(responses={"200": {"description": "Prometheus text exposition format",
                                "content": {"text/plain": {"schema": {"type": "string"}}}}})
    def get(self) -> Response:
        """Request counts and latency by endpoint and status; resolve outcomes by status and method."""
        return Response(metrics_text(), mimetype="text/plain", content_type="text/plain; version=0.0.4")


@docs.route("/docs")
def docs_page() -> Response:
    """A page that renders /openapi.json, shipped in the package (works offline, no CDN)."""
    page = files("normalizer.api").joinpath("docs.html").read_text(encoding="utf-8")
    return Response(page, mimetype="text/html", headers=DOCS_HEADERS)


@docs.route("/docs/<any(docs.js, docs.css):name>")
def docs_asset(name: str) -> Response:
    """The page's script and style (separate files: the policy allows no inline code)."""
    text = files("normalizer.api").joinpath(name).read_text(encoding="utf-8")
    return Response(text, mimetype=DOCS_FILES[name], headers=DOCS_HEADERS)
