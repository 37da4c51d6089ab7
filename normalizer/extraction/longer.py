"""A known name inside a longer name that the gazetteer does not hold.

"Hà Nội FC", "ASEAN Cup", "U23 Đông Nam Á", "LHP quốc tế Macau" name a club, a tournament, a
team and a festival; when the gazetteer holds none of them, the city, the association, the
region and the territory inside must not be linked alone (the longest name wins, as the
development set annotates). The known name is then given up for the longer span, which the
leftover stage resolves like any name-like span: linked if the matcher places it, else
reported unlinked with its suggestion.

A longer name is made by words that mark a team, a tournament or a festival around a name:
"FC", "Cup", "Open", "Mở rộng" after it; an age class ("U23", "U-23") or "LHP" (liên hoan
phim, film festival, with "quốc tế" in lower case) before it; a year may close it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from normalizer.extraction.found import Found
from normalizer.extraction.scantext import ScanText

# Words after a name that make it a club's, a tournament's or a festival's, as written.
AFTER = (("FC",), ("F.C.",), ("Cup",), ("Open",), ("Masters",), ("Mở", "rộng"))
# Words before it: an age class, a film festival ("LHP quốc tế Macau").
BEFORE = (("LHP", "quốc", "tế"), ("LHP",))
_AGE_CLASS = re.compile(r"U-?\d{2}")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def longer_names(doc: ScanText, found: list[Found]) -> tuple[list[Found], list[Found]]:
    """(the spans no longer name contains, the longer names that take the others' places)."""
    kept, longer = [], []
    for span in found:
        bigger = _longer(doc, span)
        if bigger is None:
            kept.append(span)
        else:
            longer.append(bigger)
    return kept, longer


def _longer(doc: ScanText, span: Found) -> Found | None:
    start = _before(doc, span.scan_start)
    end = _after(doc, span.scan_end)
    if start == span.scan_start and end == span.scan_end:
        return None
    if end != span.scan_end:
        end = _word_if(doc, doc.word_after(end), _YEAR.fullmatch, end)
    clean_start, clean_end = doc.cleaned_span(start, end)
    return Found(start, end, clean_start, clean_end, doc.cleaned[clean_start:clean_end])


def _before(doc: ScanText, scan_start: int) -> int:
    word = doc.word_before(scan_start)
    if word is not None and _AGE_CLASS.fullmatch(_text(doc, word)):
        return word[0]
    for words in BEFORE:
        start = scan_start
        for expected in reversed(words):
            word = doc.word_before(start)
            if word is None or _text(doc, word) != expected:
                break
            start = word[0]
        else:
            return start
    return scan_start


def _after(doc: ScanText, scan_end: int) -> int:
    for words in AFTER:
        end = scan_end
        for expected in words:
            word = doc.word_after(end)
            if word is None or _text(doc, word) != expected:
                break
            end = word[1]
        else:
            return end
    return scan_end


def _word_if(doc: ScanText, word: tuple[int, int] | None, test: Callable[[str], object],
             default: int) -> int:
    """The end of `word` when its text passes `test`, else `default`."""
    return word[1] if word is not None and test(_text(doc, word)) else default


def _text(doc: ScanText, word: tuple[int, int]) -> str:
    start, end = doc.cleaned_span(*word)
    return doc.cleaned[start:end]
