"""Fuzzy candidates without a full scan: a trigram index with a pigeonhole filter.

An edit changes at most three trigrams of a padded key, so a name within k edits of the query
shares at least one of any 3k+1 distinct query trigrams. Taking the 3k+1 *rarest* ones keeps
the candidate set small and loses no name within k edits; rapidfuzz then ranks the survivors.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

_ALPHABET = "$ abcdefghijklmnopqrstuvwxyz0123456789"
_BASE = len(_ALPHABET) + 1  # code 0 is any other character
_CODES = np.zeros(256, dtype=np.int32)
for _i, _c in enumerate(_ALPHABET, start=1):
    _CODES[ord(_c)] = _i
MAX_CANDIDATES = 20_000


def _gram(a: str, b: str, c: str) -> int:
    return int(_CODES[ord(a) & 255] * _BASE * _BASE + _CODES[ord(b) & 255] * _BASE + _CODES[ord(c) & 255])


def query_grams(key: str) -> list[int]:
    """Distinct trigram codes of a folded key padded with '$'."""
    padded = f"${key}$"
    return list(dict.fromkeys(_gram(*padded[i : i + 3]) for i in range(len(padded) - 2)))


def _all_grams(keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(gram code, key number) for every trigram of every key, vectorised."""
    padded = [f"${k}$" for k in keys]
    lengths = np.fromiter((len(p) for p in padded), dtype=np.int64, count=len(padded))
    chars = _CODES[np.frombuffer("".join(padded).encode("ascii", "replace"), dtype=np.uint8)]
    owner = np.repeat(np.arange(len(keys), dtype=np.int64), lengths)
    ends = np.repeat(np.cumsum(lengths), lengths)
    starts = np.arange(len(chars) - 2)
    valid = starts + 2 < ends[: len(starts)]
    starts = starts[valid]
    grams = chars[starts] * _BASE * _BASE + chars[starts + 1] * _BASE + chars[starts + 2]
    return grams.astype(np.int64), owner[starts]


class TrigramIndex:
    """Candidate keys for a query key, by shared rare trigrams."""

    def __init__(self, keys: list[str]):
        self.keys = keys
        grams, owners = _all_grams(keys) if keys else (np.zeros(0, np.int64), np.zeros(0, np.int64))
        pairs = np.unique(grams * max(len(keys), 1) + owners)
        self.postings = (pairs % max(len(keys), 1)).astype(np.int32)
        counts = np.bincount(pairs // max(len(keys), 1), minlength=_BASE**3)
        self.offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)

    def _posting(self, gram: int) -> np.ndarray:
        return self.postings[self.offsets[gram] : self.offsets[gram + 1]]

    def candidates(self, key: str, max_edits: int) -> np.ndarray:
        """Key numbers that may lie within max_edits of key (never misses one that does)."""
        grams = query_grams(key)
        grams.sort(key=lambda g: self.offsets[g + 1] - self.offsets[g])
        chosen = [self._posting(g) for g in grams[: 3 * max_edits + 1]]
        found = np.unique(np.concatenate(chosen)) if chosen else np.zeros(0, np.int32)
        if len(found) > MAX_CANDIDATES:
            found = self._most_shared(grams, found)
        return found

    def _most_shared(self, grams: list[int], found: np.ndarray) -> np.ndarray:
        counts = np.zeros(len(found), dtype=np.int32)
        for gram in grams:
            counts += np.isin(found, self._posting(gram), assume_unique=False)
        return found[np.argsort(-counts, kind="stable")[:MAX_CANDIDATES]]

    def search(self, key: str, max_edits: int, limit: int, cutoff: float) -> list[tuple[str, float, int]]:
        """Best keys by fuzz.ratio: (key, score 0..100, key number), best first."""
        numbers = self.candidates(key, max_edits)
        choices = {int(i): self.keys[i] for i in numbers}
        found = process.extract(
            key, choices, scorer=fuzz.ratio, processor=None, limit=limit, score_cutoff=cutoff
        )
        return [(text, score, number) for text, score, number in found]
