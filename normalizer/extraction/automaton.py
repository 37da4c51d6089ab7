"""The multi-pattern scanner: one Aho-Corasick automaton over every exact key of an index.

Keys are padded with a space at each end, like the scan form of a document, so every hit lies on
word boundaries. The scanner is built once per index and kept with it (gazetteer.derived). A
patched index (an editor's write) keeps the old automaton and adds a small one over the keys the
patch brought: building the automaton again costs seconds at a million keys, the small one
milliseconds. Keys a patch removed stay in the automaton and find no name (the extractor skips
them); when the small automaton grows past MAX_EXTRA_KEYS, the next patch builds one again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick
import numpy as np

from normalizer.extraction.scantext import ScanText
from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import Kind, derived
from normalizer.gazetteer.index import Patch
from normalizer.gazetteer.layers import in_running_text

MAX_EXTRA_KEYS = 20_000


@dataclass(frozen=True, slots=True)
class RawSpan:
    """A key found in the scan form: [start, end) includes the two padding spaces."""

    start: int
    end: int

    @property
    def key(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def build_automaton(keys: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton whose words are " key " and whose values are the padded lengths."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for key in keys:
        padded = f" {key} "
        automaton.add_word(padded, len(padded))
    if len(automaton) == 0:
        automaton.add_word("\x00\x00", 2)  # make_automaton refuses an empty automaton
    automaton.make_automaton()
    return automaton


@dataclass(frozen=True)
class Scanner:
    """The automaton of an index's exact keys, and one over the keys patches added since."""

    main: ahocorasick.Automaton
    extra_keys: tuple[str, ...] = ()
    extra: ahocorasick.Automaton | None = None

    @classmethod
    def of(cls, index: GazetteerIndex) -> Scanner:
        return cls(build_automaton(running_text_keys(index, index.tables["exact"])))

    def patched(self, patch: Patch) -> Scanner:
        fresh = running_text_keys(patch.index, patch.new_keys.get("exact", ()))
        keys = tuple(dict.fromkeys((*self.extra_keys, *fresh)))
        if len(keys) > MAX_EXTRA_KEYS:
            return Scanner.of(patch.index)
        if keys == self.extra_keys:
            return self
        return Scanner(self.main, keys, build_automaton(keys) if keys else None)

    def hits(self, scan: str) -> np.ndarray:
        """(end position, padded length) of every key occurrence, ordered by end position."""
        found = np.array(list(self.main.iter(scan)), dtype=np.int64).reshape(-1, 2)
        if self.extra is None:
            return found
        more = np.array(list(self.extra.iter(scan)), dtype=np.int64).reshape(-1, 2)
        both = np.concatenate((found, more))
        return both[np.lexsort((-both[:, 1], both[:, 0]))]  # by end, the longest first


def running_text_keys(index: GazetteerIndex, keys: Iterable[str]) -> Iterator[str]:
    """The exact keys that name some entity in running text by themselves (gazetteer.layers.
    in_running_text): a little-known layer entity's names stay out of the automaton."""
    table, owner, names, entities = index.tables["exact"], index.name_owner, index.name_of, index.entities
    for key in keys:
        found = table.get(key)
        ids = (found,) if isinstance(found, int) else found or ()
        if any(in_running_text(entities[owner[i]], names[i]) for i in ids):
            yield key


SCANNER: Kind[Scanner] = Kind("scanner", Scanner.of, Scanner.patched)


def scanner_for(index: GazetteerIndex) -> Scanner:
    """The scanner of this index's exact keys, built on first use (thread-safe)."""
    return derived(index, SCANNER)


def find_spans(scanner: Scanner, text: ScanText) -> list[RawSpan]:
    """Every key occurrence that crosses no hard separator, in order of end position."""
    starts, ends = span_arrays(scanner, text)
    return [RawSpan(start, end) for start, end in zip(starts.tolist(), ends.tolist(), strict=True)]


def span_arrays(scanner: Scanner, text: ScanText) -> tuple[np.ndarray, np.ndarray]:
    """find_spans as two arrays (padded starts, ends): the checks run on all hits at once."""
    hits = scanner.hits(text.scan)
    ends = hits[:, 0] + 1
    starts = ends - hits[:, 1]
    keep = ~text.crosses_break_at(starts, ends)
    return starts[keep], ends[keep]
