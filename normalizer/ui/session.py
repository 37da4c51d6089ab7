"""Who is signed in, CSRF tokens and the session cookie.

The signed session cookie holds only the editor's token name and role (never the token), the
interface language and a per-session CSRF token that every POST form must echo back.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from dataclasses import dataclass

from flask import Flask, Request, current_app, g, request, session
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from werkzeug.exceptions import BadRequest, Forbidden

from normalizer.service import DATABASE_UNAVAILABLE, Normalizer

SERVICE = "normalizer.ui"
CSRF_FIELD = "csrf_token"
WRITE_ROLES = frozenset({"editor", "admin"})
SESSION_HOURS = 12


def service() -> Normalizer:
    """The service the app was built with (register_ui keeps it in app.extensions)."""
    return current_app.extensions[SERVICE]  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Editor:
    name: str
    role: str

    @property
    def can_write(self) -> bool:
        return self.role in WRITE_ROLES


class EditorRequired(Forbidden):
    """Raised when a page needs a signed-in editor (the view answers with the sign-in page)."""


class CsrfFailed(BadRequest):
    description = "The form has expired or did not come from this site. Reload the page and try again."


def current_editor() -> Editor | None:
    """The signed-in editor, checked against the token list once per request: a token revoked
    (or given another role) since sign-in ends the session at once, on reads as on writes."""
    if "ui_editor" in g:
        return g.ui_editor  # type: ignore[no-any-return]
    editor = _session_editor()
    if editor is not None:
        try:
            role = _token_role(editor.name)
        except DATABASE_UNAVAILABLE:  # cannot tell now: anonymous for this request, still signed in
            g.ui_editor = None
            return None
        if role != editor.role:
            sign_out()
            g.ui_revoked = True
            editor = None
    g.ui_editor = editor
    return editor


def _session_editor() -> Editor | None:
    user = session.get("editor")
    if isinstance(user, dict) and isinstance(user.get("name"), str) and isinstance(user.get("role"), str):
        return Editor(user["name"], user["role"])
    return None


def _token_role(name: str) -> str | None:
    desk = service().curation
    return desk.token_role(name) if desk is not None else None


def sign_in(token: str) -> Editor | None:
    """Check a token through the service; on success keep its name and role in the session."""
    desk = service().curation
    token = token.strip()
    if desk is None or not token or len(token) > 200:
        return None
    info = desk.authenticate(token)
    if info is None:
        return None
    lang = session.get("lang")
    session.clear()  # a fresh session (and CSRF token) at sign-in: no fixation
    if lang:
        session["lang"] = lang
    session.permanent = True
    session["editor"] = {"name": info.name, "role": info.role}
    g.ui_editor = Editor(info.name, info.role)
    return g.ui_editor  # type: ignore[no-any-return]


def sign_out() -> None:
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    g.ui_editor = None


def require_writer() -> Editor:
    """The signed-in editor allowed to write (current_editor checked the token). Raises
    EditorRequired."""
    editor = current_editor()
    if editor is None:
        raise EditorRequired("your token was revoked or changed: sign in again" if g.get("ui_revoked")
                             else "sign in with an editor token")
    if not editor.can_write:
        raise Forbidden(f"the token {editor.name!r} has the role {editor.role}; "
                        "editing needs editor or admin")
    return editor


def csrf_token() -> str:
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str):
        token = session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return token


def check_csrf() -> None:
    """Every state-changing request of the UI carries the session's CSRF token in its form."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    sent = request.form.get(CSRF_FIELD, "")
    expected = session.get(CSRF_FIELD)
    if not isinstance(expected, str) or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfFailed()


class UiSessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie session, marked Secure whenever the request came over HTTPS (directly
    or through a proxy that says so), or always when SESSION_COOKIE_SECURE is set."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or _https(request)

    def open_session(self, app: Flask, req: Request) -> SecureCookieSession | None:
        # The cookie's path is /ui: no other request carries it, and opening an empty session
        # (a signing serializer per request) was ~15 % of a REST resolve's CPU.
        if not req.path.startswith(app.config["SESSION_COOKIE_PATH"]):
            return self.make_null_session(app)
        return super().open_session(app, req)


def _https(req: Request) -> bool:
    return req.is_secure or req.headers.get("X-Forwarded-Proto", "").split(",")[0].strip() == "https"


def configure_sessions(app: Flask, key: str) -> None:
    app.secret_key = key
    app.session_interface = UiSessionInterface()
    app.config.update(SESSION_COOKIE_NAME="normalizer_ui", SESSION_COOKIE_HTTPONLY=True,
                      SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_PATH="/ui",
                      PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=SESSION_HOURS))
