"""Suggest services (auto-completion) for entities, types and properties.

Each takes the user's `prefix` and a `cursor` (how many suggestions to skip) and answers
{"result": [...]}, the shape both spec versions share.
"""

from __future__ import annotations

from typing import Any

from normalizer.model import Entity
from normalizer.recon.errors import ReconError
from normalizer.recon.properties import PROPERTIES
from normalizer.recon.types import all_types, type_id, type_ref
from normalizer.service import MAX_PER_PAGE, InvalidQuery, Normalizer

DEFAULT_LIMIT = 10
MAX_CURSOR = 10_000  # past this a prefix is too vague to page through


def suggest_entities(service: Normalizer, prefix: str, cursor: int = 0, limit: int = DEFAULT_LIMIT,
                     type: str | None = None) -> dict[str, Any]:
    """Entities whose names match the prefix, best first (all entities by id for an empty one)."""
    _check_window(cursor, limit)
    # a label ("Person") names its type; an unknown one goes on, for the service to refuse
    type = type_id(type) or type if type else None
    return {"result": [_entity_suggestion(e) for e in _window(service, prefix, type, cursor, limit)]}


def suggest_types(prefix: str, cursor: int = 0, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    _check_window(cursor, limit)
    found = [t for t in all_types() if _fits(prefix, t["id"], t["name"])]
    return {"result": found[cursor:cursor + limit]}


def suggest_properties(prefix: str, cursor: int = 0, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    _check_window(cursor, limit)
    found = [p.ref() for p in PROPERTIES.values() if _fits(prefix, p.id, p.name)]
    return {"result": found[cursor:cursor + limit]}


def _fits(prefix: str, *labels: str) -> bool:
    needle = prefix.strip().casefold()
    return any(needle in label.casefold() for label in labels)


def _check_window(cursor: int, limit: int) -> None:
    if not 0 <= cursor <= MAX_CURSOR:
        raise ReconError("cursor", f"cursor must be between 0 and {MAX_CURSOR}")
    if not 1 <= limit <= MAX_PER_PAGE:
        raise ReconError("limit", f"limit must be between 1 and {MAX_PER_PAGE}")


def _window(service: Normalizer, prefix: str, type: str | None, cursor: int, limit: int) -> list[Entity]:
    """Entities cursor .. cursor+limit of the search, read from the pages that hold them."""
    first, last = cursor // MAX_PER_PAGE + 1, (cursor + limit - 1) // MAX_PER_PAGE + 1
    found: list[Entity] = []
    try:
        for page in range(first, last + 1):
            found.extend(service.search_entities(prefix, type, page, MAX_PER_PAGE).items)
    except InvalidQuery as exc:
        raise ReconError("prefix" if exc.field == "q" else exc.field, str(exc)) from None
    start = cursor - (first - 1) * MAX_PER_PAGE
    return found[start:start + limit]


def _entity_suggestion(entity: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"id": entity.id, "name": entity.name}
    if entity.description:
        out["description"] = entity.description
    out["notable"] = [type_ref(entity.type)]
    return out
