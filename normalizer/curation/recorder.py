"""The review queue's recorder: unmatched and ambiguous queries counted in memory by normalized key
and written in batches (every `every` seconds, every `batch` distinct keys, and at exit) in one
transaction, so that resolve never waits on the database."""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import os
import threading
from collections.abc import Callable

from normalizer.model import Resolution
from normalizer.store import Sighting
from normalizer.text import fold

log = logging.getLogger("normalizer.review")
MAX_KEY = 300
MAX_PENDING = 100_000  # if the database is down, keep at most this many keys in memory


def review_key(result: Resolution) -> str | None:
    """The normalized key a query is counted under: the folded name without its title."""
    text = result.parsed.name if result.parsed and result.parsed.name else result.query
    key = fold(text)
    return key[:MAX_KEY] if key else None


class _Pending:
    __slots__ = ("count", "example", "first", "last", "statuses")

    def __init__(self, example: str, status: str, at: dt.datetime):
        self.example, self.count, self.first, self.last = example, 0, at, at
        self.statuses: set[str] = {status}


class ReviewRecorder:
    """Counts sightings; a daemon thread (restarted after a fork) flushes them through `sink`."""

    def __init__(self, sink: Callable[[list[Sighting]], None], every: float = 1.0, batch: int = 500):
        self.sink = sink
        self.every = every
        self.batch = batch
        self._pid = -1
        self._reset()
        atexit.register(self.flush)

    def _reset(self) -> None:
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._pending: dict[str, _Pending] = {}
        self._thread = threading.Thread(target=self._run, name="review-recorder", daemon=True)
        self._thread.start()

    def record(self, result: Resolution) -> None:
        """Count one unmatched or ambiguous result (matched ones are ignored)."""
        if result.status == "matched":
            return
        key = review_key(result)
        if key is None:
            return
        if self._pid != os.getpid():  # a forked child: the parent's thread did not come along
            self._reset()
        now = dt.datetime.now(dt.UTC)
        with self._lock:
            item = self._pending.get(key)
            if item is None:
                if len(self._pending) >= MAX_PENDING:
                    return
                item = self._pending[key] = _Pending(result.query[:MAX_KEY * 2], result.status, now)
            item.count += 1
            item.last = now
            item.statuses.add(result.status)
            full = len(self._pending) >= self.batch
        if full:
            self._wake.set()

    def flush(self) -> int:
        """Write what is pending now; returns the number of keys written."""
        with self._lock:
            pending, self._pending = self._pending, {}
        if not pending:
            return 0
        sightings = [Sighting(k, p.example, p.count, tuple(sorted(p.statuses)), p.first, p.last)
                     for k, p in sorted(pending.items())]
        try:
            self.sink(sightings)
        except Exception:  # the queue is advisory: log, keep the counts for the next try
            log.exception("review queue flush failed; will retry")
            self._restore(pending)
            return 0
        return len(sightings)

    def _restore(self, pending: dict[str, _Pending]) -> None:
        with self._lock:
            for key, old in pending.items():
                item = self._pending.get(key)
                if item is None:
                    if len(self._pending) < MAX_PENDING:
                        self._pending[key] = old
                    continue
                item.count += old.count
                item.first = min(item.first, old.first)
                item.statuses |= old.statuses

    def _run(self) -> None:
        while True:
            self._wake.wait(self.every)
            self._wake.clear()
            if self._pid == os.getpid():
                self.flush()
