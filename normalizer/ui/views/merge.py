"""Merging two entities: pick the survivor, see which names would move, then confirm."""

from __future__ import annotations

from flask import redirect, request, url_for
from werkzeug.wrappers import Response

from normalizer.service import EntityNotFound, InvalidEntity, StaleRevision
from normalizer.ui.blueprint import bp, notify, page
from normalizer.ui.forms import describe, form_int
from normalizer.ui.session import require_writer, service
from normalizer.ui.views.common import desk, entity_id_of, stored_or_redirect


@bp.get("/entity/<string:entity_id>/merge")
def merge_form(entity_id: str) -> Response | tuple[str, int]:
    """Without `into`: the form to pick the survivor. With it: the preview and the confirm button."""
    require_writer()
    found = stored_or_redirect(entity_id, "ui.merge_form")
    if isinstance(found, Response):
        return found
    into = request.args.get("into", "").strip()[:200]
    if not into:
        return page("merge.html", found=found, into="", preview=None, error=None)
    try:
        preview = service().merge_preview(entity_id, entity_id_of(into) or into)
    except (EntityNotFound, InvalidEntity) as exc:
        return page("merge.html", 422, found=found, into=into, preview=None, error=describe(exc))
    return page("merge.html", found=found, into=into, preview=preview, error=None)


@bp.post("/entity/<string:entity_id>/merge")
def merge(entity_id: str) -> Response | tuple[str, int]:
    editor = require_writer()
    found = stored_or_redirect(entity_id, "ui.merge_form")
    if isinstance(found, Response):
        return found
    into = request.form.get("into", "").strip()
    target = service().canonical_id(into) or entity_id_of(into) or into
    try:
        survivor = desk().merge(entity_id, target, form_int(request.form.get("revision"), 0), editor.name)
    except (EntityNotFound, InvalidEntity, StaleRevision) as exc:
        status = 409 if isinstance(exc, StaleRevision) else 422
        return page("merge.html", status, found=found, into=into, preview=None, error=describe(exc))
    notify("Merged %(merged)s into %(survivor)s.", merged=entity_id, survivor=survivor.entity.id)
    return redirect(url_for("ui.entity", entity_id=survivor.entity.id), 303)
