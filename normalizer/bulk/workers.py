"""Forked worker processes that each turn whole chunks of input lines into output text.

The parent only reads whole rows (lines.py) and writes the text that comes back, in order; the
workers split, resolve and render, each with its own cache of answers. Forking after the index
is built lets every worker share it copy-on-write. A value met in chunks that went to different
workers is resolved by each of them once: cheap for names (one look-up), and the price of
leaving all the per-row work to the workers, which is most of a job's time.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple, Protocol

from normalizer.bulk.options import CsvError
from normalizer.bulk.results import RowResult


class ChunkDone(NamedTuple):
    """What a worker sends back for one chunk: its output text, the rows per status, and each
    row's (value, result) when the parent has an observer to show them to."""

    text: str
    counts: dict[str, int]
    seen: list[tuple[str, RowResult]] | None


class ChunkFinisher(Protocol):
    def finish_lines(self, lines: list[str], observe: bool) -> ChunkDone: ...


# The job that forked workers inherit: set by ChunkPool just before the pool forks, so one
# parallel job per process at a time (the CLI runs one; REST never uses workers).
_worker_job: ChunkFinisher | None = None


def _finish_in_worker(lines: list[str], observe: bool) -> ChunkDone:
    assert _worker_job is not None, "the pool must be created by ChunkPool"
    return _worker_job.finish_lines(lines, observe)


class ChunkPool:
    """Worker processes for one job; chunks come back in the order they are collected."""

    def __init__(self, job: ChunkFinisher, workers: int):
        global _worker_job
        _worker_job = job
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))

    def submit(self, lines: list[str], observe: bool) -> Future[ChunkDone]:
        return self._pool.submit(_finish_in_worker, lines, observe)

    @staticmethod
    def collect(future: Future[ChunkDone]) -> ChunkDone:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise CsvError("a worker process died (out of memory?); the rows before it were "
                           "written") from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
