"""Reconciliation query batches (spec 0.2 and 1.0-draft) parsed into one shape, ReconQuery.

0.2: a JSON object of keyed queries {"q0": {"query", "type", "limit", "properties", "type_strict"}}.
1.0-draft: {"queries": [{"conditions": [{"matchType", "propertyId", "propertyValue", ...}], "type",
"limit"}]}. Both parsers check every field and raise ReconError naming it: nothing a client sends
reaches the matcher unchecked. Properties are those of normalizer.recon.properties; types and
properties are named by id or label in any case ("Person", "Type"). 0.2's type_strict "should"
makes the types a preference (other types score lower) instead of a filter; 1.0's
matchQualifier, lang and dir are checked or accepted, and not used.

A batch is parsed in two steps: its envelope (a bad one refuses the whole request), then each
query on its own (`parse_v02_query`, `parse_v10_query`), so that one bad query fails alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from normalizer.recon.errors import ReconError
from normalizer.recon.properties import PROPERTIES, property_id
from normalizer.recon.types import TYPE_NAMES, type_id
from normalizer.service import MAX_LIMIT

DEFAULT_LIMIT = 5
QUANTIFIERS = ("any", "all", "none")
V02_KEYS = frozenset({"query", "type", "limit", "properties", "type_strict"})
V10_KEYS = frozenset({"conditions", "type", "limit", "lang", "dir"})
CONDITION_KEYS = frozenset({"matchType", "propertyId", "propertyValue", "required", "matchQuantifier",
                            "matchQualifier", "pid", "v", "lang", "dir"})


@dataclass(frozen=True, slots=True)
class PropertyCondition:
    """The candidate's property `pid` must (required) or should fit any, all or none of the values."""

    pid: str
    values: tuple[str, ...]
    required: bool = False
    quantifier: str = "any"


@dataclass(frozen=True, slots=True)
class ReconQuery:
    """One query of a batch; `key` is its key (0.2) or position (1.0), for error paths."""

    key: str
    names: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT
    conditions: tuple[PropertyCondition, ...] = ()
    types_preferred: bool = False  # 0.2 type_strict "should": other types are kept, scored lower

    @property
    def date(self) -> str | None:
        """The `date` property's value: role references ("Ngoại trưởng Nhật Bản") are read on it."""
        return next((c.values[0] for c in self.conditions if c.pid == DATE and c.values), None)

    @property
    def country(self) -> str | None:
        """The first `country` value: bare titles and institutions ("Thủ tướng") are read against it."""
        return next((c.values[0] for c in self.conditions if c.pid == "country" and c.values), None)

    @property
    def entity_conditions(self) -> tuple[PropertyCondition, ...]:
        """The conditions on candidates' properties (not the date)."""
        return tuple(c for c in self.conditions if c.pid != DATE)


def load_json(text: str, path: str) -> Any:
    """Parse a JSON parameter (form field or query string) or raise ReconError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ReconError(path, f"{path} is nested too deeply") from None
    except ValueError as exc:
        raise ReconError(path, f"{path} is not valid JSON: {exc}") from None


def v02_items(batch: Any, max_batch: int) -> list[tuple[str, Any]]:
    """A 0.2 (and 0.1) batch's envelope: a JSON object of keyed queries -> [(key, raw query)]."""
    if not isinstance(batch, dict):
        raise ReconError("queries", 'queries must be a JSON object of keyed queries: {"q0": {"query": ...}}')
    _check_size(len(batch), max_batch)
    return [(str(key), query) for key, query in batch.items()]


def v10_items(body: Any, max_batch: int) -> list[tuple[str, Any]]:
    """A 1.0-draft batch's envelope: {"queries": [...]} -> [(position, raw query)], in order."""
    if not isinstance(body, dict) or not isinstance(body.get("queries"), list):
        raise ReconError("queries", 'the body must be {"queries": [...]}, a list of queries')
    _check_size(len(body["queries"]), max_batch)
    return [(str(i), query) for i, query in enumerate(body["queries"])]


def parse_v02_batch(batch: Any, max_batch: int) -> list[ReconQuery]:
    """A whole 0.2 batch, refused (ReconError) if any query is bad."""
    return [parse_v02_query(key, query) for key, query in v02_items(batch, max_batch)]


def parse_v10_batch(body: Any, max_batch: int) -> list[ReconQuery]:
    """A whole 1.0-draft batch, refused (ReconError) if any query is bad."""
    return [parse_v10_query(key, query) for key, query in v10_items(body, max_batch)]


def _check_size(size: int, max_batch: int) -> None:
    if size > max_batch:
        raise ReconError("queries", f"a batch has at most {max_batch} queries", status=413)


def parse_v02_query(key: str, query: Any) -> ReconQuery:
    path = f"queries.{key}"
    if isinstance(query, str):  # 0.1 allowed a bare string
        return ReconQuery(key, names=(query,))
    if not isinstance(query, dict):
        raise ReconError(path, "each query must be a JSON object")
    _check_keys(query, V02_KEYS, path)
    name = query.get("query")
    if name is not None and not isinstance(name, str):
        raise ReconError(f"{path}.query", "query must be a string")
    if "type_strict" in query and query["type_strict"] not in ("any", "should", "all"):
        raise ReconError(f"{path}.type_strict", "type_strict must be any, should or all")
    properties = query.get("properties", [])
    if not isinstance(properties, list):
        raise ReconError(f"{path}.properties", "properties must be a list of {pid, v}")
    conditions = tuple(_v02_property(p, f"{path}.properties.{i}") for i, p in enumerate(properties))
    return ReconQuery(key, names=(name,) if name else (), types=_types(query.get("type"), f"{path}.type"),
                      limit=_limit(query.get("limit"), f"{path}.limit"), conditions=conditions,
                      types_preferred=query.get("type_strict") == "should")


def _v02_property(prop: Any, path: str) -> PropertyCondition:
    if not isinstance(prop, dict) or "pid" not in prop or "v" not in prop:
        raise ReconError(path, "a property must be an object with pid and v")
    return PropertyCondition(_property_id(prop["pid"], f"{path}.pid"), _values(prop["v"], f"{path}.v"))


def parse_v10_query(key: str, query: Any) -> ReconQuery:
    path = f"queries.{key}"
    if not isinstance(query, dict):
        raise ReconError(path, "each query must be a JSON object")
    _check_keys(query, V10_KEYS, path)
    conditions = query.get("conditions")
    if not isinstance(conditions, list) or not conditions:
        raise ReconError(f"{path}.conditions", "conditions must be a non-empty list")
    names: list[str] = []
    ids: list[str] = []
    properties: list[PropertyCondition] = []
    for i, condition in enumerate(conditions):
        _v10_condition(condition, f"{path}.conditions.{i}", names, ids, properties)
    return ReconQuery(key, names=tuple(names), ids=tuple(ids),
                      types=_types(query.get("type"), f"{path}.type"),
                      limit=_limit(query.get("limit"), f"{path}.limit"), conditions=tuple(properties))


def _v10_condition(condition: Any, path: str, names: list[str], ids: list[str],
                   properties: list[PropertyCondition]) -> None:
    """Sort one condition into names, ids or property conditions (the lists are filled in place)."""
    if not isinstance(condition, dict):
        raise ReconError(path, "a condition must be a JSON object")
    _check_keys(condition, CONDITION_KEYS, path)
    kind = condition.get("matchType")
    # The draft's prose once called the fields pid and v: accept both spellings.
    value = condition.get("propertyValue", condition.get("v"))
    if value is None:
        raise ReconError(f"{path}.propertyValue", "a condition needs a propertyValue")
    values = _values(value, f"{path}.propertyValue")
    if kind == "name":
        names.extend(values)
    elif kind == "id":
        ids.extend(values)
    elif kind == "property":
        pid = _property_id(condition.get("propertyId", condition.get("pid")), f"{path}.propertyId")
        required, quantifier = _required(condition, path), _quantifier(condition, path)
        properties.append(PropertyCondition(pid, values, required, quantifier))
    else:
        raise ReconError(f"{path}.matchType", "matchType must be name, id or property")


def _required(condition: dict[str, Any], path: str) -> bool:
    required = condition.get("required", False)
    if not isinstance(required, bool):
        raise ReconError(f"{path}.required", "required must be true or false")
    return required


def _quantifier(condition: dict[str, Any], path: str) -> str:
    quantifier = condition.get("matchQuantifier", "any")
    if quantifier not in QUANTIFIERS:
        raise ReconError(f"{path}.matchQuantifier", "matchQuantifier must be any, all or none")
    return str(quantifier)


def _check_keys(obj: dict[str, Any], allowed: frozenset[str], path: str) -> None:
    unknown = sorted(str(k) for k in obj if k not in allowed)
    if unknown:
        raise ReconError(f"{path}.{unknown[0]}", f"unknown field {unknown[0]!r}; allowed: "
                         + ", ".join(sorted(allowed)))


# A property a query may give that no entity has: the day its role references are read on.
DATE = "date"


def _property_id(pid: Any, path: str) -> str:
    if isinstance(pid, str) and pid.strip().casefold() in (DATE, "ngày"):
        return DATE
    found = property_id(pid)
    if found is None:
        raise ReconError(path, f"unknown property {pid!r}; queries can use: {', '.join(PROPERTIES)}, {DATE}")
    return found


def _types(value: Any, path: str) -> tuple[str, ...]:
    """Type ids from ids or labels in any case ("Person"), or {"id", "name"} objects."""
    types = [] if value is None else value if isinstance(value, list) else [value]
    types = [t.get("id") if isinstance(t, dict) else t for t in types]
    if not all(isinstance(t, str) for t in types):
        raise ReconError(path, "type must be a type id or a list of type ids")
    found = [type_id(t) for t in types]
    for given, known in zip(types, found, strict=True):
        if known is None:
            raise ReconError(path, f"unknown type {given!r}; types: {', '.join(TYPE_NAMES)}")
    return tuple(dict.fromkeys(t for t in found if t))


def _limit(value: Any, path: str) -> int:
    """A positive whole number; more than the service's maximum is cut to it, not refused."""
    if value is None:
        return DEFAULT_LIMIT
    whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if isinstance(value, bool) or not whole or value < 1:
        raise ReconError(path, "limit must be a positive whole number")
    return min(int(value), MAX_LIMIT)


def _values(value: Any, path: str) -> tuple[str, ...]:
    """Property values as text: strings, numbers, booleans, or entities ({"id", "name"}) by id."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("id")
        if isinstance(item, bool):
            item = str(item).lower()
        if not isinstance(item, str | int | float):
            raise ReconError(path, "a value must be a string, a number, a boolean or an {id, name} object")
        out.append(str(item))
    if not out:
        raise ReconError(path, "give at least one value")
    return tuple(out)
