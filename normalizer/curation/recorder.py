"""The review queue's recorder: unmatched and ambiguous queries counted in memory by normalized key
and written in batches (every `every` seconds, every `batch` distinct keys, and at exit) in one
transaction, so that resolve never waits on the database."""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable

from normalizer.model import Resolution
from normalizer.store import Sighting
from normalizer.text import fold

log = logging.getLogger("normalizer.review")
MAX_KEY = 300
MAX_PENDING = 100_000  # if the database is down, keep at most this many keys in memory


def review_key(result: Resolution) -> str | None:
    """The normalized key a query is counted under: the folded name without its title."""
    return _key(result.parsed.name if result.parsed and result.parsed.name else result.query)


def _key(name: str) -> str | None:
    key = fold(name)
    return key[:MAX_KEY] if key else None


def _utc(at: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(at, dt.UTC)


def _sightings(pending: dict[str, _Pending]) -> list[Sighting]:
    """Queries grouped by key; the example is the key's most frequent query as written."""
    groups: dict[str, list[tuple[str, _Pending]]] = {}
    for query, item in pending.items():
        key = _key(item.name)
        if key is not None:
            groups.setdefault(key, []).append((query, item))
    out = []
    for key, members in sorted(groups.items()):
        example = max(members, key=lambda m: (m[1].count, -m[1].first))[0][:MAX_KEY * 2]
        statuses = set().union(*(m.statuses for _, m in members))
        out.append(Sighting(key, example, sum(m.count for _, m in members), tuple(sorted(statuses)),
                            _utc(min(m.first for _, m in members)), _utc(max(m.last for _, m in members))))
    return out


class _Pending:
    """One query as written, seen since the last flush (folded into its key only at flush time,
    off the request path)."""

    __slots__ = ("count", "first", "last", "name", "statuses")

    def __init__(self, name: str, at: float):
        self.name, self.count, self.first, self.last = name, 0, at, at
        self.statuses: set[str] = set()


class ReviewRecorder:
    """Counts sightings; a daemon thread (restarted after a fork) flushes them through `sink`."""

    def __init__(self, sink: Callable[[list[Sighting]], None], every: float = 1.0, batch: int = 500):
        self.sink = sink
        self.every = every
        self.batch = batch
        self._stopped = False
        self._forked = False
        self._reset()
        atexit.register(self.flush)
        mark = weakref.WeakMethod(self._mark_forked)  # weak: the hook must not keep us alive
        os.register_at_fork(after_in_child=lambda: (method := mark()) and method())

    def _mark_forked(self) -> None:
        self._forked = True  # the parent's thread did not come along: restart it on the next record

    def stop(self) -> None:
        """Write what is pending and stop the thread (for good): the service is closing."""
        self._stopped = True
        self._wake.set()
        self.flush()
        atexit.unregister(self.flush)

    def _reset(self) -> None:
        self._forked = False
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._pending: dict[str, _Pending] = {}
        self._thread = threading.Thread(target=self._run, name="review-recorder", daemon=True)
        self._thread.start()

    def record(self, result: Resolution) -> None:
        """Count one unmatched or ambiguous result (matched ones are ignored). A dictionary update
        under a lock: the folding and the database write happen at flush."""
        if result.status == "matched":
            return
        if self._forked and not self._stopped:
            self._reset()
        now = time.time()
        with self._lock:
            item = self._pending.get(result.query)
            if item is None:
                if len(self._pending) >= MAX_PENDING:
                    return
                name = result.parsed.name if result.parsed and result.parsed.name else result.query
                item = self._pending[result.query] = _Pending(name, now)
            item.count += 1
            item.last = now
            item.statuses.add(result.status)
            full = len(self._pending) == self.batch  # wake the writer once, when the batch fills
        if full:
            self._wake.set()

    def flush(self) -> int:
        """Write what is pending now; returns the number of keys written."""
        with self._lock:
            pending, self._pending = self._pending, {}
        if not pending:
            return 0
        sightings = _sightings(pending)
        try:
            self.sink(sightings)
        except Exception:  # the queue is advisory: log, keep the counts for the next try
            log.exception("review queue flush failed; will retry")
            self._restore(pending)
            return 0
        return len(sightings)

    def _restore(self, pending: dict[str, _Pending]) -> None:
        with self._lock:
            for query, old in pending.items():
                item = self._pending.get(query)
                if item is None:
                    if len(self._pending) < MAX_PENDING:
                        self._pending[query] = old
                    continue
                item.count += old.count
                item.first = min(item.first, old.first)
                item.statuses |= old.statuses

    def _run(self) -> None:
        while not self._stopped:
            self._wake.wait(self.every)
            self._wake.clear()
            if not self._forked and not self._stopped:
                self.flush()
