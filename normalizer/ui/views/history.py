"""An entity's history with each change's diff, and revert in one click."""

from __future__ import annotations

from flask import redirect, request, url_for
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response

from normalizer.service import InvalidEntity, NameConflict, RevisionNotFound, StaleRevision
from normalizer.ui.blueprint import bp, notify, page
from normalizer.ui.forms import describe, form_int
from normalizer.ui.session import require_writer
from normalizer.ui.views.common import desk

PER_PAGE = 20


def history_page(entity_id: str, status: int = 200, error: str | None = None) -> tuple[str, int]:
    number = form_int(request.args.get("page"), 1) or 1
    entries, total = desk().history(entity_id, min(number, 1_000_000), PER_PAGE)
    if not total:
        raise NotFound(f"no entity has the id {entity_id!r}")
    found = desk().get(entity_id)
    return page("history.html", status, entity_id=entity_id, found=found, entries=entries, total=total,
                page_number=number, pages=max(1, -(-total // PER_PAGE)), error=error)


@bp.get("/entity/<string:entity_id>/history")
def history(entity_id: str) -> tuple[str, int]:
    """A merged id keeps its own history here (no redirect)."""
    return history_page(entity_id)


@bp.post("/entity/<string:entity_id>/revert")
def revert(entity_id: str) -> Response | tuple[str, int]:
    editor = require_writer()
    revision = form_int(request.form.get("revision"), 0)
    expected = form_int(request.form.get("expected"), 0)
    try:
        desk().revert(entity_id, revision, expected, editor.name)
    except (StaleRevision, RevisionNotFound, NameConflict, InvalidEntity) as exc:
        return history_page(entity_id, 409 if isinstance(exc, StaleRevision | NameConflict) else 422,
                            error=describe(exc))
    notify("Reverted to revision %(revision)s.", revision=revision)
    return redirect(url_for("ui.history", entity_id=entity_id), 303)
