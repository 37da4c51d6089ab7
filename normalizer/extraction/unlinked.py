"""Capitalized name-like spans that no gazetteer key matched, for editors to review.

Vietnamese capitalizes every syllable of a proper name, and also the first word of a sentence
and the first syllables of organization names ("Ban Thời sự"). A run of capitalized words left
over after the mentions is name-like when it is:
- two or more words, unless Vietnamese words run on in lower case ("Ban Thời sự") with no
  person title before them;
- one foreign-looking word (no Vietnamese letters) that is not a common sentence opener
  ("Fukushima", "Kishida");
- any word after a person title or honorific ("ông Tập" with no earlier Tập Cận Bình).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np

from normalizer.extraction.found import Found
from normalizer.extraction.rules import scan_word
from normalizer.extraction.scantext import ScanText
from normalizer.extraction.titles import Title, leading_title, person_title_before, title_before
from normalizer.extraction.vietnamese import SENTENCE_WORDS

_UPPER = "".join(c for c in map(chr, range(0x10000)) if c.isupper() or c.istitle())
_CAP_WORD = rf"[{re.escape(_UPPER)}][^\W_]*(?:[-'][^\W_]+)*"
# Not glued to a neighbour by a dot ("VTV.vn"): a web address is not a name. The look-behinds
# come after the first capital, which they include: a pattern that starts with a look-behind is
# tried at every position of the text (2.5x slower than starting from the capitals).
_RUN = re.compile(
    rf"[{re.escape(_UPPER)}](?<![^\W_].)(?<![^\W_]\..)[^\W_]*(?:[-'][^\W_]+)*"
    rf"(?: {_CAP_WORD})*(?![^\W_])(?!\.[^\W_])"
)
_VIETNAMESE = frozenset("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")
_SENTENCE_WORDS = frozenset(scan_word(w) for w in SENTENCE_WORDS)
MAX_WORDS = 6
MAX_VIETNAMESE_WORDS = 4  # Vietnamese personal and place names have at most four syllables
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"(uyê|uya|ươi|ươu|oai|oay|oeo|uây|uôi|yêu|iêu|[aeiouyăâêôơư]{1,2})(ch|nh|ng|[cmnpt])?$"
)


_WEEKDAYS = frozenset({"thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật"})
_DATE_AFTER = re.compile(r"\s*[,(]?\s*(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}")


# Both are asked of every capitalized word left over, and words recur: memoized per word.
@lru_cache(maxsize=1 << 16)
def vietnamese_looking(text: str) -> bool:
    """True when the text has a letter only Vietnamese uses (ă, ơ, ạ, ế ...)."""
    return not _VIETNAMESE.isdisjoint(text.casefold())


@lru_cache(maxsize=1 << 16)
def vietnamese_syllable(word: str) -> bool:
    """True when the word has the shape of one Vietnamese syllable ("Quan", "Trung", "Nhu")."""
    return bool(_SYLLABLE.match(word.casefold()))


def _uncovered_segments(text: ScanText, covered: bytearray) -> Iterator[list[tuple[int, int]]]:
    """Groups of adjacent capitalized words (cleaned spans) that no mention covers."""
    cleaned = text.cleaned
    for a, b in _runs_not_covered(cleaned, covered):
        words = _word_spans(cleaned, a, b)
        if covered.find(1, a, b) < 0:
            yield words  # nothing of it is a mention: one group
            continue
        group: list[tuple[int, int]] = []
        for start, end in words:
            if covered.find(1, start, end) >= 0:
                if group:
                    yield group
                group = []
            else:
                group.append((start, end))
        if group:
            yield group


def _word_spans(cleaned: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of a capitalized run: a run is words joined by single spaces (see _RUN)."""
    if cleaned.find(" ", start, end) < 0:
        return [(start, end)]  # most runs are one word
    spans = []
    for word in cleaned[start:end].split(" "):
        spans.append((start, start + len(word)))
        start += len(word) + 1
    return spans


def _runs_not_covered(cleaned: str, covered: bytearray) -> list[tuple[int, int]]:
    """Spans of the capitalized runs that are not wholly inside mentions (most are: skipped at once)."""
    found = chain.from_iterable(m.span() for m in _RUN.finditer(cleaned))
    spans = np.fromiter(found, dtype=np.int64).reshape(-1, 2)
    inside = np.concatenate(([0], np.cumsum(np.frombuffer(covered, dtype=np.uint8), dtype=np.int64)))
    whole = inside[spans[:, 1]] - inside[spans[:, 0]] == spans[:, 1] - spans[:, 0]
    return [(a, b) for a, b in spans[~whole].tolist()]


def scan_starts(text: ScanText, clean_starts: list[int]) -> list[int]:
    """The padded scan starts of the words at these cleaned offsets (one vectorised call)."""
    lowered = np.asarray(clean_starts, dtype=np.int64)
    if text.lowered_to_cleaned is not None:
        lowered = np.searchsorted(text.lowered_to_cleaned, lowered)
    return np.searchsorted(text.to_lowered, lowered).tolist()  # type: ignore[no-any-return]


def scan_ends(text: ScanText, clean_ends: list[int]) -> list[int]:
    """The padded scan ends of the words ending at these cleaned offsets."""
    lowered = np.asarray(clean_ends, dtype=np.int64) - 1
    if text.lowered_to_cleaned is not None:
        lowered = np.searchsorted(text.lowered_to_cleaned, lowered, side="right") - 1
    return (np.searchsorted(text.to_lowered, lowered) + 3).tolist()  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class _ScanMap:
    """Cleaned word offsets -> padded scan offsets, for every word of the leftover groups."""

    starts: dict[int, int]
    ends: dict[int, int]

    @classmethod
    def of(cls, text: ScanText, groups: list[list[tuple[int, int]]]) -> _ScanMap:
        firsts = [a for group in groups for a, _ in group]
        lasts = [b for group in groups for _, b in group]
        return cls(dict(zip(firsts, scan_starts(text, firsts), strict=True)),
                   dict(zip(lasts, scan_ends(text, lasts), strict=True)))


def weekday_before_date(cleaned: str, start: int, end: int) -> bool:
    """True for a weekday before a date ("Thứ Ba, 19/8/2025", "Chủ nhật (5/1)"): no name, though
    a town is called Thứ Ba."""
    return cleaned[start:end].casefold() in _WEEKDAYS and bool(_DATE_AFTER.match(cleaned, end))


def name_like_spans(text: ScanText, covered: bytearray, place_ends: dict[int, int]) -> Iterator[Found]:
    """Name-like leftover spans, titles stripped, with the title before them if any."""
    groups = list(_uncovered_segments(text, covered))
    scan = _ScanMap.of(text, groups)
    for group in groups:
        found = _candidate(text, group[:MAX_WORDS], place_ends, scan)
        if found is not None:
            yield found


def _candidate(text: ScanText, group: list[tuple[int, int]], place_ends: dict[int, int],
               scan: _ScanMap) -> Found | None:
    words = [text.cleaned[a:b] for a, b in group]
    title_text = leading_title(tuple(words))
    skip = len(title_text.split()) if title_text else 0
    if skip == 0 and text.starts_sentence(scan.starts[group[0][0]]):
        skip = 1 if scan_word(words[0]) in _SENTENCE_WORDS else 0
    group, words = group[skip:], words[skip:]
    if group:
        skip = _inside_title(text, group, scan.starts[group[0][0]])
        group, words = group[skip:], words[skip:]
    if not group:
        return None
    scan_start, scan_end = scan.starts[group[0][0]], scan.ends[group[-1][1]]
    title = person_title_before(text, scan_start, place_ends)
    if not _name_like(text, words, scan_start, scan_end, title):
        return None
    if weekday_before_date(text.cleaned, group[0][0], group[-1][1]):
        return None
    surface = text.cleaned[group[0][0] : group[-1][1]]
    return Found(scan_start, scan_end, group[0][0], group[-1][1], surface, title=title)


def _inside_title(text: ScanText, group: list[tuple[int, int]], scan_start: int) -> int:
    """How many leading words of the group belong to a title that starts before it.

    "Bộ trưởng Ngoại giao": "Ngoại" is capitalized but part of the title, not a name.
    """
    before = title_before(text, scan_start)
    if before is None:
        return 0
    end = group[-1][1]
    following = text.cleaned[end : end + 40].split()[:2]
    words = [text.cleaned[a:b] for a, b in group]
    title = leading_title((before.text, *words, *following))
    extra = len(title.split()) - len(before.text.split()) if title else 0
    return max(0, min(extra, len(group)))


def _name_like(text: ScanText, words: list[str], scan_start: int, scan_end: int, title: Title | None) -> bool:
    if title is not None and title.person:
        return True
    if any(w.isupper() and vietnamese_looking(w) for w in words):
        return False  # a headline in capitals, not a name
    if len(words) == 1:
        word = words[0]
        return not (vietnamese_looking(word) or vietnamese_syllable(word) or len(word) < 3)
    if len(words) > MAX_VIETNAMESE_WORDS and any(vietnamese_looking(w) for w in words):
        return False  # a headline in title case
    after = text.word_after(scan_end)
    runs_on = after is not None and text.cleaned[text.cleaned_span(*after)[0]].islower()
    return not (runs_on and all(vietnamese_looking(w) or len(w) < 4 for w in words))
