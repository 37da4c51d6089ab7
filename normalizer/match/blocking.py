"""Fuzzy candidates without a full scan: a trigram index with a pigeonhole filter.

An edit (insertion, deletion, substitution, or two neighbours swapped) changes at most four
trigrams of a padded key, so a name within k edits of the query shares at least one of any
4k+1 distinct query trigrams. Taking the 4k+1 *rarest* ones keeps the candidate set small and
loses no name within k edits; rapidfuzz then ranks the survivors. Keys too long or too short to
reach the score cutoff are dropped by length alone, and a set still too large to score is cut to
the keys that share the most rare trigrams (at a million names, common syllables make the
postings of even the rarest trigrams long).
"""

from __future__ import annotations

import math

import numpy as np
from rapidfuzz import fuzz, process

_ALPHABET = "$ abcdefghijklmnopqrstuvwxyz0123456789"
_BASE = len(_ALPHABET) + 1  # code 0 is any other character
_CODES = np.zeros(256, dtype=np.int32)
for _i, _c in enumerate(_ALPHABET, start=1):
    _CODES[ord(_c)] = _i
MAX_CANDIDATES = 1000  # keys scored with fuzz.ratio per query, at most
GRAMS_PER_EDIT = 4  # trigrams one edit can change: a swap of neighbours changes four
EXTRA_GRAMS = 3  # trigrams beyond the pigeonhole's 4k+1 that rank an oversized candidate set


def _gram(a: str, b: str, c: str) -> int:
    return int(_CODES[ord(a) & 255] * _BASE * _BASE + _CODES[ord(b) & 255] * _BASE + _CODES[ord(c) & 255])


def query_grams(key: str) -> list[int]:
    """Distinct trigram codes of a folded key padded with '$'."""
    padded = f"${key}$"
    return list(dict.fromkeys(_gram(*padded[i : i + 3]) for i in range(len(padded) - 2)))


def _all_grams(keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(gram code, key number) for every trigram of every key, vectorised.

    Codes fit in 16 bits (_BASE**3 < 2**16) and key numbers in 32, which keeps a million keys'
    twenty-odd million trigrams in a few hundred megabytes while building.
    """
    padded = "".join(f"${k}$" for k in keys).encode("ascii", "replace")
    chars = _CODES[np.frombuffer(padded, dtype=np.uint8)].astype(np.uint16)
    lengths = np.fromiter((len(k) + 2 for k in keys), dtype=np.int64, count=len(keys))
    ends = np.cumsum(lengths)
    inside = np.ones(len(chars) - 2, dtype=bool)  # a window that starts inside one padded key
    inside[ends[:-1] - 2] = inside[ends[:-1] - 1] = False
    grams = chars[:-2] * (_BASE * _BASE) + chars[1:-1] * _BASE + chars[2:]
    owners = np.repeat(np.arange(len(keys), dtype=np.int32), lengths)[:-2]
    return grams[inside], owners[inside]


def _postings(grams: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Key numbers grouped by gram, ascending and distinct within each gram, and gram offsets.

    A stable sort of 16-bit codes is a radix sort; owners come in ascending order, so they stay
    ascending within each gram and a key's repeated gram lands next to itself.
    """
    order = np.argsort(grams, kind="stable")
    grams = grams[order]
    owners = owners[order]
    del order
    distinct = np.ones(len(grams), dtype=bool)
    distinct[1:] = (grams[1:] != grams[:-1]) | (owners[1:] != owners[:-1])
    counts = np.bincount(grams[distinct], minlength=_BASE**3)
    offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return owners[distinct], offsets


def _counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, ascending, and how often each occurs (np.unique by sorting)."""
    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return ordered[starts], np.diff(np.append(starts, len(ordered)))


def length_range(length: int, cutoff: float) -> tuple[int, int]:
    """Key lengths whose fuzz.ratio with a key of this length can reach cutoff (0 < cutoff <= 100).

    fuzz.ratio is at most 100 * (1 - |a - b| / (a + b)); solved for b, widened by one each
    way so that rounding never drops a key.
    """
    c = cutoff / 100.0
    return max(0, math.floor(c * length / (2.0 - c)) - 1), math.ceil(length * (2.0 - c) / c) + 1


class TrigramIndex:
    """Candidate keys for a query key, by shared rare trigrams.

    Inside, keys are numbered shortest first, so the keys of one length range are one range of
    numbers and each posting's slice for it is two binary searches away; candidates() and
    search() speak the caller's numbers.
    """

    def __init__(self, keys: list[str]):
        self.keys = keys
        lengths = np.fromiter(map(len, keys), dtype=np.int32, count=len(keys))
        self.outside = np.argsort(lengths, kind="stable").astype(np.int32)  # inside -> caller's
        self.lengths = lengths[self.outside]  # ascending
        by_length = [keys[i] for i in self.outside.tolist()]
        pairs = _all_grams(by_length) if keys else (np.zeros(0, np.uint16), np.zeros(0, np.int32))
        self.postings, self.offsets = _postings(*pairs)  # no reference kept: freed as it sorts

    def _posting(self, gram: int) -> np.ndarray:
        """Inside numbers of the keys holding gram, ascending."""
        return self.postings[self.offsets[gram] : self.offsets[gram + 1]]

    def candidates(self, key: str, max_edits: int, cutoff: float = 0.0) -> np.ndarray:
        """Ascending key numbers that may lie within max_edits of key.

        Every key within max_edits shares one of the 4k+1 rarest query trigrams (pigeonhole,
        when the query has that many), so the union of their postings misses none. With a
        cutoff (0..100), keys whose length alone keeps their fuzz.ratio below it go first.
        When more than MAX_CANDIDATES remain, the ones sharing the most of the rarest
        4k+1+EXTRA_GRAMS trigrams are kept: a close key shares nearly all of them, a key that
        merely shares one rare trigram does not.
        """
        grams = query_grams(key)
        at = np.array(grams, dtype=np.int64)
        grams = [grams[i] for i in np.argsort(self.offsets[at + 1] - self.offsets[at], kind="stable")]
        needed = GRAMS_PER_EDIT * max_edits + 1
        chosen = [self._posting(g) for g in grams[:needed]]
        if cutoff > 0:
            shortest, longest = length_range(len(key), cutoff)
            first, last = np.searchsorted(self.lengths, [shortest, longest + 1])
            chosen = [p[np.searchsorted(p, first) : np.searchsorted(p, last)] for p in chosen]
        found, shared = _counted(np.concatenate(chosen)) if chosen else (np.zeros(0, np.int32),) * 2
        if len(found) > MAX_CANDIDATES:
            shared += self._shared(grams[needed : needed + EXTRA_GRAMS], found)
            # A stable sort of small counts is a radix sort; ties keep the shorter key.
            best = np.argsort(np.uint8(255) - shared.astype(np.uint8), kind="stable")
            found = found[best[:MAX_CANDIDATES]]
        return np.sort(self.outside[found])

    def _shared(self, grams: list[int], found: np.ndarray) -> np.ndarray:
        """How many of these grams each found key holds (a dense tally: cheaper than searching)."""
        tally = np.zeros(len(self.keys), dtype=np.uint8)
        for gram in grams:
            tally[self._posting(gram)] += 1  # a posting holds each key once
        return tally[found]

    def search(self, key: str, max_edits: int, limit: int, cutoff: float) -> list[tuple[str, float, int]]:
        """Best keys by fuzz.ratio: (key, score 0..100, key number), best first."""
        numbers = self.candidates(key, max_edits, cutoff).tolist()
        found = process.extract(
            key, [self.keys[i] for i in numbers], scorer=fuzz.ratio, processor=None, limit=limit,
            score_cutoff=cutoff,
        )
        return [(text, score, numbers[at]) for text, score, at in found]
