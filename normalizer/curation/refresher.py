"""Keeps a process's in-memory index in step with the database: a daemon thread polls the
gazetteer revision every `every` seconds and calls `rebuild` when it moved. The thread is started
lazily and again after a fork (gunicorn builds the app in the master, then forks the workers)."""

from __future__ import annotations

import logging
import os
import threading
import weakref
from collections.abc import Callable

log = logging.getLogger("normalizer.refresh")


class Refresher:
    def __init__(self, poll: Callable[[], int], rebuild: Callable[[], int], revision: int, every: float):
        self.poll = poll
        self.rebuild = rebuild
        self.revision = revision
        self.every = every
        self._running = False  # in this process; a fork clears it (the thread stays behind)
        self._stopped = False
        self._lock = threading.Lock()
        self._wake = threading.Event()
        forked = weakref.WeakMethod(self._forked)  # weak: the hook must not keep us alive
        os.register_at_fork(after_in_child=lambda: (method := forked()) and method())

    def _forked(self) -> None:
        self._running = False
        self._lock = threading.Lock()
        self._wake = threading.Event()

    def stop(self) -> None:
        """Stop polling (for good): the service is closing."""
        self._stopped = True
        self._wake.set()

    def ensure_running(self) -> None:
        """Start the polling thread in this process if it is not running (cheap to call often);
        the call that starts it first brings the index up to date."""
        if self._running or self._stopped:
            return
        self._running = True
        # The first call in a process checks at once: a worker forked from a master that built
        # its index long ago must not answer from that index until the thread's first tick.
        try:
            self.refresh()
        except Exception:  # the database is unreachable: serve what we have, the thread retries
            log.exception("index refresh failed")
        threading.Thread(target=self._run, name="index-refresher", daemon=True).start()

    def nudge(self) -> None:
        """Check now rather than at the next tick (after a write of this process)."""
        self._wake.set()

    def refresh(self) -> bool:
        """Rebuild if the database moved; returns whether it did. One rebuild at a time."""
        with self._lock:
            current = self.poll()
            if current == self.revision:
                return False
            self.revision = self.rebuild()
            return True

    def _run(self) -> None:
        while self._running:
            self._wake.wait(self.every)
            self._wake.clear()
            if self._stopped:
                return
            try:
                self.refresh()
            except Exception:  # a database hiccup must not kill the thread; try again next tick
                log.exception("index refresh failed")
