"""Bearer tokens: writes need the editor or admin role (401 without a valid token, 403 with a role
too weak); reads are public unless NORMALIZER_READ_TOKEN_REQUIRED is set."""

from __future__ import annotations

from flask import Flask, Response, current_app, g, request
from werkzeug.exceptions import Forbidden, HTTPException, Unauthorized

from normalizer.api.context import service
from normalizer.api.errors import error_response
from normalizer.service import TokenInfo

WRITE_ROLES = frozenset({"editor", "admin"})
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
READ_TOKEN_CONFIG = "NORMALIZER_READ_TOKEN_REQUIRED"  # noqa: S105 (a config key, not a secret)
PUBLIC_PATHS = ("/healthz", "/readyz", "/metrics", "/openapi.json", "/docs", "/docs/docs.js",
                "/docs/docs.css")
# The web UI has its own sign-in gate for NORMALIZER_READ_TOKEN_REQUIRED.
PUBLIC_PREFIXES = ("/ui/",)


class TokenRequired(Unauthorized):
    """401 with a WWW-Authenticate challenge."""


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_token() -> TokenInfo | None:
    """The request's valid token, or None (looked up once per request)."""
    if "normalizer_token" not in g:
        token = _bearer()
        desk = service().curation
        g.normalizer_token = desk.authenticate(token) if token and desk and len(token) < 200 else None
    found: TokenInfo | None = g.normalizer_token
    return found


def require_editor() -> TokenInfo:
    """The editor's token, or 401/403."""
    token = current_token()
    if token is None:
        raise TokenRequired("send an editor's token: Authorization: Bearer <token>")
    if token.role not in WRITE_ROLES:
        raise Forbidden(f"the token {token.name!r} has the role {token.role}; writes need editor or admin")
    return token


def require_reader() -> TokenInfo:
    """A valid token of any role (viewer, editor, admin), or 401."""
    token = current_token()
    if token is None:
        raise TokenRequired("send a token (viewer, editor or admin): Authorization: Bearer <token>")
    return token


def authorize_writes() -> None:
    """A blueprint's first hook: its writes need an editor's token, checked before the body is
    read or a field validated (an anonymous client must not make the service parse anything)."""
    if request.method in WRITE_METHODS:
        require_editor()


def _is_public() -> bool:
    if request.path in PUBLIC_PATHS or request.path == "/ui" or request.path.startswith(PUBLIC_PREFIXES):
        return True
    # The reconciliation spec requires the bare manifest to stay public; its queries do not.
    return request.path == "/reconcile" and request.method == "GET" and not request.args


def _check_read_token() -> None:
    if not current_app.config.get(READ_TOKEN_CONFIG) or _is_public():
        return
    if current_token() is None:
        raise TokenRequired("this service requires a token for reads: Authorization: Bearer <token>")


def _unauthorized(exc: HTTPException) -> Response:
    return error_response(401, exc.description, headers={"WWW-Authenticate": 'Bearer realm="normalizer"'})


def install_auth(app: Flask, read_token_required: bool) -> None:
    app.config[READ_TOKEN_CONFIG] = read_token_required
    app.before_request(_check_read_token)
    app.register_error_handler(TokenRequired, _unauthorized)
