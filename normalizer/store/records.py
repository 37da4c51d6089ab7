"""What the store returns: frozen values built from rows (callers never see rows or sessions)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from normalizer.model import Entity


def utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every time we store is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class StoredEntity:
    """An entity with what only the store knows: name ids (same order as entity.names), state."""

    entity: Entity
    name_ids: tuple[int, ...]
    deleted: bool = False
    merged_into: str | None = None
    file: str = ""
    updated: dt.datetime | None = None

    @property
    def revision(self) -> int:
        return self.entity.revision


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    entity_id: str
    revision: int
    action: str
    actor: str
    at: dt.datetime
    diff: dict[str, Any]
    snapshot: dict[str, Any]

    def to_dict(self, with_snapshot: bool = False) -> dict[str, Any]:
        out = {"seq": self.seq, "entity_id": self.entity_id, "revision": self.revision,
               "action": self.action, "actor": self.actor, "at": self.at.isoformat(), "diff": self.diff}
        if with_snapshot:
            out["snapshot"] = self.snapshot
        return out


@dataclass(frozen=True, slots=True)
class LiveSet:
    """What the index is built from: entities in (file, position) order and merge redirects."""

    entities: list[Entity]
    redirects: dict[str, str]
    revision: int


@dataclass(frozen=True, slots=True)
class LiveDelta:
    """What changed after a gazetteer revision: the live entities to put in (their state now),
    the ids to take out (deleted or merged), the redirects as they are now, and the revision."""

    upserts: list[Entity]
    removed: list[str]
    redirects: dict[str, str]
    revision: int


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # loaded before, no longer in the files (prune)

    def to_dict(self) -> dict[str, Any]:
        return {"created": len(self.created), "updated": len(self.updated), "unchanged": self.unchanged,
                "deleted": len(self.deleted), "conflicts": list(self.conflicts)}


@dataclass(frozen=True, slots=True)
class TokenInfo:
    name: str
    role: str
    created: dt.datetime
    revoked: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "created": self.created.isoformat(),
                "revoked": self.revoked.isoformat() if self.revoked else None}


@dataclass(frozen=True, slots=True)
class ReviewItem:
    key: str
    example: str
    count: int
    first_seen: dt.datetime
    last_seen: dt.datetime
    statuses: tuple[str, ...]
    state: str
    settled_as: dict[str, Any] | None = None
    snippet: str | None = None  # the text around the name, the last time it came in a text
    client: str | None = None  # who sent it last: a token's name or a user agent, and the route

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "example": self.example, "count": self.count,
                "first_seen": self.first_seen.isoformat(), "last_seen": self.last_seen.isoformat(),
                "statuses": list(self.statuses), "state": self.state, "settled_as": self.settled_as,
                "snippet": self.snippet, "client": self.client}


@dataclass(frozen=True, slots=True)
class Sighting:
    """Queries with one normalized key seen since the last flush (the review recorder's unit)."""

    key: str
    example: str
    count: int
    statuses: tuple[str, ...]
    first_seen: dt.datetime
    last_seen: dt.datetime
    snippet: str | None = None
    client: str | None = None
