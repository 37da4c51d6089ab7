"""Forked worker processes that each turn whole chunks of input lines into output text.

The parent only reads whole rows (lines.py) and writes the text that comes back, in order; the
workers split, resolve and render, each with its own cache of answers. Forking after the index
is built lets every worker share it copy-on-write. Chunks go to the workers in turn, and each
chunk carries the answers the other workers' pipelines gave since that worker's last chunk, so a
value that needs the resolver (50-300 µs) is resolved about once in all, not once per worker.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, NamedTuple, Protocol

from normalizer.bulk.options import CsvError
from normalizer.bulk.results import Answer, RowResult


class ChunkDone(NamedTuple):
    """What a worker sends back for one chunk: its output text, the rows per status, and each
    row's (value, result) when the parent has an observer to show them to."""

    text: str
    counts: dict[str, int]
    seen: list[tuple[str, RowResult]] | None
    learned: list[tuple[str, Answer]]  # what the worker's pipeline answered, for the others
    memory: tuple[int, int] | None = None  # the forked worker's pid and PSS in kB after the chunk


class ChunkFinisher(Protocol):
    def finish_lines(self, lines: list[str], observe: bool,
                     taught: list[tuple[str, Answer]]) -> ChunkDone: ...


# The job that forked workers inherit: set by ChunkPool just before the pool forks, so one
# parallel job per process at a time (the CLI runs one; REST never uses workers).
_worker_job: ChunkFinisher | None = None


def _finish_in_worker(lines: list[str], observe: bool, taught: list[tuple[str, Answer]]) -> ChunkDone:
    assert _worker_job is not None, "the pool must be created by ChunkPool"
    done = _worker_job.finish_lines(lines, observe, taught)
    return done._replace(memory=(os.getpid(), pss_kb()))


def pss_kb(pid: int | str = "self") -> int:
    """A process's proportional set size in kB (/proc/PID/smaps_rollup): its private pages and
    its share of the pages it shares, such as the index forked workers share with their parent.
    0 where the kernel does not tell."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


Submitted = tuple[int, "Future[ChunkDone]"]  # the worker's number, and its future
IN_FLIGHT_PER_WORKER = 2


class Pool(Protocol):
    """Workers that finish a job's chunks; `collect` gives each chunk's ChunkDone in the order
    asked for, and raises CsvError when a worker is lost."""

    in_flight: int  # chunks submitted and not yet collected, at most

    def submit(self, lines: list[str], observe: bool) -> Any: ...

    def collect(self, submitted: Any) -> ChunkDone: ...

    def close(self) -> None: ...


class ChunkPool:
    """Worker processes for one job; chunks come back in the order they are collected."""

    def __init__(self, job: ChunkFinisher, workers: int, max_shared: int):
        global _worker_job
        _worker_job = job
        fork = multiprocessing.get_context("fork")
        self._pools = [ProcessPoolExecutor(1, mp_context=fork) for _ in range(workers)]
        self._outboxes: list[list[tuple[str, Answer]]] = [[] for _ in range(workers)]
        self._max_shared = max_shared
        self._turn = 0
        self.in_flight = IN_FLIGHT_PER_WORKER * workers
        self.memory: dict[int, int] = {}  # each worker's PSS in kB, as its last chunk left it

    def submit(self, lines: list[str], observe: bool) -> Submitted:
        worker = self._turn
        self._turn = (self._turn + 1) % len(self._pools)
        taught, self._outboxes[worker] = self._outboxes[worker], []
        return worker, self._pools[worker].submit(_finish_in_worker, lines, observe, taught)

    def collect(self, submitted: Submitted) -> ChunkDone:
        worker, future = submitted
        try:
            done = future.result()
        except BrokenProcessPool as exc:
            raise CsvError("a worker process died (out of memory?); the rows before it were "
                           "written") from exc
        if done.memory is not None:
            self.memory[done.memory[0]] = done.memory[1]
        for other, outbox in enumerate(self._outboxes):
            if other != worker and len(outbox) < self._max_shared:  # bounded: a cache's worth
                outbox.extend(done.learned)
        return done

    def close(self) -> None:
        for pool in self._pools:
            pool.shutdown(wait=True, cancel_futures=True)
