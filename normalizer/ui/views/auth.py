"""Sign-in with an editor token, sign-out, and the language switch."""

from __future__ import annotations

from flask import redirect, request, session, url_for
from werkzeug.wrappers import Response

from normalizer.ui.blueprint import bp, page
from normalizer.ui.i18n import LANGUAGES
from normalizer.ui.session import sign_in, sign_out


def safe_next(target: str | None) -> str:
    """Only a path of the UI itself (no scheme, no host, no //, no control characters, which a
    Location header cannot carry): never an open redirect, never a header split."""
    if (target and target.startswith("/ui/") and not target.startswith("//") and "\\" not in target
            and target.isprintable()):
        return target
    return url_for("ui.search")


@bp.get("/signin")
def signin_form() -> tuple[str, int]:
    return page("signin.html", next=request.args.get("next", ""), error=None, reason=None)


@bp.post("/signin")
def signin() -> Response | tuple[str, int]:
    editor = sign_in(request.form.get("token", ""))
    if editor is None:
        return page("signin.html", 401, next=request.form.get("next", ""), reason=None,
                    error="This token is unknown or revoked.")
    return redirect(safe_next(request.form.get("next")), 303)


@bp.post("/signout")
def signout() -> Response:
    sign_out()
    return redirect(url_for("ui.search"), 303)


@bp.post("/lang")
def set_language() -> Response:
    chosen = request.form.get("lang", "")
    if chosen in LANGUAGES:
        session["lang"] = chosen
    return redirect(safe_next(request.form.get("next")), 303)

