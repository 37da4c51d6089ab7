"""Data extension: property proposals for a type, and property values for a list of entity ids.

The rows come in two shapes: 0.2 {"rows": {id: {pid: [values]}}} and 1.0-draft
{"rows": [{"id", "properties": [{"id", "values"}]}]}. Values come from the in-memory index (a
write shows once the index refreshes, within refresh_seconds), not one database read per id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from normalizer.model import ENTITY_TYPES
from normalizer.recon.errors import ReconError
from normalizer.recon.properties import PROPERTIES, property_values
from normalizer.recon.types import type_ref
from normalizer.service import Normalizer


@dataclass(frozen=True, slots=True)
class ExtendQuery:
    ids: tuple[str, ...]
    properties: tuple[str, ...]


def propose(type_id: str | None, limit: int | None = None) -> dict[str, Any]:
    """The properties entities of a type have (all properties when no type is given)."""
    if type_id is not None and type_id not in ENTITY_TYPES:
        raise ReconError("type", f"unknown type {type_id!r}; types: {', '.join(ENTITY_TYPES)}")
    if limit is not None and limit < 1:
        raise ReconError("limit", "limit must be a positive whole number")
    found = [p.ref() for p in PROPERTIES.values() if type_id is None or type_id in p.types]
    out: dict[str, Any] = {"properties": found[:limit] if limit else found}
    if type_id is not None:
        out["type"] = type_id
    if limit is not None:
        out["limit"] = limit
    return out


def parse_extend(query: Any, max_batch: int) -> ExtendQuery:
    """{"ids": [...], "properties": [{"id": ..., "settings": {...}}]} -> ExtendQuery, or ReconError.
    Settings are accepted and ignored: no property here takes any."""
    if not isinstance(query, dict):
        raise ReconError("extend", 'the extension query must be {"ids": [...], "properties": [...]}')
    ids, props = query.get("ids"), query.get("properties")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ReconError("extend.ids", "ids must be a list of entity ids")
    if len(ids) > max_batch:
        raise ReconError("extend.ids", f"an extension query has at most {max_batch} ids", status=413)
    if not isinstance(props, list) or not all(isinstance(p, dict) for p in props):
        raise ReconError("extend.properties", "properties must be a list of {id, settings}")
    pids = []
    for i, prop in enumerate(props):
        if prop.get("id") not in PROPERTIES:
            raise ReconError(f"extend.properties.{i}.id", f"unknown property {prop.get('id')!r}; "
                             f"properties: {', '.join(PROPERTIES)}")
        pids.append(str(prop["id"]))
    return ExtendQuery(tuple(ids), tuple(dict.fromkeys(pids)))


def _meta(pids: tuple[str, ...]) -> list[dict[str, Any]]:
    meta = []
    for pid in pids:
        item: dict[str, Any] = {"id": pid, "name": PROPERTIES[pid].name}
        if pid == "country":  # its values are our own country entities
            item["type"] = type_ref("country")
        meta.append(item)
    return meta


def _row(service: Normalizer, entity_id: str, pids: tuple[str, ...], with_lang: bool) -> dict[str, list[Any]]:
    """Values by property for one id; an unknown id gets empty lists (the row is still there)."""
    entity = service.index.get(entity_id)
    return {pid: property_values(service, entity, pid, with_lang) if entity else [] for pid in pids}


def extend_v02(service: Normalizer, query: ExtendQuery) -> dict[str, Any]:
    rows = {i: _row(service, i, query.properties, with_lang=False) for i in query.ids}
    return {"meta": _meta(query.properties), "rows": rows}


def extend_v10(service: Normalizer, query: ExtendQuery) -> dict[str, Any]:
    rows = []
    for entity_id in dict.fromkeys(query.ids):
        values = _row(service, entity_id, query.properties, with_lang=True)
        rows.append({"id": entity_id, "properties": [{"id": p, "values": v} for p, v in values.items()]})
    return {"meta": _meta(query.properties), "rows": rows}
