"""The review queue's table: sightings are added in batches; editors list and settle items."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, Table, bindparam, delete, func, insert, select, update

from normalizer.store.engine import Writing
from normalizer.store.records import ReviewItem, Sighting, utc
from normalizer.store.tables import ReviewRow

REVIEW: Table = ReviewRow.__table__  # type: ignore[assignment]

STATES = ("open", "settled", "dismissed")


def _item(row: Any) -> ReviewItem:
    return ReviewItem(row.key, row.example, row.count, utc(row.first_seen), utc(row.last_seen),
                      tuple(row.statuses or ()), row.state, row.settled_as, row.snippet, row.client)


class ReviewStore:
    def __init__(self, engine: Engine, writing: Writing):
        self.engine = engine
        self.writing = writing

    def add(self, sightings: list[Sighting], max_open: int | None = None) -> None:
        """Add a batch of sightings in one transaction (counts add up; first/last seen widen): one
        SELECT of the keys known, then one UPDATE and one INSERT statement for the whole batch.
        With max_open, the open items past that many are evicted, the least seen (then the
        longest unseen) first; settled and dismissed items are editors' decisions, always kept."""
        if not sightings:
            return
        with self.writing() as conn:
            keys = [s.key for s in sightings]
            found = {r.key: r for r in conn.execute(select(REVIEW.c.key, REVIEW.c.statuses)
                                                    .where(REVIEW.c.key.in_(keys)))}
            known = [{"k": s.key, "c": s.count, "last": s.last_seen, "sn": s.snippet, "cl": s.client,
                      "st": sorted(set(found[s.key].statuses or ()) | set(s.statuses))}
                     for s in sightings if s.key in found]
            fresh = [{"key": s.key, "example": s.example, "count": s.count, "first_seen": s.first_seen,
                      "last_seen": s.last_seen, "statuses": sorted(s.statuses), "state": "open",
                      "settled_as": None, "snippet": s.snippet, "client": s.client}
                     for s in sightings if s.key not in found]
            if known:  # a sighting without a snippet or client keeps the ones the item has
                conn.execute(update(REVIEW).where(REVIEW.c.key == bindparam("k")).values(
                    count=REVIEW.c.count + bindparam("c"), last_seen=bindparam("last"),
                    statuses=bindparam("st"), snippet=func.coalesce(bindparam("sn"), REVIEW.c.snippet),
                    client=func.coalesce(bindparam("cl"), REVIEW.c.client)), known)
            if fresh:
                conn.execute(insert(ReviewRow), fresh)
            if max_open is not None and fresh:
                _evict(conn, max_open)

    def list(self, state: str = "open", offset: int = 0, limit: int = 50) -> tuple[list[ReviewItem], int]:
        """Items in a state, most often seen first, one page, and how many there are."""
        where = ReviewRow.state == state
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(ReviewRow).where(where)).scalar_one()
            rows = conn.execute(select(REVIEW).where(where)
                                .order_by(REVIEW.c.count.desc(), REVIEW.c.key).offset(offset).limit(limit))
            return [_item(r) for r in rows], int(total)

    def get(self, key: str) -> ReviewItem | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(REVIEW).where(REVIEW.c.key == key)).first()
        return _item(row) if row else None

    def settle(self, key: str, state: str, settled_as: dict[str, Any] | None) -> ReviewItem | None:
        """Mark an item settled or dismissed; None if no item has this key."""
        with self.writing() as conn:
            conn.execute(update(ReviewRow).where(ReviewRow.key == key)
                         .values(state=state, settled_as=settled_as))
            row = conn.execute(select(REVIEW).where(REVIEW.c.key == key)).first()
            return _item(row) if row else None

    def settle_many(self, keys: Sequence[str], state: str, settled_as: dict[str, Any] | None) -> int:
        """Settle or dismiss the open items among `keys` in one statement; returns how many."""
        if not keys:
            return 0
        with self.writing() as conn:
            done = conn.execute(update(ReviewRow).where(ReviewRow.key.in_(keys), ReviewRow.state == "open")
                                .values(state=state, settled_as=settled_as))
            return int(done.rowcount or 0)


def _evict(conn: Any, max_open: int) -> None:
    is_open = REVIEW.c.state == "open"
    total = int(conn.execute(select(func.count()).select_from(REVIEW).where(is_open)).scalar_one())
    if total <= max_open:
        return
    victims = (select(REVIEW.c.key).where(is_open)
               .order_by(REVIEW.c.count, REVIEW.c.last_seen, REVIEW.c.key).limit(total - max_open))
    conn.execute(delete(REVIEW).where(REVIEW.c.key.in_(victims.scalar_subquery())))
