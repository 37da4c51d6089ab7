"""Concurrent writers lose no update: 8 threads x 200 conflicting edits, retried on a stale revision;
every accepted write has its audit row and the revisions add up."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import replace

from normalizer.model import Entity
from normalizer.store import StaleRevision, Store

THREADS, EDITS = 8, 200
TARGETS = ("china", "japan", "wang-yi", "xi-jinping")  # every thread fights over all four


def edits(entity: Entity) -> int:
    return int(dict(entity.external_ids).get("edits", 0))


def increment(store: Store, entity_id: str) -> int:
    """Add one to the entity's description counter; returns the attempts it took."""
    attempts = 0
    while True:
        attempts += 1
        current = store.get(entity_id)
        value = edits(current.entity) + 1
        try:
            changed = replace(current.entity, external_ids=(("edits", str(value)),))
            store.save(changed, current.revision, "writer")
            return attempts
        except StaleRevision:  # what a client does on 412: back off a little, read again, retry
            time.sleep(random.uniform(0, 0.001 * attempts))


def test_concurrent_writers_lose_no_update(store: Store) -> None:
    attempts: list[int] = []
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            for edit in range(EDITS):
                attempts.append(increment(store, TARGETS[(number + edit) % len(TARGETS)]))
        except BaseException as exc:  # reported below: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors[:3]
    total = sum(edits(store.get(t).entity) for t in TARGETS)
    assert total == THREADS * EDITS
    counts = store.debug_counts()
    for target in TARGETS:
        accepted = edits(store.get(target).entity)
        assert counts["revisions"][target] == accepted + 1 == counts["audit"][target]
    assert store.gazetteer_revision() == 4 + THREADS * EDITS
    assert sum(attempts) > THREADS * EDITS  # the edits really did conflict
