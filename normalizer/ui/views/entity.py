"""The entity page: names grouped by language, roles, links; adding and removing one name."""

from __future__ import annotations

from typing import Any

from flask import redirect, request, url_for
from werkzeug.wrappers import Response

from normalizer.service import InvalidEntity, NameConflict, StaleRevision, StoredEntity
from normalizer.ui.blueprint import bp, notify, page
from normalizer.ui.forms import NameRow, field_errors, form_int
from normalizer.ui.session import require_writer
from normalizer.ui.views.common import desk, names_by_language, stored_or_redirect


def entity_page(found: StoredEntity, status: int = 200, **context: Any) -> tuple[str, int]:
    context.setdefault("new_name", NameRow(lang="vi", kind="alias"))
    context.setdefault("errors", {})
    return page("entity.html", status, found=found, entity=found.entity,
                groups=names_by_language(found), **context)


@bp.get("/entity/<string:entity_id>")
def entity(entity_id: str) -> Response | tuple[str, int]:
    found = stored_or_redirect(entity_id, "ui.entity")
    return found if isinstance(found, Response) else entity_page(found)


@bp.post("/entity/<string:entity_id>/names")
def add_name(entity_id: str) -> Response | tuple[str, int]:
    """Add one name. A strong name another entity holds is refused with that entity shown, and
    the editor may then add it marked ambiguous on purpose."""
    editor = require_writer()
    found = stored_or_redirect(entity_id, "ui.entity")
    if isinstance(found, Response):
        return found
    row = NameRow.read(request.form, "")
    expected = form_int(request.form.get("revision"), 0)
    try:
        desk().add_name(entity_id, row.payload(), expected, editor.name)
    except NameConflict as exc:
        return entity_page(found, 409, new_name=row, conflict=exc)
    except InvalidEntity as exc:
        return entity_page(found, 422, new_name=row, errors=field_errors(exc.errors))
    except StaleRevision as exc:
        return entity_page(desk().get(entity_id) or found, 409, new_name=row, stale=exc)
    notify("Name added: %(text)s", text=row.text)
    return redirect(url_for("ui.entity", entity_id=entity_id), 303)


@bp.post("/entity/<string:entity_id>/names/<int:name_id>/remove")
def remove_name(entity_id: str, name_id: int) -> Response | tuple[str, int]:
    editor = require_writer()
    found = stored_or_redirect(entity_id, "ui.entity")
    if isinstance(found, Response):
        return found
    try:
        desk().remove_name(entity_id, name_id, form_int(request.form.get("revision"), 0), editor.name)
    except InvalidEntity as exc:
        return entity_page(found, 422, remove_errors=field_errors(exc.errors))
    except StaleRevision as exc:
        return entity_page(desk().get(entity_id) or found, 409, stale=exc)
    notify("Name removed.")
    return redirect(url_for("ui.entity", entity_id=entity_id), 303)
