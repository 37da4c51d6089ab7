"""The properties of our entities: clients fetch them (data extension) and query on them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from normalizer.model import ENTITY_TYPES, Entity
from normalizer.service import Normalizer


@dataclass(frozen=True, slots=True)
class Property:
    id: str
    name: str
    description: str
    types: tuple[str, ...]  # the entity types that have it

    def ref(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "description": self.description}


NOT_COUNTRY = tuple(t for t in ENTITY_TYPES if t != "country")
PROPERTIES = {p.id: p for p in (
    Property("country", "Country", "The country the entity belongs to", NOT_COUNTRY),
    Property("type", "Type", "person, country, place, organization or event", ENTITY_TYPES),
    Property("iso3166", "ISO 3166 code", "The ISO 3166-1 alpha-2 code of a country", ("country",)),
    Property("native_name", "Native name", "The name in the entity's own language and script", ENTITY_TYPES),
)}

_BY_LABEL = {label.casefold(): p.id for p in PROPERTIES.values() for label in (p.id, p.name)}


def property_id(label: object) -> str | None:
    """The property id for an id or a label in any case ("Type", "ISO 3166 code"); None if unknown."""
    return _BY_LABEL.get(label.strip().casefold()) if isinstance(label, str) else None


def property_values(service: Normalizer, entity: Entity, pid: str, with_lang: bool) -> list[dict[str, Any]]:
    """The values of one property of an entity, as data extension rows carry them. `with_lang`
    adds the text-processing language to strings (1.0-draft; 0.2 forbids the field)."""
    if pid == "country":
        country = service.index.get(entity.country) if entity.country else None
        return [{"id": country.id, "name": country.name}] if country else []
    if pid == "type":
        return [{"str": entity.type}]
    if pid == "iso3166":
        code = dict(entity.external_ids).get("iso3166")
        return [{"str": code}] if code else []
    if pid == "native_name":
        return [{"str": n.text, **({"lang": n.lang} if with_lang else {})}
                for n in entity.names if n.kind == "native"]
    raise KeyError(pid)
