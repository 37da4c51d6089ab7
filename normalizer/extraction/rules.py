"""Case and context rules: is a key found in running text really a mention of a name?

- Case: a token that the gazetteer capitalizes must be capitalized in the text (all of them for
  people, the first one otherwise: the press writes "Liên hợp quốc" and "Liên Hợp Quốc"); an
  acronym must be written in capitals. "mỹ phẩm" and "lao động" never match "Mỹ" and "Lào".
  A place whose name starts with a generic head ("Bán đảo Triều Tiên", "Biển Nhật Bản") may
  have the head in lower case, when two words or more follow it.
- One-syllable names ("Anh", "Đức", "Nga") are rejected inside compounds ("Anh ấy", "Pháp
  luật"), after words that make them given names or languages ("anh Đức", "tiếng Nhật", "châu
  Mỹ"), and when a capitalized neighbour makes them part of a longer unknown name ("Nguyễn
  Đức", "Lào Cai", "Mỹ Tho"), unless a title puts them in a country slot ("Thủ tướng Anh").
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

from normalizer.extraction.scantext import ScanText
from normalizer.extraction.vietnamese import (
    BLOCKING_BEFORE,
    COMPOUND_AFTER,
    GEOGRAPHIC_HEAD_PAIRS,
    GEOGRAPHIC_HEADS,
    PERSON_BEFORE,
    SENTENCE_WORDS,
    VIETNAMESE_NAME_PARTS,
)
from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.layers import class_word_of, in_running_text
from normalizer.text import clean, iy_variant

_TOKEN = re.compile(r"[^\W_]+")
_NAME_PUNCTUATION = re.compile(r"[(),/&\[\]]")


@lru_cache(maxsize=1 << 16)
def scan_word(word: str) -> str:
    """A word in scan form (casefolded, i/y unified), to compare with scan text (memoized: the
    words of a language recur, and the leftovers ask it of every sentence's first word)."""
    return iy_variant(word.casefold())


_COMPOUND_AFTER = {scan_word(k): frozenset(scan_word(w) for w in v) for k, v in COMPOUND_AFTER.items()}
_BLOCKING_BEFORE = frozenset(scan_word(w) for w in BLOCKING_BEFORE)
_NAME_PARTS = frozenset(scan_word(w) for w in VIETNAMESE_NAME_PARTS)
_SENTENCE_WORDS = frozenset(scan_word(w) for w in SENTENCE_WORDS)
_PERSON_BEFORE = frozenset(scan_word(w) for w in PERSON_BEFORE)
_GEOGRAPHIC_HEADS = frozenset(scan_word(w) for w in (*GEOGRAPHIC_HEADS, *GEOGRAPHIC_HEAD_PAIRS))


def _pattern(token: str) -> str:
    """'A' an acronym, 'C' capitalized, 'l' anything else (lower case, digits)."""
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and token[0].isalpha():
        return "A"
    return "C" if token[0].isupper() else "l"


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What the gazetteer says about one exact key: the case patterns of its names."""

    patterns: tuple[tuple[tuple[str, ...], bool], ...]  # (per-token pattern, strict) per name
    # The brackets, commas and slashes of each name that has some, in order ("/" of "V-League
    # 2024/2025"): a span crosses such marks only where a name has the same ones.
    punctuation: frozenset[str]
    one_token: bool
    quotable: bool = False  # an organization's name of two words or more: see quoted_fits

    @classmethod
    def of(cls, index: GazetteerIndex, key: str) -> KeyInfo:
        patterns = set()
        punctuation = set()
        quotable = False
        for hit in index.lookup("exact", key):
            if not in_running_text(hit.entity, hit.name):
                continue  # its case pattern must not let a span through ("Nam" is not "NAM")
            text = clean(hit.name.text) or ""
            if marks := _punctuation_of(text):
                punctuation.add(marks)
            words = _TOKEN.findall(text)
            quotable = quotable or (hit.entity.type == "organization" and len(words) >= 2)
            tokens = tuple(_pattern(t) for t in words)
            head = _geographic_head(words) if hit.entity.type == "place" else 0
            if head and len(words) - head >= 2:
                tokens = ("l", *tokens[1:])  # "bán đảo Triều Tiên" as well as "Bán đảo ..."
            class_word = class_word_of(text) if hit.entity.type == "place" else None
            if class_word:
                # "xã Tân Phú" as well as "Xã Tân Phú", but every word of the name after its class
                # word capitalized (strict): "xã hòa bình" is no commune
                head = len(class_word.split())
                patterns.add((("l",) * head + tokens[head:], True))
                continue
            patterns.add((tokens, hit.entity.type == "person"))
        return cls(tuple(sorted(patterns)), frozenset(punctuation), " " not in key, quotable)

    @property
    def has_punctuation(self) -> bool:
        return bool(self.punctuation)

    def punctuation_fits(self, surface: str) -> bool:
        """True when a surface that crosses brackets, commas or slashes has the marks of one of
        the names: "V-League 2024/2025" fits, "V-League) 2024/2025" does not."""
        return _punctuation_of(surface) in self.punctuation

    def case_fits(self, surface: str) -> bool:
        """True when the surface's capitalization fits one of the names' patterns."""
        tokens = _TOKEN.findall(surface)
        return any(_fits(tokens, pattern, strict) for pattern, strict in self.patterns)

    def quoted_fits(self, surface: str) -> bool:
        """True for a nickname the press writes in lower case between quotes ('"quỷ đỏ"', '"bầy
        ong"'): an organization's name of two words or more, all in lower case. Places are not:
        '"hòa bình"' is peace, not the province. The caller checks the quotes."""
        tokens = _TOKEN.findall(surface)
        return self.quotable and len(tokens) >= 2 and all(t.islower() for t in tokens)


def _punctuation_of(text: str) -> str:
    return "".join(_NAME_PUNCTUATION.findall(text))


def _geographic_head(words: list[str]) -> int:
    """How many leading words are a generic geographic head ("biển", "bán đảo"), 0 if none.

    Only a name with two words or more after its head may be written with the head in lower
    case: after "biển Đông" a capitalized word often follows ("bờ biển Đông Nam Bộ", "vùng
    biển Đông Bắc"), and the lower-case head would make it a South China Sea."""
    if len(words) > 1 and scan_word(" ".join(words[:2])) in _GEOGRAPHIC_HEADS:
        return 2
    return 1 if words and scan_word(words[0]) in _GEOGRAPHIC_HEADS else 0


# Heads the press writes in lower case before a name that capitalizes them ("đảng Dân chủ Tự
# do"), when this many of the name's other capitalized words are capitalized in the text. Other
# heads in lower case say the text is a description: "văn phòng Nội các Nhật Bản" is an office
# of the Cabinet, "người Việt" no newspaper.
LOWER_CASE_HEADS = frozenset({"đảng"})
CAPITALS_AFTER_LOWER_HEAD = 2


# A one-word name in capitals this long may be written capitalized: the press writes "Blackpink",
# "BlackPink" and "Asean" for BLACKPINK and ASEAN; shorter ones ("NAM", "TIME") must stay capitals.
CAPITALIZED_ACRONYM_MIN = 5


def _fits(tokens: list[str], pattern: tuple[str, ...], strict: bool) -> bool:
    if len(tokens) != len(pattern):
        return True  # no token-by-token comparison possible (scripts without spaces)
    for i, (token, kind) in enumerate(zip(tokens, pattern, strict=True)):
        if kind == "A" and not token.isupper():
            if len(pattern) == 1 and len(token) >= CAPITALIZED_ACRONYM_MIN and token[0].isupper():
                continue
            return False
        if kind == "C" and (i == 0 or strict) and not token[0].isupper():
            if i == 0 and not strict and token in LOWER_CASE_HEADS and _rest_capitalized(tokens, pattern):
                continue
            return False
    return True


def _rest_capitalized(tokens: list[str], pattern: tuple[str, ...]) -> bool:
    """Every capitalized word after the first is capitalized in the text, and there are enough."""
    after = [token for token, kind in zip(tokens[1:], pattern[1:], strict=True) if kind == "C"]
    return len(after) >= CAPITALS_AFTER_LOWER_HEAD and all(t[0].isupper() for t in after)


def _scan_words(text: ScanText, span: tuple[int, int] | None) -> str | None:
    return text.scan[span[0] + 1 : span[1] - 1] if span else None


def _capitalized(text: ScanText, span: tuple[int, int]) -> bool:
    start, _ = text.cleaned_span(*span)
    return text.cleaned[start].isupper()


def one_token_fits(text: ScanText, start: int, end: int, covered: Container[int], titled: bool) -> bool:
    """Context rules for a one-syllable name at padded scan span [start, end).

    `covered` holds the scan positions of the first letters of words inside other mentions;
    `titled` says a title precedes the name ("Thủ tướng Anh"), which puts it in a country slot.
    """
    word = text.scan[start + 1 : end - 1]
    before_span, after_span = text.word_before(start), text.word_after(end)
    before, after = _scan_words(text, before_span), _scan_words(text, after_span)
    if after in _COMPOUND_AFTER.get(word, ()):
        return False
    if before in _BLOCKING_BEFORE:
        return False
    if titled:
        return True
    if before_span and before_span[0] + 1 not in covered and _capitalized(text, before_span):
        if before in _NAME_PARTS or not text.starts_sentence(before_span[0]):
            return False
        if before not in _SENTENCE_WORDS:
            return False
    # a capitalized word after it makes it part of a longer unknown name ("Lào Cai", "Mỹ Tho")
    return not (after_span and after_span[0] + 1 not in covered and _capitalized(text, after_span))


def inside_person_name(text: ScanText, start: int, covered: Container[int]) -> bool:
    """True when the words at padded scan position `start` continue a Vietnamese person's name:
    after "ông", "bà" ... ("bà Nam Tư") or after a capitalized family or middle name that no
    other mention covers ("Lê Đông Đức"). For names of several words, which the one-syllable
    rules do not see."""
    if _scan_words(text, text.word_before(start)) in _PERSON_BEFORE:
        return True
    return continues_name(text, start, covered)


def continues_name(text: ScanText, start: int, covered: Container[int]) -> bool:
    """True when a capitalized Vietnamese family or middle name that no other mention covers
    comes right before padded scan position `start`: "Nguyễn Thị Thu Trang" is not the actress
    Thu Trang, nor "Lê Đông Đức" Germany."""
    before_span = text.word_before(start)
    return bool(before_span and _scan_words(text, before_span) in _NAME_PARTS
                and before_span[0] + 1 not in covered and _capitalized(text, before_span))
