"""Queries that read entities and the audit: one entity, the live set, the export, history, changes."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Table, func, select

from normalizer.model import Entity, Name
from normalizer.store.changes import ENTITIES, GAZETTEER_REVISION, NAMES
from normalizer.store.convert import entity_from_row, name_from_row
from normalizer.store.records import AuditEntry, StoredEntity, utc
from normalizer.store.tables import AuditRow, MetaRow

AUDIT: Table = AuditRow.__table__  # type: ignore[assignment]


def gazetteer_revision(conn: Connection) -> int:
    found = conn.execute(select(MetaRow.value).where(MetaRow.key == GAZETTEER_REVISION)).scalar()
    return int(found or 0)


def stored_entity(conn: Connection, entity_id: str, lock: bool = False) -> StoredEntity | None:
    query = select(ENTITIES).where(ENTITIES.c.id == entity_id)
    if lock and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        return None
    names = name_rows(conn, entity_id)
    entity = entity_from_row(row, [name for _, name in names])
    return StoredEntity(entity, tuple(i for i, _ in names), bool(row.deleted), row.merged_into, row.file,
                        utc(row.updated))


def name_rows(conn: Connection, entity_id: str) -> list[tuple[int, Name]]:
    """(name id, name) of an entity, in order."""
    rows = conn.execute(select(NAMES).where(NAMES.c.entity_id == entity_id).order_by(NAMES.c.position))
    return [(row.id, name_from_row(row)) for row in rows]


def _names_by_entity(conn: Connection, ids: list[str] | None = None) -> dict[str, list[Name]]:
    out: dict[str, list[Name]] = defaultdict(list)
    query = select(NAMES).order_by(NAMES.c.entity_id, NAMES.c.position)
    for row in conn.execute(query if ids is None else query.where(NAMES.c.entity_id.in_(ids))):
        out[row.entity_id].append(name_from_row(row))
    return out


def changed_since(conn: Connection, since: int, revision: int, limit: int) -> list[tuple[Any, Entity]] | None:
    """(row, entity) of every entity an audit row after `since` (up to `revision`) names, or None
    when more than `limit` entities changed."""
    after = select(AuditRow.entity_id).distinct().where(AuditRow.seq > since, AuditRow.seq <= revision)
    ids = list(conn.execute(after.limit(limit + 1)).scalars())
    if len(ids) > limit:
        return None
    names = _names_by_entity(conn, ids)
    rows = conn.execute(select(ENTITIES).where(ENTITIES.c.id.in_(ids)))
    return [(row, entity_from_row(row, names.get(row.id, []))) for row in rows]


def all_entities(conn: Connection) -> list[tuple[Any, Entity]]:
    """(row, entity) for every entity, in (file, position) order: the export's and the index's order."""
    names = _names_by_entity(conn)
    rows = conn.execute(select(ENTITIES).order_by(ENTITIES.c.file, ENTITIES.c.position, ENTITIES.c.id))
    return [(row, entity_from_row(row, names.get(row.id, []))) for row in rows]


def redirects(conn: Connection) -> dict[str, str]:
    """Merged id -> its final survivor (chains of merges followed)."""
    pairs = dict(conn.execute(select(ENTITIES.c.id, ENTITIES.c.merged_into)
                              .where(ENTITIES.c.merged_into.is_not(None))).all())
    out = {}
    for old, into in pairs.items():
        seen = {old}
        while into in pairs and into not in seen:
            seen.add(into)
            into = pairs[into]
        out[old] = into
    return out


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(row.seq, row.entity_id, row.revision, row.action, row.actor, utc(row.at),
                      row.diff or {}, row.snapshot or {})


def history(conn: Connection, entity_id: str, offset: int, limit: int) -> tuple[list[AuditEntry], int]:
    """An entity's audit, newest first, one page of it, and the number of entries."""
    where = AuditRow.entity_id == entity_id
    total = conn.execute(select(func.count()).select_from(AuditRow).where(where)).scalar_one()
    rows = conn.execute(select(AUDIT).where(where).order_by(AuditRow.revision.desc())
                        .offset(offset).limit(limit))
    return [_entry(r) for r in rows], int(total)


def changes(conn: Connection, since: int, limit: int) -> list[AuditEntry]:
    """Audit entries after the gazetteer revision `since`, oldest first."""
    rows = conn.execute(select(AUDIT).where(AuditRow.seq > since).order_by(AuditRow.seq).limit(limit))
    return [_entry(r) for r in rows]


def audit_at(conn: Connection, entity_id: str, revision: int) -> AuditEntry | None:
    row = conn.execute(select(AUDIT).where(AuditRow.entity_id == entity_id,
                                           AuditRow.revision == revision)).first()
    return _entry(row) if row else None
