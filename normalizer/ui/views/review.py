"""The review queue: names the service could not resolve, most often seen first, each shown with
its closest candidates and the suggestion, and settled in one click: add it as a name of a
candidate, create an entity from the suggestion, or dismiss it (several at once, too). Items that
resolve by now close as the page is read."""

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
from normalizer.ui.i18n import language, translate
from normalizer.ui.session import EditorRequired, current_editor, require_writer, service
from normalizer.ui.views.common import desk

PER_PAGE = 30
STATES = ("open", "settled", "dismissed")


def review_page(status: int = 200, **context: Any) -> tuple[str, int]:
    if current_editor() is None:
        raise EditorRequired("sign in to see the review queue")
    state = request.args.get("state", "open")
    state = state if state in STATES else "open"
    number = min(form_int(request.args.get("page"), 1) or 1, 1_000_000)
    cards, total = desk().review_cards(state, number, PER_PAGE)
    context.setdefault("error", None)
    return page("review.html", status, cards=cards, total=total, state=state, states=STATES,
                page_number=number, pages=max(1, -(-total // PER_PAGE)), names=entity_names(cards),
                **context)


def entity_names(cards: list[Any]) -> dict[str, str]:
    """English names of the entities the cards link to (settled items name only their id)."""
    ids = {c.item.settled_as.get("entity") for c in cards if c.item.settled_as} - {None}
    found = {i: service().entity(i) for i in ids}
    return {i: e.name for i, e in found.items() if e is not None}


@bp.get("/review")
def review() -> tuple[str, int]:
    return review_page()


def settle_request(form: Any, example: str) -> dict[str, Any]:
    """The curation layer's settle request from an item's forms. Fields left empty get the core's
    defaults: the item's text in the language of its script, the kind an editor expects (first
    name in a language preferred, else alias), a new entity named in English and by the item."""
    action = form.get("action", "")
    lang = form.get("lang", "").strip()
    if action == "add_name":
        name = {"lang": lang, "kind": form.get("kind", ""), "ambiguous": bool(form.get("ambiguous"))}
        return {"action": action, "entity": form.get("entity", "").strip(),
                "name": {k: v for k, v in name.items() if v}}
    if action == "new_entity":
        english = form.get("name", "").strip()
        entity: dict[str, Any] = {"name": english, "type": form.get("type", "")}
        if lang:
            entity["names"] = [{"text": english, "lang": "en", "kind": "preferred"}]
            if (example, lang) != (english, "en"):
                entity["names"].append({"text": example, "lang": lang})
        return {"action": action, "entity": entity}
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


@bp.post("/review/dismiss")
def dismiss_many() -> Response | tuple[str, int]:
    """Dismiss the items ticked on the page (at most one page's worth)."""
    editor = require_writer()
    keys = request.form.getlist("keys")[:PER_PAGE]
    if not keys:
        return review_page(422, error=translate("Tick the items to dismiss first.", language()))
    count = desk().dismiss_many(keys, editor.name)
    notify("Dismissed %(n)s items.", n=count)
    return redirect(url_for("ui.review", state="open"), 303)
