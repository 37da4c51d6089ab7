"""Value -> RowResult: each distinct value resolved once (bounded caches), in this process or
in forked worker processes that share the parent's index."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache

from normalizer.bulk.options import CsvError
from normalizer.bulk.results import EMPTY_RESULT, RowResult, error_result, from_resolution
from normalizer.model import Resolution

# The signature of Normalizer.resolve: (query, type, limit) -> Resolution; raises ValueError
# (InvalidQuery) for a query it refuses.
ResolveFn = Callable[[str, str | None, int], Resolution]
Lookup = Callable[[str], RowResult]
CANDIDATE_LIMIT = 3


class ValueResolver:
    """Resolves one cell value to its result cells; never raises for any value."""

    def __init__(self, resolve: ResolveFn, type: str | None, cache_size: int):
        self._resolve = resolve
        self._type = type
        self.lookup: Lookup = lru_cache(maxsize=cache_size)(self.uncached)

    def uncached(self, value: str) -> RowResult:
        if not value or value.isspace():
            return EMPTY_RESULT
        try:
            resolution = self._resolve(value, self._type, CANDIDATE_LIMIT)
        except ValueError as exc:  # the service refused the value (e.g. too long)
            return error_result(str(exc))
        except Exception as exc:  # one bad value must not end a million-row job
            return error_result(f"internal error resolving this value: {type(exc).__name__}")
        return from_resolution(resolution)


class GenerationCache:
    """A bounded map with LRU-like eviction at dict speed: two generations of `size` keys each; a
    hit in the old one is promoted; when the young one fills up, the old one is dropped. It
    always holds the `size` keys used last (at most 2 * size), so a working set that fits is
    never evicted (with generations of size / 2, a pool of 50k values thrashed a 65,536 cache)."""

    def __init__(self, size: int):
        self._size = max(1, size)
        self._young: dict[str, RowResult] = {}
        self._old: dict[str, RowResult] = {}

    def get(self, key: str) -> RowResult | None:
        found = self._young.get(key)
        if found is None:
            found = self._old.get(key)
            if found is not None:
                self.put(key, found)
        return found

    def put(self, key: str, value: RowResult) -> None:
        if len(self._young) >= self._size:
            self._old, self._young = self._young, {}
        self._young[key] = value


# The resolver that forked workers inherit: set by ParallelResolver just before the pool forks,
# so one parallel job per process at a time (the CLI runs one; REST never uses workers).
_worker_resolver: ValueResolver | None = None


def _resolve_in_worker(values: list[str]) -> list[RowResult]:
    assert _worker_resolver is not None, "the pool must be created by ParallelResolver"
    return [_worker_resolver.lookup(v) for v in values]


Pending = tuple[dict[str, RowResult], list[list[str]], "list[Future[list[RowResult]] | None]"]


class ParallelResolver:
    """Sends the values a chunk needs to forked workers; answers come back in submission order.

    Forking after the index is built lets every worker share it copy-on-write. Each chunk is
    sent as its distinct values that the parent's cache does not know, each value to the worker
    its hash picks: a value the parent has forgotten or has in flight goes back to the worker
    that already resolved it and answers from that worker's cache, instead of being resolved
    again by another (with one shared pool, two workers each resolved most of a 50k-value pool).
    """

    def __init__(self, resolver: ValueResolver, workers: int, cache_size: int):
        global _worker_resolver
        _worker_resolver = resolver
        self._cache = GenerationCache(cache_size)
        fork = multiprocessing.get_context("fork")
        self._pools = [ProcessPoolExecutor(1, mp_context=fork) for _ in range(workers)]

    def submit(self, values: list[str]) -> Pending:
        known: dict[str, RowResult] = {}
        shards: list[list[str]] = [[] for _ in self._pools]
        for value in dict.fromkeys(values):
            found = self._cache.get(value)
            if found is None:
                shards[hash(value) % len(shards)].append(value)
            else:
                known[value] = found
        futures = [pool.submit(_resolve_in_worker, shard) if shard else None
                   for pool, shard in zip(self._pools, shards, strict=True)]
        return known, shards, futures

    def collect(self, pending: Pending) -> Lookup:
        """Wait for one submitted chunk; a lookup that answers each of its values."""
        known, shards, futures = pending
        for shard, future in zip(shards, futures, strict=True):
            if future is None:
                continue
            try:
                answers = future.result()
            except BrokenProcessPool as exc:
                raise CsvError("a worker process died (out of memory?); the rows before it were "
                               "written") from exc
            for value, result in zip(shard, answers, strict=True):
                known[value] = result
                self._cache.put(value, result)
        return known.__getitem__

    def close(self) -> None:
        for pool in self._pools:
            pool.shutdown(wait=True, cancel_futures=True)
