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
from normalizer.recon.properties import PROPERTIES, property_id, property_values
from normalizer.recon.types import type_id as type_of
from normalizer.recon.types import type_ref
from normalizer.service import Normalizer


@dataclass(frozen=True, slots=True)
class ExtendQuery:
    ids: tuple[str, ...]
    properties: tuple[str, ...]
    limits: tuple[int, ...] = ()  # per property: at most this many values (0: all), the setting "limit"

    def limit(self, pid: str) -> int:
        return self.limits[self.properties.index(pid)] if self.limits else 0


def propose(type_label: str | None, limit: int | None = None) -> dict[str, Any]:
    """The properties entities of a type (id or label) have (all properties when no type is given)."""
    type_id = type_of(type_label) if type_label is not None else None
    if type_label is not None and type_id is None:
        raise ReconError("type", f"unknown type {type_label!r}; types: {', '.join(ENTITY_TYPES)}")
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
    """{"ids": [...], "properties": [{"id": ..., "settings": {"limit": n}}]} -> ExtendQuery, or
    ReconError. Properties are named by id or label; `limit` (a number, or its text as OpenRefine
    sends it) keeps that many values per entity, 0 all; other settings are ignored."""
    if not isinstance(query, dict):
        raise ReconError("extend", 'the extension query must be {"ids": [...], "properties": [...]}')
    ids, props = query.get("ids"), query.get("properties")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ReconError("extend.ids", "ids must be a list of entity ids")
    if len(ids) > max_batch:
        raise ReconError("extend.ids", f"an extension query has at most {max_batch} ids", status=413)
    if not isinstance(props, list) or not all(isinstance(p, dict) for p in props):
        raise ReconError("extend.properties", "properties must be a list of {id, settings}")
    limits: dict[str, int] = {}
    for i, prop in enumerate(props):
        pid = property_id(prop.get("id"))
        if pid is None:
            raise ReconError(f"extend.properties.{i}.id", f"unknown property {prop.get('id')!r}; "
                             f"properties: {', '.join(PROPERTIES)}")
        limits[pid] = _limit_setting(prop.get("settings"), f"extend.properties.{i}.settings.limit")
    return ExtendQuery(tuple(ids), tuple(limits), tuple(limits.values()))


def _limit_setting(settings: Any, path: str) -> int:
    raw = settings.get("limit", 0) if isinstance(settings, dict) else 0
    if isinstance(raw, str) and raw.strip().isdigit():
        raw = int(raw.strip())
    if raw in ("", None):
        return 0
    if isinstance(raw, bool) or not isinstance(raw, int | float) or raw < 0 or raw != int(raw):
        raise ReconError(path, "limit must be a whole number, 0 or more (0: every value)")
    return int(raw)


def _meta(pids: tuple[str, ...]) -> list[dict[str, Any]]:
    meta = []
    for pid in pids:
        item: dict[str, Any] = {"id": pid, "name": PROPERTIES[pid].name}
        if pid == "country":  # its values are our own country entities
            item["type"] = type_ref("country")
        meta.append(item)
    return meta


def _row(service: Normalizer, entity_id: str, query: ExtendQuery, with_lang: bool) -> dict[str, list[Any]]:
    """Values by property for one id, the preferred first and cut to the property's limit; an
    unknown id gets empty lists (the row is still there)."""
    entity = service.index.get(entity_id)
    row = {}
    for pid in query.properties:
        values = property_values(service, entity, pid, with_lang) if entity else []
        row[pid] = values[:query.limit(pid)] if query.limit(pid) else values
    return row


def extend_v02(service: Normalizer, query: ExtendQuery) -> dict[str, Any]:
    rows = {i: _row(service, i, query, with_lang=False) for i in query.ids}
    return {"meta": _meta(query.properties), "rows": rows}


def extend_v10(service: Normalizer, query: ExtendQuery) -> dict[str, Any]:
    rows = []
    for entity_id in dict.fromkeys(query.ids):
        values = _row(service, entity_id, query, with_lang=True)
        rows.append({"id": entity_id, "properties": [{"id": p, "values": v} for p, v in values.items()]})
    return {"meta": _meta(query.properties), "rows": rows}
