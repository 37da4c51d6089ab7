"""Entities to rows and snapshots and back; content hashes and diffs. Model types only."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from normalizer.model import Entity, Name, Role


def snapshot(entity: Entity) -> dict[str, Any]:
    """The entity as plain JSON data (the gazetteer form): what the audit keeps and diffs."""
    return entity.to_dict()


def content_hash(entity: Entity) -> str:
    """A hash of everything an editor can change (not the revision)."""
    data = json.dumps(snapshot(entity), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def name_values(name: Name) -> dict[str, Any]:
    return {"text": name.text, "lang": name.lang, "kind": name.kind, "family": name.family,
            "used_by": list(name.used_by), "ambiguous": name.ambiguous, "generated": name.generated,
            "source": name.source}


def name_from_row(row: Any) -> Name:
    return Name(text=row.text, lang=row.lang, kind=row.kind, source=row.source, family=row.family,
                used_by=tuple(row.used_by or ()), ambiguous=bool(row.ambiguous),
                generated=bool(row.generated))


def entity_values(entity: Entity) -> dict[str, Any]:
    """Entity columns that come from the entity itself."""
    return {"type": entity.type, "name": entity.name, "description": entity.description,
            "country": entity.country, "prominence": entity.prominence,
            "external_ids": dict(entity.external_ids), "roles": [r.to_dict() for r in entity.roles]}


def entity_from_row(row: Any, names: list[Name]) -> Entity:
    return Entity(
        id=row.id, type=row.type, name=row.name, names=tuple(names), description=row.description,
        country=row.country, external_ids=tuple((row.external_ids or {}).items()),
        roles=tuple(Role(**r) for r in row.roles or ()), revision=row.revision, prominence=row.prominence,
    )


def diff(before: dict[str, Any] | None, after: dict[str, Any] | None) -> dict[str, Any]:
    """Fields that changed, each as {"from", "to"}; names as lists of removed and added names."""
    before, after = before or {}, after or {}
    out: dict[str, Any] = {}
    for key in sorted(set(before) | set(after) - {"names"}):
        if key != "names" and before.get(key) != after.get(key):
            out[key] = {"from": before.get(key), "to": after.get(key)}
    old, new = before.get("names", []), after.get("names", [])
    removed = [n for n in old if n not in new]
    added = [n for n in new if n not in old]
    if removed or added or old != new:
        out["names"] = {"removed": removed, "added": added}
    return out
