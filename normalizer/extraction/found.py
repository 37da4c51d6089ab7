"""A span found in a document while extracting, and the overlap resolution between spans."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from normalizer.extraction.titles import Title
from normalizer.model import Resolution


@dataclass(slots=True)
class Found:
    """A candidate mention: padded scan span, cleaned span and, once resolved, its resolution.

    Treated as immutable (the `with_` methods return a new span) but not frozen: a frozen
    dataclass sets each field through `object.__setattr__`, 2.3 µs a span against 0.3, and a
    document builds two or three spans per mention.
    """

    scan_start: int  # the pad space before the first letter
    scan_end: int  # one past the pad space after the last letter
    clean_start: int
    clean_end: int
    surface: str  # the cleaned text of the span
    resolution: Resolution | None = None
    title: Title | None = None
    coref: bool = False  # a partial reference to a person named in full earlier
    antecedent: Found | None = None

    def with_resolution(self, resolution: Resolution | None) -> Found:
        """This span with another resolution (a direct call: `dataclasses.replace` costs 4x)."""
        return Found(self.scan_start, self.scan_end, self.clean_start, self.clean_end, self.surface,
                     resolution, self.title, self.coref, self.antecedent)

    def with_title(self, title: Title | None) -> Found:
        return Found(self.scan_start, self.scan_end, self.clean_start, self.clean_end, self.surface,
                     self.resolution, title, self.coref, self.antecedent)

    @property
    def key(self) -> tuple[int, int]:
        return self.scan_start + 1, self.scan_end - 1

    @property
    def words(self) -> int:
        return self.surface.count(" ") + 1

    @property
    def entity_type(self) -> str | None:
        match = self.resolution.match if self.resolution else None
        return match.type if match else None


def longest_first(starts: list[int], ends: list[int], size: int) -> list[int]:
    """Indices of non-overlapping spans, longer spans first, then earlier ones; in text order.

    Spans are padded scan spans [start, end): they overlap when their letters do (padded spans
    share their pad spaces with neighbours). `size` is the length of the scan text. The order
    is sorted on arrays with a stable sort, as `sorted` with a key function on span objects was.
    """
    if not starts:
        return []
    taken = bytearray(size)
    chosen: list[int] = []
    first = np.asarray(starts, dtype=np.int64)
    for i in np.lexsort((first, first - np.asarray(ends, dtype=np.int64))).tolist():
        start, end = starts[i] + 1, ends[i] - 1
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(i)
    return sorted(chosen, key=starts.__getitem__)
