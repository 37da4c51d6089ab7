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
_LATIN_WORD_OR_MARKS = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")
_SCRIPT_LOOKALIKE_CHARS = frozenset(chr(c) for c in SCRIPT_LOOKALIKE_MAP)
_STRAY_MARKS = re.compile(r"(?:^|(?<= ))[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_ANY_LOOKALIKE = re.compile("[" + re.escape("".join(sorted(_SCRIPT_LOOKALIKE_CHARS))) + "]")
_MAPPED_CHARS = frozenset(chr(c) for c in SIMPLE_MAP)


def _is_tidy(text: str) -> bool:
    """True when NFC, the character map and the space and stray-mark rules would change nothing.

    Most names arrive like this (gazetteer entries, pipeline output), and the test is a few
    C-level scans, much cheaper than doing the work.
    """
    return (
        text.isprintable() and "  " not in text and text[0] != " " != text[-1]
        and unicodedata.is_normalized("NFC", text)
        and _MAPPED_CHARS.isdisjoint(text) and not _STRAY_MARKS.search(text)
    )


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
    out = text if _is_tidy(text) else _tidy(text)
    if not out:
        return None
    if _ANY_LOOKALIKE.search(out):
        out = _LATIN_WORD_WITH_LOOKALIKE.sub(lambda m: _fold_lookalikes(m.group()), out)
    return canonical_tones(out)


def _tidy(text: str) -> str:
    """NFC, the character map, one space for any run of space, stray marks dropped; may be ""."""
    out = unicodedata.normalize("NFC", text).translate(SIMPLE_MAP)
    out = unicodedata.normalize("NFC", out)
    out = _SPACES.sub(" ", out)
    if not out.isprintable():
        out = _SPACES.sub(" ", "".join(" " if is_space(c) else c for c in out))
    return _SPACES.sub(" ", _STRAY_MARKS.sub("", out)).strip()  # marks with no letter to sit on


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
    tidy = _clean_tidy_in_place(text)
    if tidy is not None:
        return tidy, list(range(len(text))), list(range(1, len(text) + 1))
    return _clean_with_offsets_by_cluster(text)


def _clean_tidy_in_place(text: str) -> str | None:
    """clean(text) when text is tidy, has no combining mark and keeps its length, else None.

    Then every output character comes from the input character at the same place, and only the
    word-level steps (look-alikes, tone placement: letter for letter here) have work to do.
    """
    if not text or not _is_tidy(text) or any(map(unicodedata.combining, text)):
        return None
    out = clean(text)
    return out if out is not None and len(out) == len(text) else None


def _clean_with_offsets_by_cluster(text: str) -> tuple[str, list[int], list[int]]:
    """clean_with_offsets for any text, one character cluster at a time."""
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
            elif _STRAY_MARKS.match(ch) and (not chars or chars[-1] == " "):
                continue
            elif unicodedata.combining(ch) and chars:
                # A mark cut from its letter by an invisible character: recompose, as NFC would.
                _recompose(chars, starts, ends, ch, end)
                continue
            chars.append(ch)
            starts.append(begin)
            ends.append(end)
    while chars and chars[-1] == " ":
        chars.pop(), starts.pop(), ends.pop()
    return _finish(chars, starts, ends)


def _recompose(chars: list[str], starts: list[int], ends: list[int], mark: str, end: int) -> None:
    base = len(chars) - 1
    while base > 0 and unicodedata.combining(chars[base]):
        base -= 1
    cluster = unicodedata.normalize("NFC", "".join(chars[base:]) + mark)
    start = starts[base]
    del chars[base:], starts[base:], ends[base:]
    chars.extend(cluster)
    starts.extend([start] * len(cluster))
    ends.extend([end] * len(cluster))


def _finish(chars: list[str], starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """Word-level steps (look-alikes, tone placement), keeping the offsets of every word."""
    joined = "".join(chars)
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    last = 0
    for match in _LATIN_WORD_OR_MARKS.finditer(joined):
        a, b = match.span()
        out.append(joined[last:a])
        new_starts += starts[last:a]
        new_ends += ends[last:a]
        word = canonical_tones(_fold_lookalikes(match.group()))
        out.append(word)
        if len(word) == b - a:
            new_starts += starts[a:b]
            new_ends += ends[a:b]
        else:  # composing a stray mark shortened the word: its letters share the word's span
            new_starts += [starts[a]] * len(word)
            new_ends += [ends[b - 1]] * len(word)
        last = b
    out.append(joined[last:])
    new_starts += starts[last:]
    new_ends += ends[last:]
    return "".join(out), new_starts, new_ends
