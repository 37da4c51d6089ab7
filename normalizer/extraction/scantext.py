"""The scan form of a document and the offset maps from it back to the original text.

The scan form is what gazetteer exact keys look like: cleaned (as `text.clean`), casefolded,
i/y unified, every run of separators one space, padded with a space at each end. A key padded
the same way (" vương nghị ") can then only match on word boundaries.

Most news text is already NFC with no invisible characters: for it a vectorised fast path keeps
offsets with numpy instead of the per-character `clean_with_offsets`, which still handles
everything else (decomposed diacritics, invisible characters, look-alike letters).

Separators are classed so that a match never crosses a sentence: spaces, hyphens ("Jae-in",
"châu Á - Thái Bình Dương") and an apostrophe between two letters ("d'Ivoire") may sit inside a
match; brackets, commas and slashes only when the matched name has punctuation too; a dot
between letters ("VTV.vn", "U.S.") glues them, so no match starts or ends there.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

import numpy as np

from normalizer.text import clean_with_offsets, iy_variant, place_tone
from normalizer.text.chars import INVISIBLE, SCRIPT_LOOKALIKES, SIMPLE_MAP
from normalizer.text.vietnamese import is_syllable

_SURROGATE = re.compile("[\ud800-\udfff]")
# The one-to-one part of the cleanup table: dashes, apostrophes, quotes, Latin look-alikes,
# full-width forms. Deletions (invisible characters) need the slow path.
_ONE_TO_ONE = {k: v for k, v in SIMPLE_MAP.items() if v is not None and len(v) == 1}
_SOFT_SPACES = [0x20, 0x09, 0xA0, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)]
_GLUE = [ord("."), ord("_"), ord("@")]
# Punctuation that a gazetteer name may itself contain ("APEC (2023)", "Hong Kong, China"):
# a match crosses it only when the matched name has punctuation too.
_NAME_PUNCTUATION = [ord(c) for c in "(),/&[]"]


# Words run together where a space was lost: a sentence glued to the next ("nhậm chức.Hoa Kỳ":
# a lower-case letter, a dot, a capitalized word) and two Vietnamese syllables glued ("Thái
# LanNhà"). A space goes in; "VTV.vn", "U.S." and brands ("VinFast", "TikTok") stay as written.
_GLUED_SENTENCE = re.compile(r"\.(?=[^\W\d_]{2})")  # a literal first: a fast scan
_LOWER = "".join(c for c in map(chr, range(0x2000)) if c.islower())
_UPPER = "".join(c for c in map(chr, range(0x2000)) if c.isupper())
# A lower-case letter then a capitalized word inside one word: one C-level scan finds the few.
_CAMEL = re.compile(rf"[{re.escape(_LOWER)}](?=[{re.escape(_UPPER)}][{re.escape(_LOWER)}])")
_WORD_LETTERS = re.compile(r"[^\W\d_]+")


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


_SLOW_CHARS = frozenset(INVISIBLE | set(SCRIPT_LOOKALIKES)) | frozenset(map(chr, range(0x300, 0x370)))
_MAPPED_CHARS = frozenset(map(chr, _ONE_TO_ONE))
# Characters whose target is itself mapped ("｀" -> "`" -> "'"): replacing one after the other
# would map them twice.
_CHAINED = frozenset(chr(k) for k, v in _ONE_TO_ONE.items() if v in _MAPPED_CHARS)
_LETTERS = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_SPACE = re.compile(r"\S")  # what str.split() does not split on


def _code_table(chars: Iterable[str]) -> np.ndarray:
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


_WORD_TABLE = _code_table(c for c in map(chr, range(0x110000)) if c.isalnum())
_SOFT_TABLE = _code_table(map(chr, _SOFT_SPACES))
_PUNCT_TABLE = _code_table(map(chr, _NAME_PUNCTUATION))
_GLUE_TABLE = _code_table(map(chr, _GLUE))
_SLOW_TABLE = _code_table(_SLOW_CHARS)


def without_surrogates(text: str, distinct: set[str] | None = None) -> str:
    """Lone surrogates (broken input) become spaces: the length, hence every offset, is kept."""
    distinct = set(text) if distinct is None else distinct
    return _SURROGATE.sub(" ", text) if any("\ud800" <= c <= "\udfff" for c in distinct) else text


def _fast_clean(text: str, distinct: set[str] | None = None) -> str | None:
    """The cleaned text when cleaning keeps every character in place, else None."""
    distinct = set(text) if distinct is None else distinct
    if not _SLOW_CHARS.isdisjoint(distinct):
        return None
    mapped = _mapped(text, _MAPPED_CHARS.intersection(distinct))
    if not unicodedata.is_normalized("NFC", mapped):
        return None
    return _tones_in_place(mapped)


def _mapped(text: str, present: frozenset[str]) -> str:
    """text.translate(_ONE_TO_ONE) for the mapped characters present in it."""
    if not present.isdisjoint(_CHAINED):  # a target is mapped too: one pass, as translate does
        return text.translate(_ONE_TO_ONE)
    for char in present:  # a few: str.replace is several times faster than str.translate
        text = text.replace(char, _ONE_TO_ONE[ord(char)])
    return text


def _tones_in_place(text: str) -> str | None:
    """`canonical_tones(text)` when it keeps every character in place, else None.

    Each distinct word is placed once: in well-formed text no tone moves and the text comes
    back as it is, without a call per word (text without combining marks: words are letter runs).
    """
    if text.isascii():
        return text
    moved = {}
    # Splitting on white space and reading letter runs in the distinct non-ASCII tokens only is
    # several times cheaper than a regex over the whole text.
    tokens = " ".join(t for t in set(text.split()) if not t.isascii())
    for word in set(_LETTERS.findall(tokens)):
        if not word.isascii() and (placed := place_tone(word)) != word:
            if len(placed) != len(word):
                return None
            moved[word] = placed
    if not moved:
        return text
    return _replace_words(text, moved)


def _iy_unified(lowered: str) -> str:
    """`iy_variant(lowered)`, worked out once per distinct white-space-separated token.

    A syllable the variant rewrites never spans white space, and white space is no word character
    for its word boundaries: each token rewrites as it would in place. The regex over the whole
    text cost 0.06 s/MB; the few tokens that change ("mỹ", "lý", "quy,") are patched in.
    """
    changed = {}
    for token in set(lowered.split()):
        if (unified := iy_variant(token)) != token:
            changed[token] = unified
    return _replace_words(lowered, changed, _NOT_SPACE) if changed else lowered


def _replace_words(text: str, words: dict[str, str], joined: re.Pattern[str] = _LETTER) -> str:
    """Each whole occurrence of a key replaced by its value: whole when no character matching
    `joined` touches it (letters by default: a whole word).

    The few words are found with `str.find`: a regex starting with a look-behind is tried at every
    position of the text and cost 0.08 s/MB. Occurrences cannot overlap: each is a whole run.
    """
    pieces: list[str] = []
    done = 0
    for start, word in sorted(_occurrences(text, words, joined)):
        pieces += (text[done:start], words[word])
        done = start + len(word)
    return "".join(pieces) + text[done:] if pieces else text


def _occurrences(text: str, words: Iterable[str], joined: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    for word in words:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not (start and joined.match(text, start - 1)) and not joined.match(text, end):
                yield start, word
            start = text.find(word, start + 1)


def _clean_by_line(text: str) -> tuple[str, np.ndarray, np.ndarray]:
    """Cleaned text with offset arrays: only the lines that need it take the slow
    per-character path (one decomposed or invisible character must not slow a whole article
    down); runs of tidy lines between them are cleaned as one piece."""
    pieces: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    offset = 0
    for chunk, tidy in _chunks(text):
        fast = _fast_clean(chunk) if tidy else None
        if fast is not None:
            positions = np.arange(offset, offset + len(chunk), dtype=np.int64)
            pieces.append(fast)
            starts.append(positions)
            ends.append(positions + 1)
        elif tidy:  # not NFC, or a tone that moves and changes the length: line by line
            for line in chunk.splitlines(keepends=True):
                _add_slow_or_fast(line, offset, pieces, starts, ends)
                offset += len(line)
            continue
        else:
            _add_slow(chunk, offset, pieces, starts, ends)
        offset += len(chunk)
    if not pieces:
        return "", np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return "".join(pieces), np.concatenate(starts), np.concatenate(ends)


def _chunks(text: str) -> Iterable[tuple[str, bool]]:
    """(piece, tidy): runs of lines with no slow character, and each line with one."""
    lines = text.splitlines(keepends=True)
    ends = list(accumulate(map(len, lines)))
    positions = np.flatnonzero(_SLOW_TABLE[_codepoints(text)])
    slow = sorted({bisect_right(ends, p) for p in positions.tolist()})
    done = 0
    for number in slow:
        if number > done:
            yield "".join(lines[done:number]), True
        yield lines[number], False
        done = number + 1
    if done < len(lines):
        yield "".join(lines[done:]), True


def _add_slow_or_fast(line: str, offset: int, pieces: list[str], starts: list[np.ndarray],
                      ends: list[np.ndarray]) -> None:
    fast = _fast_clean(line)
    if fast is None:
        _add_slow(line, offset, pieces, starts, ends)
        return
    positions = np.arange(offset, offset + len(line), dtype=np.int64)
    pieces.append(fast)
    starts.append(positions)
    ends.append(positions + 1)


def _add_slow(line: str, offset: int, pieces: list[str], starts: list[np.ndarray],
              ends: list[np.ndarray]) -> None:
    cleaned, begin, end = clean_with_offsets(line)
    pieces.append(cleaned + "\n")  # the line break the slow path stripped
    starts.append(np.asarray([*begin, len(line) - 1], dtype=np.int64) + offset)
    ends.append(np.asarray([*end, len(line)], dtype=np.int64) + offset)


def missing_spaces(cleaned: str) -> list[int]:
    """Positions in a cleaned text where a space was lost (see _GLUED_SENTENCE): after a dot that
    ends a lower-case word and comes before a capitalized one, and between two Vietnamese
    syllables glued with a capital ("LanNhà"), one of them with diacritics."""
    out = []
    if "." in cleaned:
        for dot in _GLUED_SENTENCE.finditer(cleaned):
            at = dot.start()
            if (at > 1 and cleaned[at - 2].isalpha() and cleaned[at - 1].islower()
                    and cleaned[at + 1].isupper() and cleaned[at + 2].islower()):
                out.append(at + 1)
    if not cleaned.isascii():
        out += _camel_joints(cleaned)
    return sorted(out)


def _camel_joints(cleaned: str) -> Iterator[int]:
    """Where a word is two syllables glued, the second capitalized, one with diacritics:
    "LanNhà" -> 3 (brands in ASCII letters, "VinFast", stay)."""
    for joint in _CAMEL.finditer(cleaned):
        at = joint.end()
        start = at - 1
        while start > 0 and cleaned[start - 1].isalpha():
            start -= 1
        end = _WORD_LETTERS.match(cleaned, at)
        left, right = cleaned[start:at], cleaned[at:end.end()] if end else ""
        if (left[1:].islower() and right[1:].islower() and not (left + right).isascii()
                and is_syllable(left) and is_syllable(right)):
            yield at


def _spaces_put_back(cleaned: str, starts: np.ndarray | None,
                     ends: np.ndarray | None) -> tuple[str, np.ndarray | None, np.ndarray | None]:
    """The cleaned text with a space at each of `missing_spaces`, and its offset maps; the space
    maps to an empty span of the original before the character it precedes."""
    positions = missing_spaces(cleaned)
    if not positions:
        return cleaned, starts, ends
    if starts is None or ends is None:
        starts = np.arange(len(cleaned), dtype=np.int64)
        ends = starts + 1
    pieces = [cleaned[a:b] for a, b in zip([0, *positions], [*positions, len(cleaned)], strict=True)]
    at = np.asarray(positions, dtype=np.int64)
    return (" ".join(pieces), np.insert(starts, at, starts[at]), np.insert(ends, at, starts[at]))


def _casefold_map(cleaned: str) -> tuple[str, np.ndarray | None]:
    """Casefolded text and, when casefolding changed the length, its map to cleaned indices."""
    lowered = cleaned.casefold()
    if len(lowered) == len(cleaned):
        return lowered, None
    pieces = [c.casefold() for c in cleaned]
    back = np.repeat(np.arange(len(cleaned), dtype=np.int64), [len(p) for p in pieces])
    return "".join(pieces), back


@dataclass(frozen=True, slots=True)
class ScanText:
    """A document in scan form with maps back to the original (see the module docstring)."""

    original: str  # the input, lone surrogates replaced by spaces (same length)
    cleaned: str  # cleaned text, case kept
    scan: str  # " " + scan form + " "
    to_lowered: np.ndarray  # scan index - 1 -> lowered index
    lowered_to_cleaned: np.ndarray | None  # None: identity
    cleaned_starts: np.ndarray | None  # None: identity (the fast path)
    cleaned_ends: np.ndarray | None
    breaks: list[int]  # scan positions of separators no match may cross
    punctuation: list[int]  # scan positions of separators only a name with punctuation crosses
    glued: frozenset[int]  # scan positions where no match may start or end
    stops: frozenset[int]  # breaks, punctuation, glue and spaced dashes: where a phrase ends
    breaks_set: frozenset[int]
    # Per-document memo of extraction.titles.title_before (scan position -> title or None): the
    # same positions are asked by the context rules, coreference and the name-like leftovers.
    titles: dict[int, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, text: str) -> ScanText:
        distinct = set(text)
        original = without_surrogates(text, distinct)
        fast = _fast_clean(original, distinct if original is text else None)
        if fast is not None:
            cleaned, starts, ends = fast, None, None
        else:
            cleaned, starts, ends = _clean_by_line(original)
        cleaned, starts, ends = _spaces_put_back(cleaned, starts, ends)
        lowered, lowered_to_cleaned = _casefold_map(cleaned)
        lowered = _iy_unified(lowered)
        scan, to_lowered, breaks, punctuation, glued, dashes = _collapse(lowered)
        stops = frozenset(breaks) | frozenset(punctuation) | glued | frozenset(dashes)
        return cls(
            original, cleaned, scan, to_lowered, lowered_to_cleaned, starts, ends, breaks,
            punctuation, glued, stops, frozenset(breaks),
        )

    def cleaned_span(self, scan_start: int, scan_end: int) -> tuple[int, int]:
        """Cleaned-text span of the scan span [scan_start, scan_end) (no padding spaces)."""
        first = int(self.to_lowered[scan_start])  # the key's first letter is scan_start + 1
        last = int(self.to_lowered[scan_end - 3])
        if self.lowered_to_cleaned is not None:
            first, last = int(self.lowered_to_cleaned[first]), int(self.lowered_to_cleaned[last])
        return first, last + 1

    def original_span(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Original-text span of the cleaned span [clean_start, clean_end)."""
        if self.cleaned_starts is None or self.cleaned_ends is None:
            return clean_start, clean_end
        return int(self.cleaned_starts[clean_start]), int(self.cleaned_ends[clean_end - 1])

    def original_spans(self, clean_starts: list[int], clean_ends: list[int]) -> tuple[list[int], list[int]]:
        """original_span of many cleaned spans at once: (original starts, original ends)."""
        if self.cleaned_starts is None or self.cleaned_ends is None or not clean_starts:
            return clean_starts, clean_ends
        starts = self.cleaned_starts[np.asarray(clean_starts, dtype=np.int64)]
        ends = self.cleaned_ends[np.asarray(clean_ends, dtype=np.int64) - 1]
        return starts.tolist(), ends.tolist()

    def crosses_break(self, scan_start: int, scan_end: int) -> bool:
        """True when the padded match [scan_start, scan_end) spans a hard separator or glue."""
        if scan_start in self.glued or scan_end - 1 in self.glued:
            return True
        return _inside(self.breaks, scan_start, scan_end)

    def crosses_break_at(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """crosses_break of many padded spans at once (a boolean array)."""
        glued = np.fromiter(self.glued, dtype=np.int64, count=len(self.glued))
        out = np.isin(starts, glued) | np.isin(ends - 1, glued)
        return out | _inside_at(self.breaks, starts, ends)

    def crosses_punctuation_at(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """crosses_punctuation of many padded spans at once (a boolean array)."""
        return _inside_at(self.punctuation, starts, ends)

    def cleaned_spans(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """cleaned_span of many padded spans at once: (cleaned starts, cleaned ends)."""
        first, last = self.to_lowered[starts], self.to_lowered[ends - 3]
        if self.lowered_to_cleaned is not None:
            first, last = self.lowered_to_cleaned[first], self.lowered_to_cleaned[last]
        return first, last + 1

    def word_before(self, scan_start: int) -> tuple[int, int] | None:
        """The padded scan span of the word before a padded span, when in the same phrase."""
        if scan_start in self.stops or scan_start == 0:
            return None
        begin = self.scan.rfind(" ", 0, scan_start)
        return (begin, scan_start + 1) if begin >= 0 else None

    def word_after(self, scan_end: int) -> tuple[int, int] | None:
        """The padded scan span of the word after a padded span, when in the same phrase."""
        space = scan_end - 1
        if space in self.stops or scan_end >= len(self.scan):
            return None
        end = self.scan.find(" ", scan_end)
        return (space, end + 1) if end > scan_end else None

    def starts_sentence(self, scan_start: int) -> bool:
        """True when a padded span begins the text or follows a hard break."""
        return scan_start <= 1 or scan_start in self.breaks_set

    def crosses_punctuation(self, scan_start: int, scan_end: int) -> bool:
        """True when the padded match spans brackets, a comma or a slash."""
        return _inside(self.punctuation, scan_start, scan_end)


def _inside(positions: list[int], scan_start: int, scan_end: int) -> bool:
    i = bisect_right(positions, scan_start)
    return i < len(positions) and positions[i] < scan_end - 1


def _inside_at(positions: list[int], starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """_inside for many spans: some position p with start < p < end - 1."""
    if not positions:
        return np.zeros(len(starts), dtype=bool)
    sorted_positions = np.asarray(positions, dtype=np.int64)
    i = np.searchsorted(sorted_positions, starts, side="right")
    found = i < len(sorted_positions)
    nearest = sorted_positions[np.minimum(i, len(sorted_positions) - 1)]
    return found & (nearest < ends - 1)


def _collapse(lowered: str) -> tuple[str, np.ndarray, list[int], list[int], frozenset[int], list[int]]:
    """Scan form of lowered text: separator runs to one space; hard, glued and dash runs located."""
    if not lowered:
        return "  ", np.zeros(0, dtype=np.int64), [], [], frozenset(), []
    chars = _codepoints(lowered)
    sep = ~_WORD_TABLE[chars]
    marked = np.where(sep, np.uint32(0x20), chars)
    word = ~sep
    word_before = np.concatenate(([False], word[:-1]))
    word_after = np.concatenate((word[1:], [False]))
    between = word_before & word_after
    soft = _SOFT_TABLE[chars] | (chars == ord("-")) | ((chars == ord("'")) & between)
    punct = _PUNCT_TABLE[chars]
    hard = sep & ~soft & ~punct
    glue = sep & between & _GLUE_TABLE[chars]
    dash = (chars == ord("-")) & ~between  # "Hàn - Nhật": a list, not one name
    run_start = sep & word_before
    run_start[0] = sep[0]
    keep = word | run_start
    kept = np.flatnonzero(keep)
    scan = " " + marked[kept].tobytes().decode("utf-32-le") + " "
    starts = np.flatnonzero(run_start)
    if len(starts) == 0:
        return scan, kept, [], [], frozenset(), []
    positions = np.searchsorted(kept, starts) + 1  # +1: the leading pad
    breaks = positions[np.logical_or.reduceat(hard, starts)].tolist()
    punctuation = positions[np.logical_or.reduceat(punct, starts)].tolist()
    glued = frozenset(positions[glue[starts]].tolist())
    dashes = positions[np.logical_or.reduceat(dash, starts)].tolist()
    return scan, kept, breaks, punctuation, glued, dashes
