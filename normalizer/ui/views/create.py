"""A new entity from its English name, type and first names; soft delete and restore."""

from __future__ import annotations

from typing import Any

from flask import redirect, request, url_for
from werkzeug.wrappers import Response

from normalizer.service import EntityNotFound, InvalidEntity, NameConflict, StaleRevision
from normalizer.ui.blueprint import bp, notify, page
from normalizer.ui.forms import describe, field_errors, form_int
from normalizer.ui.session import require_writer
from normalizer.ui.views.common import desk, stored_or_redirect, with_entity_ids

FIELDS = ("name", "type", "vi_name", "description", "country")


def new_entity_payload(form: dict[str, str]) -> dict[str, Any]:
    """The English name is the preferred English name; a Vietnamese name, when given, the
    preferred Vietnamese one."""
    names = [{"text": form["name"], "lang": "en", "kind": "preferred"}]
    if form["vi_name"]:
        names.append({"text": form["vi_name"], "lang": "vi", "kind": "preferred"})
    return {"name": form["name"], "type": form["type"], "description": form["description"] or None,
            "country": form["country"] or None, "names": names}


@bp.get("/new")
def new_form() -> tuple[str, int]:
    require_writer()
    return page("new.html", form=dict.fromkeys(FIELDS, "") | {"type": request.args.get("type", "person")},
                errors={}, conflict=None)


@bp.post("/new")
def create() -> Response | tuple[str, int]:
    editor = require_writer()
    form = {key: request.form.get(key, "").strip() for key in FIELDS}
    try:
        created = desk().create(with_entity_ids(new_entity_payload(form)), editor.name)
    except NameConflict as exc:
        return page("new.html", 409, form=form, errors={}, conflict=exc)
    except InvalidEntity as exc:
        errors = field_errors(exc.errors)
        vietnamese = errors.pop("names-1-text", []) + errors.pop("names-1", [])
        if vietnamese:
            errors["vi_name"] = vietnamese
        return page("new.html", 422, form=form, errors=errors, conflict=None)
    notify("Created %(id)s.", id=created.entity.id)
    return redirect(url_for("ui.entity", entity_id=created.entity.id), 303)


@bp.post("/entity/<string:entity_id>/delete")
def delete(entity_id: str) -> Response | tuple[str, int]:
    """Soft delete (the id is never reused) or, with restore=1, bring a deleted entity back."""
    editor = require_writer()
    found = stored_or_redirect(entity_id, "ui.entity")
    if isinstance(found, Response):
        return found
    expected = form_int(request.form.get("revision"), 0)
    restore = bool(request.form.get("restore"))
    try:
        if restore:
            desk().undelete(entity_id, expected, editor.name)
        else:
            desk().delete(entity_id, expected, editor.name)
    except (StaleRevision, NameConflict, InvalidEntity, EntityNotFound) as exc:
        return page("error.html", 409, code=409, message=describe(exc))
    notify("Restored." if restore else "Deleted. It can be restored from its page.")
    return redirect(url_for("ui.entity", entity_id=entity_id), 303)
