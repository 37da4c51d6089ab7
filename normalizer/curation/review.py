"""Settling review items: add the query as a name of an entity, create an entity, or dismiss it."""

from __future__ import annotations

from typing import Any

from normalizer.curation.editor import Curator
from normalizer.curation.errors import InvalidEntity, ReviewItemNotFound
from normalizer.store import ReviewItem, Store

ACTIONS = ("add_name", "new_entity", "dismiss")


def settle(store: Store, curator: Curator, key: str, request: dict[str, Any], actor: str) -> ReviewItem:
    """`request`: {"action": "add_name", "entity": id, "name": {...} (text defaults to the
    example), "revision": n (optional)} | {"action": "new_entity", "entity": {...}} |
    {"action": "dismiss"}. Raises ReviewItemNotFound, InvalidEntity and the curator's errors."""
    item = store.review.get(key)
    if item is None:
        raise ReviewItemNotFound(key)
    action = request.get("action") if isinstance(request, dict) else None
    if action == "add_name":
        target, name = request.get("entity"), {"text": item.example, **(request.get("name") or {})}
        if not isinstance(target, str):
            raise InvalidEntity({"entity": ["the id of the entity that gets the name"]})
        revision = request.get("revision") or curator.stored(target).revision
        done = curator.add_name(target, name, int(revision), actor)
        settled_as = {"action": action, "entity": done.entity.id, "revision": done.revision}
    elif action == "new_entity":
        done = curator.create(request.get("entity") or {}, actor)
        settled_as = {"action": action, "entity": done.entity.id, "revision": done.revision}
    elif action == "dismiss":
        settled_as = {"action": action, "by": actor}
    else:
        raise InvalidEntity({"action": [f"must be one of {', '.join(ACTIONS)}"]})
    state = "dismissed" if action == "dismiss" else "settled"
    settled = store.review.settle(key, state, settled_as)
    if settled is None:
        raise ReviewItemNotFound(key)
    return settled
