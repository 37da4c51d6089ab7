"""Editing an entity and its names. The form carries the revision it was read at: if the entity
moved since, the edit is refused and the editor sees what changed instead of overwriting it."""

from __future__ import annotations

from typing import Any

from flask import redirect, request, url_for
from werkzeug.wrappers import Response

from normalizer.service import EntityNotFound, InvalidEntity, NameConflict, StaleRevision, StoredEntity
from normalizer.ui.blueprint import bp, notify, page
from normalizer.ui.forms import EntityForm, NameRow, RoleRow, field_errors
from normalizer.ui.session import require_writer
from normalizer.ui.views.common import desk, stored_or_redirect, with_entity_ids


def edit_page(found: StoredEntity, form: EntityForm, status: int = 200, **context: Any) -> tuple[str, int]:
    context.setdefault("errors", {})
    context.setdefault("blank", NameRow(lang="vi", kind="alias"))
    context.setdefault("blank_role", RoleRow())
    return page("edit.html", status, found=found, entity=found.entity, form=form, **context)


@bp.get("/entity/<string:entity_id>/edit")
def edit_form(entity_id: str) -> Response | tuple[str, int]:
    require_writer()
    found = stored_or_redirect(entity_id, "ui.edit_form")
    return found if isinstance(found, Response) else edit_page(found, EntityForm.of(found.entity))


@bp.post("/entity/<string:entity_id>/edit")
def edit(entity_id: str) -> Response | tuple[str, int]:
    editor = require_writer()
    found = stored_or_redirect(entity_id, "ui.edit_form")
    if isinstance(found, Response):
        return found
    form = EntityForm.read(request.form)
    changes, rows = form.changes()
    try:
        desk().update(entity_id, with_entity_ids(changes), form.revision, editor.name)
    except StaleRevision as exc:
        return edit_page(found, form, 409, stale=exc, newer=changes_since(entity_id, form.revision))
    except NameConflict as exc:
        return edit_page(found, form, 409, conflict=exc)
    except (InvalidEntity, EntityNotFound) as exc:
        errors = exc.errors if isinstance(exc, InvalidEntity) else {"_schema": [str(exc)]}
        return edit_page(found, form, 422, errors=field_errors(errors, rows))
    notify("Saved.")
    return redirect(url_for("ui.entity", entity_id=entity_id), 303)


def changes_since(entity_id: str, revision: int) -> list[Any]:
    """The audit entries newer than the revision the editor's form was read at (newest first)."""
    entries, _ = desk().history(entity_id, 1, 20)
    return [e for e in entries if e.revision > revision]
