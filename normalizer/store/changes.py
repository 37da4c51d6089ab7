"""The write path every change takes: inside one writer transaction, lock the change counter, write
the entity, bump its revision, append the audit row and move meta.gazetteer_revision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from normalizer.model import Entity, Name
from normalizer.store.convert import content_hash, diff, entity_values, name_values, snapshot
from normalizer.store.tables import AuditRow, EntityRow, MetaRow, NameRow

GAZETTEER_REVISION = "gazetteer_revision"
ENTITIES: Table = EntityRow.__table__  # type: ignore[assignment]  # Core statements read better here
NAMES: Table = NameRow.__table__  # type: ignore[assignment]


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def lock_counter(conn: Connection) -> int:
    """Take the change counter's row lock (PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the
    database) and return its value. Every writer queues here, so changes get gap-free, ordered seqs."""
    query = select(MetaRow.value).where(MetaRow.key == GAZETTEER_REVISION)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    return int(conn.execute(query).scalar_one())


def state(entity: Entity | None, deleted: bool = False, merged_into: str | None = None) -> dict[str, Any]:
    """What the audit keeps of an entity after a change: its gazetteer form and its state flags."""
    out = snapshot(entity) if entity else {}
    if deleted:
        out["deleted"] = True
    if merged_into:
        out["merged_into"] = merged_into
    return out


class Change:
    """One transaction's changes; `record` appends an audit row per entity changed."""

    def __init__(self, conn: Connection, actor: str):
        self.conn = conn
        self.actor = actor
        self.seq: int | None = None  # taken at the first record: after the entity checks passed
        self.at = now()

    def next_seq(self) -> int:
        # The counter is locked last, so a writer whose revision check fails never queues on it.
        self.seq = (lock_counter(self.conn) if self.seq is None else self.seq) + 1
        return self.seq

    def record(self, entity_id: str, revision: int, action: str, before: dict[str, Any],
               after: dict[str, Any]) -> None:
        self.conn.execute(insert(AuditRow).values(
            seq=self.next_seq(), entity_id=entity_id, revision=revision, action=action, actor=self.actor,
            at=self.at, diff=diff(before, after), snapshot=after))

    def finish(self) -> None:
        if self.seq is not None:
            self.conn.execute(update(MetaRow).where(MetaRow.key == GAZETTEER_REVISION).values(value=self.seq))

    def insert_entity(self, entity: Entity, file: str, position: int, loaded_hash: str | None) -> None:
        self.conn.execute(insert(ENTITIES).values(
            id=entity.id, revision=entity.revision, deleted=False, merged_into=None, file=file,
            position=position, loaded_hash=loaded_hash, created=self.at, updated=self.at,
            **entity_values(entity)))
        self.write_names(entity, [])

    def insert_many(self, fresh: list[tuple[str, int, Entity]], action: str) -> None:
        """Insert new entities at revision 1 with their names and audit rows, in bulk (a first load)."""
        if not fresh:
            return
        self.conn.execute(insert(ENTITIES), [
            {"id": e.id, "revision": 1, "deleted": False, "merged_into": None, "file": file,
             "position": position, "loaded_hash": content_hash(e), "created": self.at, "updated": self.at,
             **entity_values(e)} for file, position, e in fresh])
        self.conn.execute(insert(NAMES), [
            {"entity_id": e.id, "position": i, **name_values(n)}
            for _, _, e in fresh for i, n in enumerate(e.names)])
        audits = []
        for _, _, e in fresh:
            after = state(e)
            audits.append({"seq": self.next_seq(), "entity_id": e.id, "revision": 1, "action": action,
                           "actor": self.actor, "at": self.at, "diff": diff({}, after), "snapshot": after})
        self.conn.execute(insert(AuditRow), audits)

    def update_entity(self, entity: Entity, old_names: list[tuple[int, Name]], **columns: Any) -> list[int]:
        """Write an entity's columns and names; returns its name ids in order."""
        self.conn.execute(update(ENTITIES).where(ENTITIES.c.id == entity.id).values(
            revision=entity.revision, updated=self.at, **entity_values(entity), **columns))
        return self.write_names(entity, old_names)

    def set_state(self, entity_id: str, revision: int, **columns: Any) -> None:
        self.conn.execute(update(ENTITIES).where(ENTITIES.c.id == entity_id).values(
            revision=revision, updated=self.at, **columns))

    def write_names(self, entity: Entity, old: list[tuple[int, Name]]) -> list[int]:
        """Rewrite an entity's names, keeping the row (and id) of every name that did not change;
        returns the name ids in order."""
        unused = {name_id: (position, name) for position, (name_id, name) in enumerate(old)}
        ids: list[int | None] = []
        fresh = []
        for position, name in enumerate(entity.names):
            found = next((i for i, (_, n) in unused.items() if n == name), None)
            ids.append(found)
            if found is None:
                fresh.append({"entity_id": entity.id, "position": position, **name_values(name)})
                continue
            if unused.pop(found)[0] != position:
                self.conn.execute(update(NAMES).where(NAMES.c.id == found).values(position=position))
        if unused:
            self.conn.execute(delete(NAMES).where(NAMES.c.id.in_(list(unused))))
        if fresh:
            rows = self.conn.execute(insert(NAMES).returning(NAMES.c.id, sort_by_parameter_order=True), fresh)
            new_ids = iter(row.id for row in rows)
            ids = [i if i is not None else next(new_ids) for i in ids]
        return [i for i in ids if i is not None]


def next_position(conn: Connection, file: str) -> int:
    found = conn.execute(select(func.max(ENTITIES.c.position)).where(ENTITIES.c.file == file)).scalar()
    return 0 if found is None else int(found) + 1
