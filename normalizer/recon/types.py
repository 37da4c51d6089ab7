"""Our entity types as reconciliation types: ids are the gazetteer's type names."""

from __future__ import annotations

from typing import Any

from normalizer.model import ENTITY_TYPES

TYPE_NAMES = {
    "person": "Person",
    "country": "Country",
    "place": "Place",
    "organization": "Organization",
    "event": "Event",
}
TYPE_DESCRIPTIONS = {
    "person": "A person: leader, minister, spokesperson, historical figure",
    "country": "A country or territory with an ISO 3166 code",
    "place": "A city, region, sea, island or other place",
    "organization": "An agency, party, government body, company or international organization",
    "event": "A summit, meeting, treaty or other recurring event",
}
assert set(TYPE_NAMES) == set(ENTITY_TYPES), "every entity type needs a reconciliation type"


_BY_LABEL = {label.casefold(): type_id for type_id, name in TYPE_NAMES.items() for label in (type_id, name)}


def type_id(label: str) -> str | None:
    """The type id for an id or a label in any case ("Person", " PLACE "); None if unknown."""
    return _BY_LABEL.get(label.strip().casefold())


def type_ref(type_id: str) -> dict[str, str]:
    """A type as candidates and suggestions carry it: {"id", "name"}."""
    return {"id": type_id, "name": TYPE_NAMES[type_id]}


def type_record(type_id: str) -> dict[str, Any]:
    """A type with its description, as the manifest's defaultTypes and the type suggest list it."""
    return {**type_ref(type_id), "description": TYPE_DESCRIPTIONS[type_id]}


def all_types() -> list[dict[str, Any]]:
    return [type_record(t) for t in ENTITY_TYPES]
