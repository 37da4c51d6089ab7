"""The title or honorific written just before a mention ("Ngoại trưởng", "bà", "cựu Đại sứ").

Titles come from normalizer.names. A person's title may stand before a country that qualifies
it: in "Ngoại trưởng Nhật Bản Yoko Kamikawa" and "cựu Đại sứ Hàn Quốc tại Nhật Bản Shin Kak Soo"
the title is read across the country mentions ("Nhật Bản", "Hàn Quốc tại Nhật Bản").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from normalizer.extraction.scantext import ScanText
from normalizer.names import is_person_title, strip_titles
from normalizer.names.titles import ENGLISH_TITLES, HONORIFICS, VIETNAMESE_TITLES
from normalizer.text import fold

MAX_TITLE_WORDS = 7
MAX_SKIPPED_WORDS = 8
CONNECTORS = frozenset({"tại", "ở", "of", "in"})
_LAST_WORDS = frozenset(
    (fold(t.split()[-1]) or "") for t in VIETNAMESE_TITLES + ENGLISH_TITLES + HONORIFICS
)


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    person: bool  # the title says a person follows ("Ngoại trưởng", "ông"; not "cựu")


def _words_before(text: ScanText, scan_start: int, limit: int) -> tuple[str, ...]:
    """The cleaned words, up to `limit`, before scan_start in the same phrase, nearest last.

    `ScanText.word_before` and `cleaned_span` walked inline: this runs for every mention after a
    word that may end a title, seven words back.
    """
    scan, stops, cleaned = text.scan, text.stops, text.cleaned
    to_lowered, to_cleaned = text.to_lowered, text.lowered_to_cleaned
    words: list[str] = []
    position = scan_start
    while len(words) < limit and position and position not in stops:
        begin = scan.rfind(" ", 0, position)  # the word's padded span is [begin, position + 1)
        if begin < 0:
            break
        first, last = int(to_lowered[begin]), int(to_lowered[position - 2])
        if to_cleaned is not None:
            first, last = int(to_cleaned[first]), int(to_cleaned[last])
        words.append(cleaned[first : last + 1])
        position = begin
    return tuple(reversed(words))


def title_before(text: ScanText, scan_start: int) -> Title | None:
    """The title that ends right before the padded span starting at scan_start, if any."""
    memo = text.titles
    if scan_start in memo:
        return memo[scan_start]  # type: ignore[no-any-return]
    found = memo[scan_start] = _title_before(text, scan_start)
    return found


def _title_before(text: ScanText, scan_start: int) -> Title | None:
    last = text.word_before(scan_start)
    # Most words before a mention end no title: test that one word before walking further back.
    if last is None or _folded(text.scan[last[0] + 1 : last[1] - 1]) not in _LAST_WORDS:
        return None
    return _title_ending(_words_before(text, scan_start, MAX_TITLE_WORDS))


@lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    return fold(word) or ""


@lru_cache(maxsize=65536)
def _title_ending(words: tuple[str, ...]) -> Title | None:
    """The longest run of words at the end that is a title (the same titles recur all along)."""
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[-size:])
        title, _ = strip_titles(candidate + " X")
        if title == candidate:
            return Title(candidate, is_person_title(candidate))
    return None


@lru_cache(maxsize=65536)
def leading_title(words: tuple[str, ...]) -> str | None:
    """The title at the start of the words, if any ("Ông", "Bộ trưởng Bộ Ngoại giao")."""
    title, _ = strip_titles(" ".join(words) + " X")
    return title


def person_title_before(text: ScanText, scan_start: int, place_ends: dict[int, int]) -> Title | None:
    """Like title_before, but reads across country mentions and "tại"/"ở" to find a person title.

    `place_ends` maps the trailing pad position of each country or place mention to its padded
    start, so that a mention is skipped whole.
    """
    position = scan_start
    for _ in range(MAX_SKIPPED_WORDS):
        found = title_before(text, position)
        if found is not None:
            return found
        if position in place_ends and position not in text.stops:
            position = place_ends[position]
            continue
        span = text.word_before(position)
        if span is None or text.scan[span[0] + 1 : span[1] - 1] not in CONNECTORS:
            return None
        position = span[0]
    return None
