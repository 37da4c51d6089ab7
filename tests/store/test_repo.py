"""The store's write path: revisions, audit rows, optimistic concurrency, names, merges, state."""

from __future__ import annotations

from dataclasses import replace

import pytest

from normalizer.model import Entity, Name
from normalizer.store import (
    EntityExists,
    EntityMerged,
    EntityNotFound,
    RevisionNotFound,
    StaleRevision,
    Store,
)

EN = Name("Kim Jong Un", "en", "preferred", "editorial", family="Kim")


def kim() -> Entity:
    return Entity("kim-jong-un", "person", "Kim Jong Un", (EN,))


def audit_matches_revisions(store: Store) -> None:
    counts = store.debug_counts()
    assert counts["revisions"] == counts["audit"]


def test_first_load_puts_every_entity_at_revision_1_with_a_load_audit_row(store: Store) -> None:
    live = store.live()
    assert [e.id for e in live.entities] == ["china", "japan", "wang-yi", "xi-jinping"]
    assert all(e.revision == 1 for e in live.entities)
    assert live.revision == 4 == store.gazetteer_revision()
    assert [a.action for a in store.changes(0)] == ["load"] * 4
    audit_matches_revisions(store)


def test_create_then_save_bumps_revision_and_writes_a_diff(store: Store) -> None:
    created = store.create(kim(), "alice")
    assert created.revision == 1 and created.file == "editorial/person.yaml"
    changed = store.save(replace(kim(), description="leader"), 1, "bob")
    assert changed.revision == 2
    entries, total = store.history("kim-jong-un")
    assert total == 2
    assert [(e.revision, e.action, e.actor) for e in entries] == [
        (2, "update", "bob"), (1, "create", "alice")]
    assert entries[0].diff == {"description": {"from": None, "to": "leader"}}
    assert store.gazetteer_revision() == 6
    audit_matches_revisions(store)


def test_a_stale_revision_is_refused_and_changes_nothing(store: Store) -> None:
    store.save(replace(store.get("japan").entity, description="an island country"), 1, "alice")
    with pytest.raises(StaleRevision) as caught:
        store.save(replace(store.get("japan").entity, description="lost update"), 1, "bob")
    assert caught.value.actual == 2
    assert store.get("japan").entity.description == "an island country"
    audit_matches_revisions(store)


def test_ids_are_never_reused(store: Store) -> None:
    with pytest.raises(EntityExists):
        store.create(replace(kim(), id="china"), "alice")


def test_unknown_ids_are_refused(store: Store) -> None:
    with pytest.raises(EntityNotFound):
        store.save(kim(), 1, "alice")
    with pytest.raises(EntityNotFound):
        store.set_deleted("nobody", True, 1, "alice")


def test_name_ids_survive_edits_of_other_names(store: Store) -> None:
    before = store.get("wang-yi")
    extra = Name("王毅", "zh-Hans", "native", "editorial")
    after = store.save(replace(before.entity, names=(extra, *before.entity.names)), 1, "alice")
    assert after.name_ids[1:] == before.name_ids
    assert after.name_ids[0] not in before.name_ids
    assert after.entity.names[0] == extra


def test_soft_delete_leaves_the_index_and_undelete_brings_it_back(store: Store) -> None:
    store.set_deleted("japan", True, 1, "alice")
    assert "japan" not in {e.id for e in store.live().entities}
    assert store.get("japan").deleted
    store.set_deleted("japan", False, 2, "alice")
    assert "japan" in {e.id for e in store.live().entities}
    assert [a.action for a in store.history("japan")[0]] == ["undelete", "delete", "load"]


def test_merge_redirects_the_old_id_and_moves_names(store: Store) -> None:
    store.create(kim(), "alice")
    survivor = store.get("xi-jinping").entity
    merged_names = replace(survivor, names=(*survivor.names, replace(EN, kind="alias")))
    store.merge("kim-jong-un", 1, merged_names, 1, "alice")
    live = store.live()
    assert live.redirects == {"kim-jong-un": "xi-jinping"}
    assert "kim-jong-un" not in {e.id for e in live.entities}
    with pytest.raises(EntityMerged) as caught:
        store.save(kim(), 2, "bob")
    assert caught.value.into == "xi-jinping"
    audit_matches_revisions(store)


def test_merging_a_survivor_again_follows_the_chain(store: Store) -> None:
    store.create(kim(), "alice")
    store.merge("kim-jong-un", 1, store.get("wang-yi").entity, 1, "alice")
    store.merge("wang-yi", 2, store.get("xi-jinping").entity, 1, "alice")
    assert store.live().redirects == {"kim-jong-un": "xi-jinping", "wang-yi": "xi-jinping"}


def test_merge_checks_the_survivors_revision_too(store: Store) -> None:
    store.create(kim(), "alice")
    with pytest.raises(StaleRevision):
        store.merge("kim-jong-un", 1, store.get("xi-jinping").entity, 7, "alice")
    assert not store.get("kim-jong-un").merged_into


def test_changes_feed_pages_by_gazetteer_revision(store: Store) -> None:
    store.create(kim(), "alice")
    first = store.changes(0, limit=3)
    rest = store.changes(first[-1].seq)
    assert [e.seq for e in first + rest] == [1, 2, 3, 4, 5]
    assert rest[-1].entity_id == "kim-jong-un"


def test_audit_at_an_unknown_revision_is_refused(store: Store) -> None:
    assert store.audit_at("china", 1).snapshot["name"] == "China"
    with pytest.raises(RevisionNotFound):
        store.audit_at("china", 9)


def test_history_pages_newest_first(store: Store) -> None:
    entity = store.get("china").entity
    for revision in range(1, 6):
        store.save(replace(entity, description=f"v{revision}"), revision, "alice")
    page, total = store.history("china", offset=2, limit=2)
    assert total == 6
    assert [e.revision for e in page] == [4, 3]


def test_migrating_twice_is_harmless(database_url: str) -> None:
    Store.open(database_url).close()
    again = Store.open(database_url)
    assert again.gazetteer_revision() == 0
    again.close()


def test_concurrent_merges_in_opposite_directions_do_not_deadlock(store: Store) -> None:
    import threading

    outcomes: list[str] = []

    def merge(a: str, b: str) -> None:
        try:
            store.merge(a, 1, store.get(b).entity, 1, "alice")
            outcomes.append("merged")
        except (StaleRevision, EntityMerged) as exc:
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=merge, args=pair) for pair in (("china", "japan"), ("japan", "china"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes)[-1] == "merged" and len(outcomes) == 2
    audit_matches_revisions(store)
