"""Value -> Answer: each distinct value resolved once while a bounded cache holds it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import is_, is_not

from normalizer.bulk.results import (
    EMPTY_RESULT,
    Answer,
    RowResult,
    Sure,
    answer,
    error_result,
    from_resolution,
    sure_answers,
)
from normalizer.model import Resolution

# The signature of Normalizer.resolve: (query, type, limit) -> Resolution; raises ValueError
# (InvalidQuery) for a query it refuses.
ResolveFn = Callable[[str, str | None, int], Resolution]
# The signature of Normalizer.named_exactly_many: (queries, type) -> for each, a Sure, or None:
# then resolve decides.
NamedExactlyFn = Callable[[list[str], str | None], Sequence[Sure | None]]
# Values -> their answers, in order: a whole run of rows at a time, so that hits cost a C-level
# dict look-up each and only misses run Python code.
Lookup = Callable[[list[str]], list[Answer]]
CANDIDATE_LIMIT = 3


class ValueResolver:
    """Answers cell values with their result cells; never raises for any value."""

    def __init__(self, resolve: ResolveFn, type: str | None, cache_size: int,
                 named_exactly: NamedExactlyFn | None = None):
        self._resolve = resolve
        self._named_exactly = named_exactly
        self._type = type
        self._cache = GenerationCache(cache_size)
        self._cache_size = max(1, cache_size)
        # In a worker: the answers its pipeline gave since they were last taken, for the others.
        self._learned: list[tuple[str, Answer]] | None = None

    def teach(self, answers: list[tuple[str, Answer]]) -> None:
        """Take the answers other workers' pipelines gave (so as not to resolve them again), and
        from now on keep this one's for them."""
        for value, known in answers:
            self._cache.put(value, known)
        if self._learned is None:
            self._learned = []

    def take_learned(self) -> list[tuple[str, Answer]]:
        learned, self._learned = self._learned or [], []
        return learned

    def lookup(self, values: list[str]) -> list[Answer]:
        """The answers for values, each distinct value resolved once while the cache holds it."""
        found = self._cache.get_many(values)
        missing = _misses(found)
        if missing and self._named_exactly is not None:
            self._answer_sure(values, found, missing)
            missing = _misses(found)
        for i in missing:
            found[i] = self._cache.get(values[i]) or self._resolve_new(values[i])
        return found  # type: ignore[return-value]  # no None is left

    def _answer_sure(self, values: list[str], found: list[Answer | None], missing: list[int]) -> None:
        """Fill in, and cache, the missing values that are gazetteer names resolve is sure of."""
        assert self._named_exactly is not None
        new = [values[i] for i in missing]
        sures = self._named_exactly(new, self._type)
        hits = list(compress(range(len(new)), map(is_not, sures, repeat(None))))
        answers = sure_answers([sure for sure in sures if sure is not None])
        for j, made in zip(hits, answers, strict=True):
            found[missing[j]] = made
        self._cache.put_many(list(zip([new[j] for j in hits], answers, strict=True)))

    def _resolve_new(self, value: str) -> Answer:
        made = answer(self._result(value))
        self._cache.put(value, made)
        if self._learned is not None and len(self._learned) < self._cache_size:
            self._learned.append((value, made))  # worth sharing: the pipeline costs 50-300 µs
        return made

    def _result(self, value: str) -> RowResult:
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
        self._young: dict[str, Answer] = {}
        self._old: dict[str, Answer] = {}

    def get(self, key: str) -> Answer | None:
        found = self._young.get(key)
        if found is None:
            found = self._old.get(key)
            if found is not None:
                self.put(key, found)
        return found

    def get_many(self, keys: list[str]) -> list[Answer | None]:
        """The young generation's answers for keys, None where it has none (then ask `get`)."""
        return list(map(self._young.get, keys))

    def put(self, key: str, value: Answer) -> None:
        if len(self._young) >= self._size:
            self._old, self._young = self._young, {}
        self._young[key] = value

    def put_many(self, items: list[tuple[str, Answer]]) -> None:
        """put each (key, value), in order; in one C-level update when the young generation has room."""
        if len(self._young) + len(items) <= self._size:
            self._young.update(items)
            return
        for key, value in items:
            self.put(key, value)


def _misses(found: list[Answer | None]) -> list[int]:
    """The positions of the None entries, found at C speed (most chunks have few or none)."""
    if None not in found:
        return []
    return list(compress(range(len(found)), map(is_, found, repeat(None))))
