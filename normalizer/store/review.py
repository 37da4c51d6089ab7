"""The review queue's table: sightings are added in batches; editors list and settle items."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Table, func, insert, select, update

from normalizer.store.engine import Writing
from normalizer.store.records import ReviewItem, Sighting, utc
from normalizer.store.tables import ReviewRow

REVIEW: Table = ReviewRow.__table__  # type: ignore[assignment]

STATES = ("open", "settled", "dismissed")


def _item(row: Any) -> ReviewItem:
    return ReviewItem(row.key, row.example, row.count, utc(row.first_seen), utc(row.last_seen),
                      tuple(row.statuses or ()), row.state, row.settled_as)


class ReviewStore:
    def __init__(self, engine: Engine, writing: Writing):
        self.engine = engine
        self.writing = writing

    def add(self, sightings: list[Sighting]) -> None:
        """Add a batch of sightings in one transaction (counts add up; first/last seen widen)."""
        if not sightings:
            return
        with self.writing() as conn:
            keys = [s.key for s in sightings]
            rows = conn.execute(select(REVIEW).where(REVIEW.c.key.in_(keys)))
            found = {r.key: r for r in rows}
            fresh = []
            for s in sightings:
                row = found.get(s.key)
                if row is None:
                    fresh.append({"key": s.key, "example": s.example, "count": s.count,
                                  "first_seen": s.first_seen, "last_seen": s.last_seen,
                                  "statuses": sorted(s.statuses), "state": "open", "settled_as": None})
                    continue
                conn.execute(update(ReviewRow).where(ReviewRow.key == s.key).values(
                    count=ReviewRow.count + s.count, last_seen=s.last_seen,
                    statuses=sorted(set(row.statuses or ()) | set(s.statuses))))
            if fresh:
                conn.execute(insert(ReviewRow), fresh)

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
