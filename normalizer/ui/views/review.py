"""The review queue: names the service could not resolve, most often seen first, each settled in
one click: add it as a name of an entity, make a new entity of it, or dismiss it."""

from __future__ import annotations

from typing import Any

from flask import redirect, request, url_for
from werkzeug.wrappers import Response

from normalizer.service import (
    EntityNotFound,
    InvalidEntity,
    NameConflict,
    StaleRevision,
)
from normalizer.ui.blueprint import bp, notify, page
from normalizer.ui.forms import describe, form_int
from normalizer.ui.session import EditorRequired, current_editor, require_writer
from normalizer.ui.views.common import desk

PER_PAGE = 30
STATES = ("open", "settled", "dismissed")


def review_page(status: int = 200, **context: Any) -> tuple[str, int]:
    if current_editor() is None:
        raise EditorRequired("sign in to see the review queue")
    state = request.args.get("state", "open")
    state = state if state in STATES else "open"
    number = min(form_int(request.args.get("page"), 1) or 1, 1_000_000)
    items, total = desk().review(state, number, PER_PAGE)
    context.setdefault("error", None)
    return page("review.html", status, items=items, total=total, state=state, states=STATES,
                page_number=number, pages=max(1, -(-total // PER_PAGE)), **context)


@bp.get("/review")
def review() -> tuple[str, int]:
    return review_page()


def settle_request(form: Any, example: str) -> dict[str, Any]:
    """The curation layer's settle request from one of the three small forms of an item (a new
    entity gets the item's text, sent back by the form, as a name beside its English name)."""
    action = form.get("action", "")
    lang = form.get("lang", "vi").strip() or "vi"
    if action == "add_name":
        return {"action": action, "entity": form.get("entity", "").strip(),
                "name": {"lang": lang, "kind": form.get("kind", "alias") or "alias",
                         **({"ambiguous": True} if form.get("ambiguous") else {})}}
    if action == "new_entity":
        english = form.get("name", "").strip()
        names = [{"text": english, "lang": "en", "kind": "preferred"}]
        if (example, lang) != (english, "en"):
            names.append({"text": example, "lang": lang, "kind": "preferred" if lang != "en" else "alias"})
        return {"action": action, "entity": {"name": english, "type": form.get("type", ""), "names": names}}
    return {"action": action}


@bp.post("/review/settle")
def settle() -> Response | tuple[str, int]:
    editor = require_writer()
    key = request.form.get("key", "")
    example = request.form.get("example", "").strip()
    body = settle_request(request.form, example)
    try:
        done = desk().settle(key, body, editor.name)
    except (InvalidEntity, NameConflict, EntityNotFound, StaleRevision) as exc:
        return review_page(409 if isinstance(exc, NameConflict | StaleRevision) else 422,
                           error=describe(exc), failed_key=key)
    target = (done.settled_as or {}).get("entity")
    if target:
        notify("Settled: %(example)s", example=done.example)
    else:
        notify("Dismissed: %(example)s", example=done.example)
    return redirect(url_for("ui.review", state=request.args.get("state", "open")), 303)

