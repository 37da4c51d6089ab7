"""The multi-pattern scanner: one Aho-Corasick automaton over every exact key of an index.

Keys are padded with a space at each end, like the scan form of a document, so every hit lies on
word boundaries. The automaton is built once per index and cached: an index is immutable and
replaced, never changed, on refresh, so the cache is keyed on the index object itself.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick
import numpy as np

from normalizer.extraction.scantext import ScanText
from normalizer.gazetteer import GazetteerIndex

_CACHE: weakref.WeakKeyDictionary[GazetteerIndex, ahocorasick.Automaton] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class RawSpan:
    """A key found in the scan form: [start, end) includes the two padding spaces."""

    start: int
    end: int

    @property
    def key(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def build_automaton(keys: Iterator[str]) -> ahocorasick.Automaton:
    """An automaton whose words are " key " and whose values are the padded lengths."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for key in keys:
        padded = f" {key} "
        automaton.add_word(padded, len(padded))
    if len(automaton) == 0:
        automaton.add_word("\x00\x00", 2)  # make_automaton refuses an empty automaton
    automaton.make_automaton()
    return automaton


def automaton_for(index: GazetteerIndex) -> ahocorasick.Automaton:
    """The cached automaton of this index's exact keys, built on first use (thread-safe)."""
    found = _CACHE.get(index)
    if found is not None:
        return found
    with _LOCK:
        found = _CACHE.get(index)
        if found is None:
            found = build_automaton(iter(index.tables["exact"]))
            _CACHE[index] = found
    return found


def find_spans(automaton: ahocorasick.Automaton, text: ScanText) -> list[RawSpan]:
    """Every key occurrence that crosses no hard separator, in order of end position."""
    starts, ends = span_arrays(automaton, text)
    return [RawSpan(start, end) for start, end in zip(starts.tolist(), ends.tolist(), strict=True)]


def span_arrays(automaton: ahocorasick.Automaton, text: ScanText) -> tuple[np.ndarray, np.ndarray]:
    """find_spans as two arrays (padded starts, ends): the checks run on all hits at once."""
    hits = np.array(list(automaton.iter(text.scan)), dtype=np.int64).reshape(-1, 2)
    ends = hits[:, 0] + 1
    starts = ends - hits[:, 1]
    keep = ~text.crosses_break_at(starts, ends)
    return starts[keep], ends[keep]
