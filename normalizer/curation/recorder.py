"""The review queue's recorder: unmatched and ambiguous queries counted in memory by normalized key
and written in batches (every `every` seconds, every `batch` distinct keys, and at exit) in one
transaction, so that resolve never waits on the database. At most `max_keys` keys wait in memory;
a write the database refuses for a while (locked by other writers, down) is tried again with
back-off, and its counts stay pending meanwhile.

Where a query was seen comes from the context of the call (`seen_by`: the client, set by a shell
per request; `seen_in`: the text, set around extraction): the item keeps a snippet of the text
around the name and the client, the last ones seen."""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, replace

from normalizer.model import Resolution
from normalizer.store import DATABASE_UNAVAILABLE, Sighting
from normalizer.text import compact_key

log = logging.getLogger("normalizer.review")
MAX_KEY = 300
MAX_KEYS = 50_000  # keys pending in memory, and open items in the queue (Settings.review_queue_max_keys)
RETRY_DELAYS = (1.0, 2.0)  # seconds between the tries of one flush (the database's own wait comes on top)
SNIPPET_SIDE = 80  # characters of text kept on each side of the name
MAX_CLIENT = 200


@dataclass(frozen=True, slots=True)
class Seen:
    client: str | None = None
    text: str | None = None


_SEEN: ContextVar[Seen] = ContextVar("normalizer_review_seen", default=Seen())  # noqa: B039  (frozen)


@contextlib.contextmanager
def seen_by(client: str | None) -> Iterator[None]:
    """Queries resolved inside the block were sent by `client` (a token's name, a user agent)."""
    token = _SEEN.set(replace(_SEEN.get(), client=(client or "")[:MAX_CLIENT] or None))
    try:
        yield
    finally:
        _SEEN.reset(token)


@contextlib.contextmanager
def seen_in(text: str) -> Iterator[None]:
    """Queries resolved inside the block are spans of `text` (extraction)."""
    token = _SEEN.set(replace(_SEEN.get(), text=text))
    try:
        yield
    finally:
        _SEEN.reset(token)


def snippet(text: str | None, query: str) -> str | None:
    """The text around the first occurrence of the query, on one line; None if it is not there."""
    at = text.find(query) if text and query else -1
    if at < 0 or text is None:
        return None
    start, end = max(0, at - SNIPPET_SIDE), min(len(text), at + len(query) + SNIPPET_SIDE)
    piece = " ".join(text[start:end].split())
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def review_key(result: Resolution) -> str | None:
    """The normalized key a query is counted under: the name without its title, folded (case,
    diacritics) and without spaces, so that "Ông Moon Jae-in", "MOON JAE IN" and "Moon Jaein"
    are one item."""
    return _key(result.parsed.name if result.parsed and result.parsed.name else result.query)


def _key(name: str) -> str | None:
    key = compact_key(name)
    return key[:MAX_KEY] if key else None


def _utc(at: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(at, dt.UTC)


def _sightings(pending: dict[str, _Pending]) -> list[Sighting]:
    """One sighting per key; the example is the first query seen for the key, as written."""
    return [Sighting(key, item.example[:MAX_KEY * 2], item.count, tuple(sorted(item.statuses)),
                     _utc(item.first), _utc(item.last), item.snippet, item.client)
            for key, item in sorted(pending.items())]


class _Pending:
    """One key's sightings since the last flush (the last snippet and client seen)."""

    __slots__ = ("client", "count", "example", "first", "last", "snippet", "statuses")

    def __init__(self, example: str, at: float):
        self.example, self.count, self.first, self.last = example, 0, at, at
        self.statuses: set[str] = set()
        self.snippet: str | None = None
        self.client: str | None = None


class ReviewRecorder:
    """Counts sightings; a daemon thread (restarted after a fork) flushes them through `sink`."""

    def __init__(self, sink: Callable[[list[Sighting]], None], every: float = 1.0, batch: int = 500,
                 max_keys: int = MAX_KEYS):
        self.sink = sink
        self.every = every
        self.batch = batch
        self.max_keys = max_keys
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
        """Count one unmatched or ambiguous result (matched ones are ignored): the key folded
        (about a microsecond) and a dictionary update under a lock; the write happens at flush."""
        if result.status == "matched":
            return
        if self._forked and not self._stopped:
            self._reset()
        key = review_key(result)
        if key is None:
            return
        now = time.time()
        seen = _SEEN.get()
        around = snippet(seen.text, result.query) if seen.text else None
        with self._lock:
            item = self._pending.get(key)
            if item is None:
                if len(self._pending) >= self.max_keys:
                    return
                item = self._pending[key] = _Pending(result.query, now)
            item.count += 1
            item.last = now
            item.statuses.add(result.status)
            item.snippet = around or item.snippet
            item.client = seen.client or item.client
            full = len(self._pending) == self.batch  # wake the writer once, when the batch fills
        if full:
            self._wake.set()

    def pending_keys(self) -> int:
        return len(self._pending)

    def flush(self) -> int:
        """Write what is pending now; returns the number of keys written (0 if the write failed:
        the counts then wait for the next flush)."""
        with self._lock:
            pending, self._pending = self._pending, {}
        if not pending:
            return 0
        sightings = _sightings(pending)
        for delay in (*RETRY_DELAYS, None):
            try:
                self.sink(sightings)
                return len(sightings)
            except DATABASE_UNAVAILABLE as exc:  # locked by other writers, or down: wait, try again
                if delay is None or self._stopped:
                    log.warning("review queue flush failed, will retry later: %s", str(exc).splitlines()[0])
                    break
                time.sleep(delay)
            except Exception:  # the queue is advisory: log, keep the counts for the next try
                log.exception("review queue flush failed; will retry")
                break
        self._restore(pending)
        return 0

    def _restore(self, pending: dict[str, _Pending]) -> None:
        with self._lock:
            for key, old in pending.items():
                item = self._pending.get(key)
                if item is None:
                    if len(self._pending) < self.max_keys:
                        self._pending[key] = old
                    continue
                item.count += old.count
                item.first = min(item.first, old.first)
                item.example = old.example
                item.statuses |= old.statuses
                item.snippet = item.snippet or old.snippet
                item.client = item.client or old.client

    def _run(self) -> None:
        while not self._stopped:
            self._wake.wait(self.every)
            self._wake.clear()
            if not self._forked and not self._stopped:
                self.flush()
