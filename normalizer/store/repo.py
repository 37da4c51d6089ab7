"""Store: the curation database. Every write is one transaction that bumps the entity's revision,
writes its audit row and moves the gazetteer revision; writers name the revision they read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from normalizer.model import Entity, Name
from normalizer.settings import Settings
from normalizer.store import reads
from normalizer.store.changes import ENTITIES, Change, next_position, state
from normalizer.store.convert import content_hash
from normalizer.store.engine import (
    CONNECT_TIMEOUT,
    STATEMENT_TIMEOUT,
    WRITER,
    Writing,
    exclusive_startup,
    make_engine,
    migrate,
)
from normalizer.store.errors import (
    EntityDeleted,
    EntityExists,
    EntityMerged,
    EntityNotFound,
    RevisionNotFound,
    StaleRevision,
)
from normalizer.store.records import AuditEntry, LiveDelta, LiveSet, LoadReport, StoredEntity
from normalizer.store.review import ReviewStore
from normalizer.store.tables import MetaRow
from normalizer.store.tokens import TokenStore

T = TypeVar("T")
LOADER = "gazetteer-load"


def lock_rows(conn: Connection, ids: list[str] | None) -> None:
    """PostgreSQL: lock entity rows (all of them for None) in id order, before the change counter.
    Every writer takes rows first and the counter last, in one order, so writers never deadlock."""
    if conn.dialect.name != "postgresql":
        return  # SQLite: BEGIN IMMEDIATE holds the whole database already
    query = select(ENTITIES.c.id).order_by(ENTITIES.c.id).with_for_update()
    conn.execute(query if ids is None else query.where(ENTITIES.c.id.in_(sorted(set(ids))))).all()


def _names_of(found: StoredEntity) -> list[tuple[int, Name]]:
    return list(zip(found.name_ids, found.entity.names, strict=True))


def editorial_file(entity_type: str) -> str:
    """Where export writes an entity created by an editor."""
    return f"editorial/{entity_type}.yaml"


class Store:
    """Entities, their audit, tokens and the review queue in one SQL database."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.writer = engine.execution_options(**WRITER)
        self.writing = Writing(self.writer)
        self.tokens = TokenStore(engine, self.writing)
        self.review = ReviewStore(engine, self.writing)

    @classmethod
    def open(cls, url: str, migrate_schema: bool = True, connect_timeout: float = CONNECT_TIMEOUT,
             statement_timeout: float = STATEMENT_TIMEOUT) -> Store:
        store = cls(make_engine(url, connect_timeout, statement_timeout))
        if migrate_schema:
            migrate(store.engine)
        return store

    @classmethod
    def from_settings(cls, settings: Settings) -> Store:
        """The store NORMALIZER_DATABASE_URL names, with its timeouts, migrated."""
        return cls.open(settings.store_url(), connect_timeout=settings.database_connect_timeout,
                        statement_timeout=settings.database_statement_timeout)

    def exclusive_startup(self) -> AbstractContextManager[None]:
        """`with store.exclusive_startup():` one process at a time (engine.exclusive_startup)."""
        return exclusive_startup(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def _write(self, actor: str, body: Callable[[Change], T]) -> T:
        with self.writing() as conn:
            change = Change(conn, actor)
            result = body(change)
            change.finish()
            return result

    # reads

    def gazetteer_revision(self) -> int:
        with self._read() as conn:
            return reads.gazetteer_revision(conn)

    def entity_count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(ENTITIES)).scalar_one())

    def get(self, entity_id: str) -> StoredEntity | None:
        with self._read() as conn:
            return reads.stored_entity(conn, entity_id)

    def live(self) -> LiveSet:
        """Entities neither deleted nor merged, and redirects, as of one gazetteer revision."""
        with self._read() as conn, conn.begin():
            revision = reads.gazetteer_revision(conn)
            rows = reads.all_entities(conn)
            return LiveSet([e for row, e in rows if not row.deleted and not row.merged_into],
                           reads.redirects(conn), revision)

    def delta(self, since: int, limit: int = 5000) -> LiveDelta | None:
        """The changes after gazetteer revision `since` (LiveDelta), or None when a full `live()`
        is the better read: more than `limit` entities changed, or the database went back."""
        with self._read() as conn, conn.begin():
            revision = reads.gazetteer_revision(conn)
            if revision < since:
                return None
            changed = reads.changed_since(conn, since, revision, limit)
            if changed is None:
                return None
            live = [e for row, e in changed if not row.deleted and not row.merged_into]
            gone = [e.id for row, e in changed if row.deleted or row.merged_into]
            return LiveDelta(live, gone, reads.redirects(conn), revision)

    def export(self) -> list[tuple[str, Entity]]:
        """(file, entity) for every live entity, in file then position order."""
        with self._read() as conn:
            return [(row.file, e) for row, e in reads.all_entities(conn)
                    if not row.deleted and not row.merged_into]

    def files(self) -> list[str]:
        """Every file an entity lives in or was exported to, deleted and merged ones included."""
        with self._read() as conn:
            return sorted(conn.execute(select(ENTITIES.c.file).distinct()).scalars())

    def history(self, entity_id: str, offset: int = 0, limit: int = 20) -> tuple[list[AuditEntry], int]:
        with self._read() as conn:
            return reads.history(conn, entity_id, offset, limit)

    def changes(self, since: int, limit: int = 100) -> list[AuditEntry]:
        with self._read() as conn:
            return reads.changes(conn, since, limit)

    def audit_at(self, entity_id: str, revision: int) -> AuditEntry:
        with self._read() as conn:
            found = reads.audit_at(conn, entity_id, revision)
        if found is None:
            raise RevisionNotFound(entity_id, revision)
        return found

    def meta_value(self, key: str) -> int | None:
        with self._read() as conn:
            found = conn.execute(select(MetaRow.value).where(MetaRow.key == key)).scalar()
        return None if found is None else int(found)

    def set_meta(self, key: str, value: int) -> None:
        """Set a bookkeeping value (not the gazetteer revision, which only changes move)."""
        with self.writing() as conn:
            done = conn.execute(update(MetaRow).where(MetaRow.key == key).values(value=value))
            if done.rowcount == 0:
                conn.execute(insert(MetaRow).values(key=key, value=value))

    # writes

    def create(self, entity: Entity, actor: str, file: str | None = None) -> StoredEntity:
        """Add a new entity at revision 1. Raises EntityExists (ids are never reused)."""
        def body(change: Change) -> StoredEntity:
            if reads.stored_entity(change.conn, entity.id) is not None:
                raise EntityExists(entity.id)
            where = file or editorial_file(entity.type)
            new = replace(entity, revision=1)
            change.insert_entity(new, where, next_position(change.conn, where), None)
            change.record(new.id, 1, "create", {}, state(new))
            return self._must(change.conn, new.id)
        try:
            return self._write(actor, body)
        except IntegrityError:  # PostgreSQL: a concurrent create of the same id committed first
            raise EntityExists(entity.id) from None

    def save(self, entity: Entity, expected: int, actor: str, action: str = "update",
             deleted: bool | None = None) -> StoredEntity:
        """Replace an entity's fields and names (and optionally its deleted flag) if it is still at
        revision `expected`. A save that changes nothing writes nothing (no revision, no audit row)
        and returns the entity as it is. A deleted entity takes only a save that sets its flag
        (a revert). Raises EntityNotFound, EntityMerged, EntityDeleted, StaleRevision."""
        def body(change: Change) -> StoredEntity:
            current = self._current(change.conn, entity.id, expected)
            if deleted is None and current.deleted:
                raise EntityDeleted(entity.id)
            gone = current.deleted if deleted is None else deleted
            if state(current.entity, current.deleted) == state(entity, gone):
                return current
            new = replace(entity, revision=current.revision + 1)
            ids = change.update_entity(new, _names_of(current), deleted=gone)
            change.record(new.id, new.revision, action, state(current.entity, current.deleted),
                          state(new, gone))
            return StoredEntity(new, tuple(ids), gone, None, current.file, change.at)
        return self._write(actor, body)

    def set_deleted(self, entity_id: str, deleted: bool, expected: int, actor: str) -> StoredEntity:
        """Delete softly or undelete; deleting a deleted entity or undeleting a live one changes
        nothing and writes nothing."""
        def body(change: Change) -> StoredEntity:
            current = self._current(change.conn, entity_id, expected)
            if current.deleted == deleted:
                return current
            revision = current.revision + 1
            change.set_state(entity_id, revision, deleted=deleted)
            change.record(entity_id, revision, "delete" if deleted else "undelete",
                          state(current.entity, current.deleted), state(current.entity, deleted))
            return self._must(change.conn, entity_id)
        return self._write(actor, body)

    def merge(self, entity_id: str, expected: int, survivor: Entity, survivor_expected: int,
              actor: str) -> StoredEntity:
        """Retire entity_id into survivor (whose new names the caller computed); ids merged into
        entity_id before now point at the survivor. Both revisions are checked."""
        def body(change: Change) -> StoredEntity:
            lock_rows(change.conn, [entity_id, survivor.id])
            current = self._current(change.conn, entity_id, expected)
            target = self._current(change.conn, survivor.id, survivor_expected)
            for found in (current, target):
                if found.deleted:
                    raise EntityDeleted(found.entity.id)
            revision = current.revision + 1
            change.set_state(entity_id, revision, merged_into=survivor.id)
            change.record(entity_id, revision, "merge", state(current.entity, current.deleted),
                          state(current.entity, current.deleted, survivor.id))
            new = replace(survivor, revision=target.revision + 1)
            change.update_entity(new, _names_of(target))
            change.record(new.id, new.revision, "merge", state(target.entity), state(new))
            change.conn.execute(ENTITIES.update().where(ENTITIES.c.merged_into == entity_id)
                                .values(merged_into=survivor.id))
            return self._must(change.conn, survivor.id)
        return self._write(actor, body)

    def load(self, entities: list[tuple[str, Entity]], actor: str = LOADER,
             prune: bool = False) -> LoadReport:
        """Upsert gazetteer entities (file, entity) by id in one transaction. An entity editors
        have not changed since its last load is updated; one they changed is left alone and
        reported as a conflict (unless it already equals the file's version). With prune (the
        entities are the whole gazetteer), an entity loaded before that the files no longer hold
        is deleted, as an editor's delete is (undoable), unless editors changed it since."""
        report = LoadReport()

        def body(change: Change) -> LoadReport:
            lock_rows(change.conn, None)
            known = {row.id: (row, entity) for row, entity in reads.all_entities(change.conn)}
            positions: dict[str, int] = {}
            fresh = []
            for file, entity in entities:
                position = positions[file] = positions.get(file, -1) + 1
                if entity.id in known:
                    self._reload_one(change, file, position, entity, *known[entity.id], report)
                else:
                    fresh.append((file, position, replace(entity, revision=1)))
                    report.created.append(entity.id)
            change.insert_many(fresh, "load")
            if prune and entities:  # no files at all is a mistake, not a request to empty the database
                incoming = {entity.id for _, entity in entities}
                for entity_id, (row, current) in known.items():
                    if entity_id not in incoming:
                        self._prune_one(change, row, current, report)
            return report
        return self._write(actor, body)

    @staticmethod
    def _prune_one(change: Change, row: Any, current: Entity, report: LoadReport) -> None:
        if row.deleted or row.merged_into or row.loaded_hash is None:  # gone, or an editor's own entity
            return
        if content_hash(current) != row.loaded_hash:  # editors changed it since its last load
            report.conflicts.append(current.id)
            return
        revision = current.revision + 1
        change.set_state(current.id, revision, deleted=True)
        change.record(current.id, revision, "load", state(current), state(current, True))
        report.deleted.append(current.id)

    @staticmethod
    def _reload_one(change: Change, file: str, position: int, entity: Entity, row: Any, current: Entity,
                    report: LoadReport) -> None:
        incoming, now_hash = content_hash(entity), content_hash(current)
        live = not row.deleted and not row.merged_into
        if live and now_hash == incoming:
            if (row.loaded_hash, row.file, row.position) != (incoming, file, position):
                # where it lives and what was loaded: bookkeeping, not a change of the entity
                change.conn.execute(ENTITIES.update().where(ENTITIES.c.id == entity.id).values(
                    loaded_hash=incoming, file=file, position=position))
            report.unchanged += 1
        elif not live or now_hash != row.loaded_hash:  # editors changed it since its last load
            report.conflicts.append(entity.id)
        else:
            new = replace(entity, revision=current.revision + 1)
            old = reads.name_rows(change.conn, entity.id)
            change.update_entity(new, old, loaded_hash=incoming, file=file, position=position)
            change.record(entity.id, new.revision, "load", state(current), state(new))
            report.updated.append(entity.id)

    # helpers

    def _current(self, conn: Connection, entity_id: str, expected: int | None) -> StoredEntity:
        if expected is not None and conn.dialect.name == "postgresql":
            # Fail a stale writer before it queues for the row lock behind the writer that beat it.
            found = conn.execute(select(ENTITIES.c.revision).where(ENTITIES.c.id == entity_id)).scalar()
            if found is not None and found != expected:
                raise StaleRevision(entity_id, expected, int(found))
        current = reads.stored_entity(conn, entity_id, lock=True)
        if current is None:
            raise EntityNotFound(entity_id)
        if current.merged_into:
            raise EntityMerged(entity_id, reads.redirects(conn).get(entity_id, current.merged_into))
        if expected is not None and current.revision != expected:
            raise StaleRevision(entity_id, expected, current.revision)
        return current

    @staticmethod
    def _must(conn: Connection, entity_id: str) -> StoredEntity:
        found = reads.stored_entity(conn, entity_id)
        assert found is not None
        return found

    def debug_counts(self) -> dict[str, Any]:
        """Revision and audit-row count per entity (integrity checks in tests and tools)."""
        from normalizer.store.tables import AuditRow

        with self._read() as conn:
            audit = dict(conn.execute(select(AuditRow.entity_id, func.count()).group_by(AuditRow.entity_id))
                         .all())
            revisions = dict(conn.execute(select(ENTITIES.c.id, ENTITIES.c.revision)).all())
        return {"revisions": revisions, "audit": audit}
