"""Unicode cleanup: one canonical spelling of whatever a user or a scraper sends.

`clean` is the fast path for names; `clean_with_offsets` does the same work one character
cluster at a time and remembers where each output character came from, which extraction needs.
A property test keeps the two equal.
"""

from __future__ import annotations

import re
import unicodedata

from normalizer.text.chars import SCRIPT_LOOKALIKE_MAP, SIMPLE_MAP, is_space
from normalizer.text.vietnamese import canonical_tones

_SPACES = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_LATIN_WORD_WITH_LOOKALIKE = re.compile(r"[^\W\d_]+")
_SCRIPT_LOOKALIKE_CHARS = frozenset(chr(c) for c in SCRIPT_LOOKALIKE_MAP)
_ANY_LOOKALIKE = re.compile("[" + re.escape("".join(sorted(_SCRIPT_LOOKALIKE_CHARS))) + "]")


def _has_latin(word: str) -> bool:
    return any("LATIN" in unicodedata.name(c, "") for c in word if c not in _SCRIPT_LOOKALIKE_CHARS)


def _fold_lookalikes(word: str) -> str:
    if any(c in _SCRIPT_LOOKALIKE_CHARS for c in word) and _has_latin(word):
        return word.translate(SCRIPT_LOOKALIKE_MAP)
    return word


def clean(text: str | None) -> str | None:
    """Return text in canonical form, or None when nothing visible is left.

    NFC; invisible characters removed; look-alike letters of other scripts folded to Latin inside
    otherwise Latin words; full-width forms, dashes, apostrophes and quotes unified; any run of
    whitespace or control characters becomes one space; leading and trailing space stripped;
    Vietnamese tone marks on their canonical vowel. Case is kept. Idempotent.
    """
    if not text:
        return None
    if text.isascii() and text.isprintable() and "  " not in text and text[0] != " " != text[-1]:
        return text.replace("`", "'")
    out = unicodedata.normalize("NFC", text).translate(SIMPLE_MAP)
    out = unicodedata.normalize("NFC", out)
    out = _SPACES.sub(" ", out)
    if not out.isprintable():
        out = _SPACES.sub(" ", "".join(" " if is_space(c) else c for c in out))
    out = out.strip()
    if not out:
        return None
    if _ANY_LOOKALIKE.search(out):
        out = _LATIN_WORD_WITH_LOOKALIKE.sub(lambda m: _fold_lookalikes(m.group()), out)
    return canonical_tones(out)


def _clusters(text: str) -> list[tuple[int, int]]:
    """Spans of a base character with the combining marks that follow it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            spans.append((start, i))
            start = i
    return spans


def clean_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """Clean text like `clean` and map every output character back to the original.

    Returns (cleaned, starts, ends): output character i came from text[starts[i]:ends[i]].
    Empty input gives ("", [], []).
    """
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for begin, end in _clusters(text):
        piece = text[begin:end].translate(SIMPLE_MAP)
        piece = unicodedata.normalize("NFC", piece)
        for ch in piece:
            if is_space(ch):
                ch = " "
                if not chars or chars[-1] == " ":
                    continue
            elif unicodedata.combining(ch) and chars and chars[-1] != " ":
                # A mark whose base was invisible: attach it to the previous letter, as NFC would.
                merged = unicodedata.normalize("NFC", chars[-1] + ch)
                if len(merged) == 1:
                    chars[-1] = merged
                    ends[-1] = end
                    continue
            chars.append(ch)
            starts.append(begin)
            ends.append(end)
    while chars and chars[-1] == " ":
        chars.pop(), starts.pop(), ends.pop()
    joined = "".join(chars)
    cleaned = _LATIN_WORD_WITH_LOOKALIKE.sub(lambda m: _fold_lookalikes(m.group()), joined)
    cleaned = canonical_tones(cleaned)
    if len(cleaned) != len(joined):  # tone placement and look-alikes keep length; be safe anyway
        return joined, starts, ends
    return cleaned, starts, ends
