"""What several pages share: loading an entity for a page, grouping its names, desk access."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from flask import redirect, url_for
from werkzeug.exceptions import NotFound, ServiceUnavailable
from werkzeug.wrappers import Response

from normalizer.model import Name
from normalizer.service import Desk, InvalidEntity, StoredEntity
from normalizer.ui.session import service

LANGUAGE_ORDER = {"vi": 0, "en": 1}


def desk() -> Desk:
    found = service().curation
    if found is None:
        raise ServiceUnavailable("editing needs the database (this service runs without a store)")
    return found


def stored_or_redirect(entity_id: str, endpoint: str) -> StoredEntity | Response:
    """The stored entity for a page; a redirect to the same page of the survivor when it was merged,
    404 when unknown."""
    found = desk().get(entity_id)
    if found is None:
        raise NotFound(f"no entity has the id {entity_id!r}")
    if found.merged_into:
        survivor = service().canonical_id(entity_id) or found.merged_into
        return redirect(url_for(endpoint, entity_id=survivor), 303)
    return found


def names_by_language(found: StoredEntity) -> list[tuple[str, list[tuple[int, Name]]]]:
    """(language, [(name id, name), ...]) with Vietnamese first, then English, then by tag."""
    groups: dict[str, list[tuple[int, Name]]] = defaultdict(list)
    for name_id, name in zip(found.name_ids, found.entity.names, strict=True):
        groups[name.lang].append((name_id, name))
    return sorted(groups.items(), key=lambda item: (LANGUAGE_ORDER.get(item[0], 2), item[0]))


def entity_id_of(given: str | None) -> str | None:
    """What an entity field holds as an id: an id stays, a name only one entity has becomes its id
    ("Trung Quốc" -> china); anything else is left for the core to refuse on its field."""
    if not given or service().canonical_id(given):
        return given
    try:
        return desk().find_entity(given)
    except InvalidEntity:
        return given


def with_entity_ids(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload with its country and roles' `of` given by id (editors may type names)."""
    out = dict(payload)
    if out.get("country"):
        out["country"] = entity_id_of(out["country"])
    if isinstance(out.get("roles"), list):
        out["roles"] = [{**r, "of": entity_id_of(r.get("of"))} if r.get("of") else r for r in out["roles"]]
    return out
