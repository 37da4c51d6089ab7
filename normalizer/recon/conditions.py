"""Property conditions of a query (country, type, iso3166, native_name): what a condition's values
mean, what an entity has, and whether the entity fits.

Values and an entity's properties are both turned into comparable keys: a country value is
resolved to country ids ("Nhật Bản" -> japan), a type is its lower-case id, an ISO code its
upper-case form, a native name its case-folded text.
"""

from __future__ import annotations

from typing import Any

from normalizer.model import Entity
from normalizer.recon.errors import ReconError
from normalizer.recon.queries import PropertyCondition
from normalizer.service import InvalidQuery, Normalizer


def value_sets(service: Normalizer, condition: PropertyCondition, path: str) -> list[frozenset[str]]:
    """For each value of the condition, the keys it stands for (empty if it names nothing)."""
    if condition.pid == "country":
        return [_country_ids(service, value, path) for value in condition.values]
    return [frozenset({_key(condition.pid, value)}) for value in condition.values]


def entity_keys(pid: str, entity: Entity) -> set[str]:
    """The keys an entity has for a property; empty when the gazetteer knows no value."""
    if pid == "country":
        related = {entity.country} | {role.of for role in entity.roles}
        if entity.type == "country":
            related.add(entity.id)
        return {r for r in related if r}
    if pid == "type":
        return {entity.type}
    if pid == "iso3166":
        code = dict(entity.external_ids).get("iso3166")
        return {_key(pid, code)} if code else set()
    if pid == "native_name":
        return {_key(pid, n.text) for n in entity.names if n.kind == "native"}
    raise KeyError(pid)


def fit(entity: Entity, condition: PropertyCondition, sets: list[frozenset[str]]) -> bool | None:
    """Whether the entity fits any, all or none of the values; None when it has no value at all."""
    keys = entity_keys(condition.pid, entity)
    if not keys:
        return None
    hits = [bool(values & keys) for values in sets]
    if condition.quantifier == "all":
        return all(hits)
    if condition.quantifier == "none":
        return not any(hits)
    return any(hits)


def fit_feature(found: bool | None, condition: PropertyCondition) -> dict[str, Any]:
    """The matching feature a condition leaves on a candidate (value: fits or not)."""
    said = ", ".join(repr(v) for v in condition.values)
    if found is None:
        return {"id": f"{condition.pid}_unknown", "name": f"no {condition.pid} known to compare with {said}",
                "value": True}
    verb = "fits" if found else "does not fit"
    return {"id": condition.pid, "name": f"{condition.pid} {verb} {condition.quantifier} of {said}",
            "value": found}


def _key(pid: str, value: str) -> str:
    text = value.strip()
    return text.upper() if pid == "iso3166" else text.casefold()


def _country_ids(service: Normalizer, value: str, path: str) -> frozenset[str]:
    """A country id ("china"), or a country name in any language the gazetteer knows ("Trung Quốc")."""
    entity = service.index.get(value.strip())
    if entity is not None and entity.type == "country":
        return frozenset({entity.id})
    if not value.strip():
        return frozenset()
    try:
        resolution = service.resolve(value, "country", 5)
    except InvalidQuery as exc:
        raise ReconError(path, str(exc)) from None
    if resolution.status == "matched" and resolution.match:
        return frozenset({resolution.match.id})
    if resolution.status == "ambiguous":
        return frozenset(c.id for c in resolution.candidates)
    return frozenset()
