"""The UI blueprint: templates, static files, CSRF on every POST, the page context and HTML errors."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, flash, get_flashed_messages, render_template, request
from werkzeug.exceptions import HTTPException

from normalizer.model import ENTITY_TYPES, NAME_KINDS
from normalizer.service import (
    DATABASE_UNAVAILABLE,
    EntityDeleted,
    EntityNotFound,
    InvalidQuery,
    ReviewItemNotFound,
)
from normalizer.ui.i18n import LANGUAGES, language, translate
from normalizer.ui.session import EditorRequired, check_csrf, csrf_token, current_editor, service

HERE = Path(__file__).resolve().parent
log = logging.getLogger("normalizer.ui")

bp = Blueprint("ui", __name__, url_prefix="/ui", template_folder=str(HERE / "templates"),
               static_folder=str(HERE / "static"), static_url_path="/static")
bp.before_request(check_csrf)
SIGNIN_REQUIRED = "NORMALIZER_UI_SIGNIN_REQUIRED"
OPEN_ENDPOINTS = frozenset({"ui.signin_form", "ui.signin", "ui.set_language", "ui.static"})


@bp.before_request
def require_signin_for_reads() -> None:
    """With NORMALIZER_READ_TOKEN_REQUIRED, reading the gazetteer through the UI needs a sign-in too."""
    if current_app.config.get(SIGNIN_REQUIRED) and request.endpoint not in OPEN_ENDPOINTS \
            and current_editor() is None:
        raise EditorRequired("sign in to read the gazetteer")


@bp.app_template_global("_")
def gettext(message: str, **values: Any) -> str:
    return translate(message, language(), **values)


@bp.context_processor
def page_context() -> dict[str, Any]:
    return {"editor": current_editor(), "csrf_token": csrf_token, "lang": language(),
            "languages": LANGUAGES, "entity_types": ENTITY_TYPES, "name_kinds": NAME_KINDS}


def notify(message: str, **values: Any) -> None:
    """A notice for the next page the editor sees (a message id of the catalog and its values)."""
    flash(json.dumps([message, values], ensure_ascii=False))


@bp.app_template_global("notices")
def notices() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for raw in get_flashed_messages():
        message, values = json.loads(str(raw))
        out.append((message, values))
    return out


def page(template: str, status: int = 200, **context: Any) -> tuple[str, int]:
    return render_template(template, **context), status


@bp.errorhandler(EditorRequired)
def editor_required(exc: EditorRequired) -> tuple[str, int]:
    return page("signin.html", 401, next=request.full_path.rstrip("?") if request.method == "GET" else "",
                error=None, reason=exc.description)


@bp.errorhandler(HTTPException)
def http_error(exc: HTTPException) -> tuple[str, int]:
    return page("error.html", exc.code or 500, code=exc.code, message=exc.description)


@bp.errorhandler(EntityNotFound)
@bp.errorhandler(ReviewItemNotFound)
def not_found(exc: Exception) -> tuple[str, int]:
    return page("error.html", 404, code=404, message=str(exc))


@bp.errorhandler(EntityDeleted)
def deleted(exc: EntityDeleted) -> tuple[str, int]:
    return page("error.html", 409, code=409, message=str(exc))


def database_unavailable(exc: Exception) -> tuple[str, int]:
    log.warning("ui: database unavailable: %s", f"{type(exc).__name__}: {exc}"[:500])
    return page("error.html", 503, code=503,
                message=translate("The database is unavailable. Try again in a moment.", language()))


for _unavailable in DATABASE_UNAVAILABLE:
    bp.register_error_handler(_unavailable, database_unavailable)


@bp.errorhandler(InvalidQuery)
def invalid_query(exc: InvalidQuery) -> tuple[str, int]:
    return page("error.html", 422, code=422, message=str(exc))


@bp.errorhandler(Exception)
def unexpected(exc: Exception) -> tuple[str, int]:
    log.exception("ui: unhandled error")
    return page("error.html", 500, code=500, message=translate("Something went wrong. It was logged.",
                                                                  language()))


@bp.app_template_global("entity_label")
def entity_label(entity_id: str) -> str:
    """An entity's English name for a link, its id when it is unknown (or deleted)."""
    found = service().entity(str(entity_id)) if entity_id else None
    return found.name if found is not None else str(entity_id)


@bp.app_template_filter("show")
def show(value: Any) -> str:
    """A diff value as text: strings as they are, lists and mappings as compact JSON, none as a dash."""
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
