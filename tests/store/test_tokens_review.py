"""Tokens (only hashes kept, revocable) and the review queue table (batched counts, settling)."""

from __future__ import annotations

import datetime as dt

import pytest

from normalizer.store import Sighting, Store, TokenExists, TokenNotFound
from normalizer.store.tokens import token_hash

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_a_token_authenticates_until_revoked(store: Store) -> None:
    token = store.tokens.create("alice", "editor")
    found = store.tokens.authenticate(token)
    assert found is not None and (found.name, found.role) == ("alice", "editor")
    store.tokens.revoke("alice")
    assert store.tokens.authenticate(token) is None
    assert store.tokens.list()[0].revoked is not None


def test_only_the_hash_of_a_token_is_stored(store: Store) -> None:
    token = store.tokens.create("alice", "admin")
    with store.engine.connect() as conn:
        dumped = " ".join(str(row) for row in conn.exec_driver_sql("SELECT * FROM tokens"))
    assert token not in dumped and token_hash(token) in dumped


def test_token_names_are_unique_and_roles_checked(store: Store) -> None:
    store.tokens.create("alice", "viewer")
    with pytest.raises(TokenExists):
        store.tokens.create("alice", "editor")
    with pytest.raises(ValueError, match="role"):
        store.tokens.create("bob", "root")
    with pytest.raises(TokenNotFound):
        store.tokens.revoke("carol")
    assert store.tokens.authenticate("not-a-token") is None


def sighting(key: str, count: int, at: dt.datetime, status: str = "unmatched") -> Sighting:
    return Sighting(key, key.title(), count, (status,), at, at)


def test_review_counts_add_up_across_batches(store: Store) -> None:
    store.review.add([sighting("abe shinzo", 2, T0), sighting("kim jong", 1, T0)])
    later = T0 + dt.timedelta(hours=1)
    store.review.add([sighting("kim jong", 5, later, "ambiguous")])
    items, total = store.review.list()
    assert total == 2
    assert [(i.key, i.count) for i in items] == [("kim jong", 6), ("abe shinzo", 2)]
    assert items[0].statuses == ("ambiguous", "unmatched")
    assert (items[0].first_seen, items[0].last_seen) == (T0, later)


def test_settled_items_leave_the_open_list(store: Store) -> None:
    store.review.add([sighting("abe shinzo", 2, T0)])
    settled = store.review.settle("abe shinzo", "dismissed", {"action": "dismiss"})
    assert settled is not None and settled.state == "dismissed"
    assert store.review.list()[1] == 0
    assert store.review.list("dismissed")[1] == 1
    assert store.review.settle("nothing", "dismissed", None) is None


def test_the_open_queue_is_bounded_by_evicting_the_least_seen(store: Store) -> None:
    store.review.add([sighting("dismissed one", 1, T0)])
    store.review.settle("dismissed one", "dismissed", {"action": "dismiss"})
    store.review.add([sighting(f"key {i:02}", i, T0 + dt.timedelta(seconds=i)) for i in range(1, 16)],
                     max_open=10)
    items, total = store.review.list("open", 0, 50)
    assert total == 10 and [i.key for i in items][-1] == "key 06"  # keys 1-5 were seen least
    store.review.add([sighting("key 01", 50, T0 + dt.timedelta(hours=1))], max_open=10)
    items, total = store.review.list("open", 0, 50)
    assert total == 10 and items[0].key == "key 01" and "key 06" not in [i.key for i in items]
    assert store.review.list("dismissed")[1] == 1  # editors' decisions are never evicted
