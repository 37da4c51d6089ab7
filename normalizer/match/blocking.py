"""Fuzzy candidates without a full scan: a trigram index with a count filter.

An edit (insertion, deletion, substitution, or two neighbours swapped) changes at most four
trigrams of a padded key and its length by at most one, so a name within k edits of the query
is at most k longer or shorter and holds all but at most 4k of the query's distinct trigrams:
of any n of them it shares at least n - 4k (the pigeonhole filter is the case n = 4k + 1). The
filter reads the postings of the rarest trigrams, more of them while they stay short, slices
each to the keys of reachable length, counts, and keeps the keys that share enough: it loses
no name within k edits (when the query has more than 4k distinct trigrams); rapidfuzz then
ranks the survivors. Keys further than k edits are found only if they pass the same filter,
and keys too long or too short to reach the score cutoff are dropped by length alone. At a
million names common syllables make even the rarest postings long, and a set still too large
to score is cut to MAX_CANDIDATES keys: the ones with the fewest trigrams not in common.
"""

from __future__ import annotations

import math

import numpy as np
from rapidfuzz import fuzz, process

from normalizer.gazetteer.derived import Kind
from normalizer.gazetteer.index import GazetteerIndex, Patch

_ALPHABET = "$ abcdefghijklmnopqrstuvwxyz0123456789"
_BASE = len(_ALPHABET) + 1  # code 0 is any other character
_CODES = np.zeros(256, dtype=np.int32)
for _i, _c in enumerate(_ALPHABET, start=1):
    _CODES[ord(_c)] = _i
MAX_CANDIDATES = 1000  # keys scored with fuzz.ratio per query, at most
GRAMS_PER_EDIT = 4  # trigrams one edit can change: a swap of neighbours changes four
# Posting entries a query reads, at most, in trigrams beyond the 4k+1 rarest: more trigrams make
# the count filter stricter (fewer keys to score), longer postings cost more to count.
READ_BUDGET = 50_000


_CODE_OF = _CODES.tolist()  # the same codes as Python ints: a query reads them one by one


def query_grams(key: str) -> list[int]:
    """Distinct trigram codes of a folded key padded with '$' (the codes _all_grams gives)."""
    codes = [_CODE_OF[ord(c) & 255] for c in f"${key}$"]
    square = _BASE * _BASE
    return list(dict.fromkeys(codes[i] * square + codes[i + 1] * _BASE + codes[i + 2]
                              for i in range(len(codes) - 2)))


def _all_grams(keys: list[str], lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(gram code, key number) for every trigram of every key, vectorised; lengths[i] is
    len(keys[i]).

    Codes fit in 16 bits (_BASE**3 < 2**16) and key numbers in 32, which keeps a million keys'
    twenty-odd million trigrams in a few hundred megabytes while building.
    """
    padded = ("$" + "$$".join(keys) + "$").encode("ascii", "replace")  # each key as ${key}$
    chars = _CODES[np.frombuffer(padded, dtype=np.uint8)].astype(np.uint16)
    lengths = lengths.astype(np.int64) + 2
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
        # The same strings as an array: a query's candidates are gathered by one fancy index (a
        # list comprehension over scattered keys cost ~60 µs a query at 290k keys).
        self.key_array = np.array(keys, dtype=object)
        lengths = np.fromiter(map(len, keys), dtype=np.int32, count=len(keys))
        self.outside = np.argsort(lengths, kind="stable").astype(np.int32)  # inside -> caller's
        self.lengths = lengths[self.outside]  # ascending
        # length_starts[n]: the first inside number of a key at least n long (n up to the longest + 1).
        top = int(self.lengths[-1]) + 2 if keys else 1
        self.length_starts = np.searchsorted(self.lengths, np.arange(top, dtype=np.int32)).tolist()
        by_length = [keys[i] for i in self.outside.tolist()]
        no_pairs = (np.zeros(0, np.uint16), np.zeros(0, np.int32))
        pairs = _all_grams(by_length, self.lengths) if keys else no_pairs
        self.postings, self.offsets = _postings(*pairs)  # no reference kept: freed as it sorts
        self._offsets = self.offsets.tolist()  # Python ints: slicing with them costs no conversion
        self.gram_rows, self.length_table = _length_table(self.postings, self.offsets, self.lengths,
                                                          len(self.length_starts))
        # Distinct trigrams of each key, by inside number (a posting holds a key once).
        self.gram_counts = np.bincount(self.postings, minlength=len(keys)).astype(np.uint16)

    def _posting(self, gram: int) -> np.ndarray:
        """Inside numbers of the keys holding gram, ascending."""
        return self.postings[self._offsets[gram] : self._offsets[gram + 1]]

    def _window(self, length: int, max_edits: int, cutoff: float) -> tuple[int, int]:
        """Key lengths [shortest, past) that max_edits edits can reach from this length, and, with
        a cutoff (0..100), whose fuzz.ratio with a key of this length can reach it; both are
        columns of length_table and indices of length_starts (the window's inside numbers)."""
        shortest, longest = length - max_edits, length + max_edits
        if cutoff > 0:
            low, high = length_range(length, cutoff)
            shortest, longest = max(shortest, low), min(longest, high)
        top = len(self.length_starts) - 1
        return min(max(shortest, 0), top), min(max(longest + 1, 0), top)

    def _sliced(self, key: str, shortest: int, past: int) -> list[np.ndarray]:
        """Each query trigram's posting cut to the keys of lengths [shortest, past), shortest
        first (ties in the query's order). Two table look-ups a trigram: no binary search."""
        rows = [self.gram_rows.get(gram, -1) for gram in query_grams(key)]  # -1: the empty row
        starts = self.length_table[rows, shortest].tolist()
        ends = self.length_table[rows, past].tolist()
        bounds = sorted(zip(starts, ends, strict=True), key=lambda se: se[1] - se[0])
        return [self.postings[start:end] for start, end in bounds]

    def candidates(self, key: str, max_edits: int, cutoff: float = 0.0) -> np.ndarray:
        """Ascending key numbers that may lie within max_edits of key (the module's filter).

        With a cutoff (0..100), keys whose length alone keeps their fuzz.ratio below it go too.
        When more than MAX_CANDIDATES keys pass, the postings of all query trigrams are counted
        and the closest keys by trigrams kept (see _closest).
        """
        shortest, past = self._window(len(key), max_edits, cutoff)
        first, last = self.length_starts[shortest], self.length_starts[past]
        if first >= last:
            return np.zeros(0, dtype=np.int32)
        sliced = self._sliced(key, shortest, past)  # rarest first
        slack = GRAMS_PER_EDIT * max_edits  # query trigrams a key within max_edits may lack
        chosen = _rarest(sliced, slack + 1)
        shared = _tally(chosen, first, last)
        found = np.flatnonzero(shared >= max(1, len(chosen) - slack))
        if len(found) > MAX_CANDIDATES:
            if len(chosen) < len(sliced):  # complete the counts: every query trigram
                shared += _tally(sliced[len(chosen) :], first, last)
                found = found[shared[found] >= max(1, len(sliced) - slack)]
            found = self._closest(found, shared[found], first, slack)
        return np.sort(self.outside[found + first])

    def _closest(self, found: np.ndarray, shared: np.ndarray, first: int, slack: int) -> np.ndarray:
        """At most MAX_CANDIDATES of the found keys (inside numbers - first), given how many of
        all the query's trigrams each holds: those with the fewest trigrams on either side that
        the other lacks. Edit distance is symmetric, so a key within k edits also has at most 4k
        trigrams the query lacks: keys with more go first, at no loss."""
        own = self.gram_counts[found + first].astype(np.int64)
        near = own - shared <= slack
        found, shared, own = found[near], shared[near], own[near]
        if len(found) > MAX_CANDIDATES:
            # Trigrams not in common: query's - shared + own - shared; the query's is the same for all.
            found = found[np.sort(np.argsort(own - 2 * shared, kind="stable")[:MAX_CANDIDATES])]
        return found

    def search(self, key: str, max_edits: int, limit: int, cutoff: float) -> list[tuple[str, float, int]]:
        """Best keys by fuzz.ratio: (key, score 0..100, key number), best first, ties by key (so
        that which of several equal keys make the cut does not depend on the index's order: a
        patched index answers as a fresh one)."""
        chosen = self.candidates(key, max_edits, cutoff)
        numbers = chosen.tolist()
        found = process.extract(
            key, self.key_array[chosen].tolist(), scorer=fuzz.ratio, processor=None, limit=None,
            score_cutoff=cutoff,
        )
        found.sort(key=lambda row: (-row[1], row[0]))
        return [(text, score, numbers[at]) for text, score, at in found[:limit]]


def _length_table(postings: np.ndarray, offsets: np.ndarray, lengths: np.ndarray,
                  columns: int) -> tuple[dict[int, int], np.ndarray]:
    """The per-length layout of the postings: row r of the table is a trigram's, and its column
    n is where in `postings` that trigram's keys at least n long begin (keys are numbered
    shortest first, so a posting is ordered by length too); a last row of zeros stands for a
    trigram no key holds. Returns ({gram: row}, table)."""
    counts = np.diff(offsets)
    grams = np.flatnonzero(counts)
    entry_rows = np.repeat(np.arange(len(grams)), counts[grams])
    per_length = np.bincount(entry_rows * columns + lengths[postings],
                             minlength=len(grams) * columns).reshape(len(grams), columns)
    table = np.zeros((len(grams) + 1, columns), dtype=np.int32 if len(postings) < 1 << 31 else np.int64)
    table[:-1, 1:] = np.cumsum(per_length, axis=1)[:, :-1]  # keys shorter than each column's length
    table[:-1] += offsets[grams][:, None]
    return dict(zip(grams.tolist(), range(len(grams)), strict=True)), table


def _rarest(sliced: list[np.ndarray], needed: int) -> list[np.ndarray]:
    """The first `needed` postings (shortest first), then more while the total stays in budget."""
    total = sum(map(len, sliced[:needed]))
    count = min(needed, len(sliced))
    while count < len(sliced) and total + len(sliced[count]) <= READ_BUDGET:
        total += len(sliced[count])
        count += 1
    return sliced[:count]


def _tally(postings: list[np.ndarray], first: int, last: int) -> np.ndarray:
    """How many of these postings hold each inside number in [first, last)."""
    if not postings:
        return np.zeros(last - first, dtype=np.int64)
    return np.bincount(np.concatenate(postings) - first, minlength=last - first)


MAX_EXTRA_KEYS = 5_000  # keys added by patches that are scored one by one; beyond, a new index


class Blocking:
    """The trigram index of an index's folded keys, and the keys patches added since, which are
    few and scored directly (a patch must cost milliseconds, a trigram index costs seconds at a
    million keys). Keys a patch removed stay and find no name (the matcher skips them)."""

    def __init__(self, main: TrigramIndex, extra: tuple[str, ...] = ()):
        self.main = main
        self.extra = extra
        self._extra_lengths = np.fromiter(map(len, extra), dtype=np.int32, count=len(extra))

    @classmethod
    def of(cls, index: GazetteerIndex) -> Blocking:
        return cls(TrigramIndex(list(index.tables["folded"])))

    def patched(self, patch: Patch) -> Blocking:
        keys = tuple(dict.fromkeys((*self.extra, *patch.new_keys.get("folded", ()))))
        if len(keys) > MAX_EXTRA_KEYS:
            return Blocking.of(patch.index)
        return self if keys == self.extra else Blocking(self.main, keys)

    def search(self, key: str, max_edits: int, limit: int, cutoff: float) -> list[tuple[str, float, int]]:
        """TrigramIndex.search over both; the extra keys' numbers are -1."""
        found = self.main.search(key, max_edits, limit, cutoff)
        if not self.extra:
            return found
        low, high = length_range(len(key), cutoff) if cutoff > 0 else (0, 1 << 30)
        low, high = max(low, len(key) - max_edits), min(high, len(key) + max_edits)
        near = np.flatnonzero((self._extra_lengths >= low) & (self._extra_lengths <= high)).tolist()
        more = process.extract(key, [self.extra[i] for i in near], scorer=fuzz.ratio, processor=None,
                               limit=limit, score_cutoff=cutoff)
        both = found + [(text, score, -1) for text, score, _ in more]
        return sorted(both, key=lambda row: (-row[1], row[0]))[:limit]


BLOCKING: Kind[Blocking] = Kind("blocking", Blocking.of, Blocking.patched)
