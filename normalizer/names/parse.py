"""Name parsing: separate titles and honorifics from the name, and split alternatives.

`parse("Ngoại trưởng Vương Nghị")` gives name "Vương Nghị" and title "Ngoại trưởng";
`parse("Takeshima/Dokdo")` gives the alternatives "Takeshima" and "Dokdo". Country context
("Ngoại trưởng Nhật Bản Yoko Kamikawa") needs the gazetteer, so the matcher splits it off.
"""

from __future__ import annotations

import re
from functools import lru_cache

from normalizer.model import Parsed
from normalizer.names.titles import (
    DEMONYMS,
    ENGLISH_TITLES,
    HONORIFICS,
    PERSON_TITLES,
    SURNAME_TITLES,
    VIETNAMESE_TITLES,
)
from normalizer.text import clean, fold, marks_lost_only

_TOKEN = re.compile(r"\S+")
_WORD_BREAK = re.compile(r"[\s\-]+")

# Each title by the folded forms of its tokens, as a query may write it: "Secretary General",
# "Secretary-General" (one token) and "secretary general" -> (the title, the words of its tokens).
_TITLES: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}


def _register(title: str, tokens: list[str]) -> None:
    _TITLES.setdefault(tuple(fold(t) or "" for t in tokens), (title, tuple(tokens)))


for _title in VIETNAMESE_TITLES + ENGLISH_TITLES:
    _words = _WORD_BREAK.split(_title)
    _register(_title, _words)
    if len(_words) > 1:
        _register(_title, ["-".join(_words)])
for _title in ENGLISH_TITLES:  # "Chinese Foreign Minister": the title is "Foreign Minister"
    for _demonym in DEMONYMS:
        _register(_title, _demonym.split() + _WORD_BREAK.split(_title))
_LONGEST_TITLE = max(len(k) for k in _TITLES)
_FIRST_WORDS = frozenset(k[0] for k in _TITLES)
_HONORIFICS = frozenset(h.casefold() for h in HONORIFICS)
_PARENS = re.compile(r"^(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)\s*(?P<rest>.*)$")
_SLASH = re.compile(r"\s*/\s*")
_APPOSITION = re.compile(r",|\s-\s")  # "Kishida Fumio, Thủ tướng", "Kishida Fumio - Thủ tướng"
_MAX_POSSESSOR_WORDS = 4  # words before a title's possessive: "South Korea's President ..."
_OR = r"hay|hoặc|hay là|or|aka|a\.k\.a\."  # between two words: "A hay B", "A aka B"
_OR_WORDS = re.compile(rf"\s+(?:{_OR})\s+", re.IGNORECASE)
_OR_WORD = re.compile(_OR, re.IGNORECASE)


@lru_cache(maxsize=65536)
def _fold_token(token: str) -> str:
    return fold(token) or ""


def _title_length(tokens: list[str]) -> int:
    """How many leading tokens form a title (0 when none); the longest title wins."""
    if _is_honorific(tokens[0]):
        return 1
    if _fold_token(tokens[0]) not in _FIRST_WORDS:  # most names: one cached lookup and done
        return 0
    folded = [_fold_token(t) for t in tokens[:_LONGEST_TITLE]]
    for size in range(min(_LONGEST_TITLE, len(tokens)), 0, -1):
        found = _TITLES.get(tuple(folded[:size]))
        if found is not None and all(map(_written_as, tokens[:size], found[1])):
            return size
    return 0


def _is_honorific(token: str) -> bool:
    return token.strip(".,:").casefold() in _HONORIFICS


# Titles are found by their folded form, so that "ngoai truong" is one, but a word whose marks
# differ is another word: "Tần" (Qin) is not "Tân" (new), nor "Tưởng" (Chiang) "Tướng" (general).
_written_as = lru_cache(maxsize=4096)(marks_lost_only)


def strip_titles(text: str) -> tuple[str | None, str]:
    """Split leading titles off a cleaned name: ("Ngoại trưởng", "Vương Nghị").

    Titles are stripped one after another ("cựu Đại sứ"), never the whole text.
    """
    tokens = text.split()
    taken = last = 0
    while taken < len(tokens) - 1:
        size = _title_length(tokens[taken:])
        if size == 0 or taken + size >= len(tokens):
            break
        taken, last = taken + size, taken
    if taken - last == 1 and _is_surname(tokens[last], tokens[taken:]):
        taken = last
    if taken == 0:  # most names: one cached look-up of the first word
        return None, text
    spans = [m.span() for m in _TOKEN.finditer(text)]
    return text[: spans[taken - 1][1]], text[spans[taken][0]:]


def _is_surname(word: str, rest: list[str]) -> bool:
    """"Cố Bảo Mai": a title that is also a surname, before a bare Hán-Việt given name of two
    syllables (Vietnamese letters, no hyphen: "Cố Kim Jong-il" is the late Kim Jong-il)."""
    return (word in SURNAME_TITLES and len(rest) == 2 and not any("-" in w for w in rest)
            and not " ".join(rest).isascii())


def split_alternatives(text: str) -> tuple[str, ...]:
    """The alternative forms of "A/B", "A (B)" and "A hay B"; () when there are none."""
    if "(" not in text and "/" not in text and not _OR_WORDS.search(text):
        return ()  # most names: one scan
    found = _PARENS.match(text)
    if found and not found.group("rest"):
        return tuple(p for p in (found.group("a"), found.group("b")) if p.strip())
    for pattern in (_SLASH, _OR_WORDS):
        parts = [p.strip() for p in pattern.split(text) if p.strip()]
        if len(parts) > 1:
            return tuple(parts)
    return ()


def is_person_title(title: str | None) -> bool:
    """True when the title implies the name is a person ("Ngoại trưởng", "ông"), not "cựu"."""
    if not title:
        return False
    return any(
        t in PERSON_TITLES or t.casefold() in _HONORIFICS for t in _title_parts(title)
    )


def _title_parts(title: str) -> list[str]:
    parts: list[str] = []
    rest = title
    while rest:
        tokens = rest.split()
        size = _title_length(tokens) or 1
        chunk = " ".join(tokens[:size])
        found = _TITLES.get(tuple(_fold_token(t) for t in tokens[:size]))
        parts.append(found[0] if found else chunk)
        rest = " ".join(tokens[size:])
    return parts


# Queries repeat, and a resolve needs the cleaned text more than once: clean each text once.
cached_clean = lru_cache(maxsize=1 << 16)(clean)


@lru_cache(maxsize=1 << 16)
def parse(query: str) -> Parsed | None:
    """Parse a raw query into title, name and alternatives; None when nothing is left.

    Cached: queries repeat, and the result is an immutable value of the query alone."""
    cleaned = cached_clean(query)
    if cleaned is None:
        return None
    if is_plain(cleaned):  # most names: nothing to take off
        return Parsed(name=cleaned)
    return parse_cleaned(cleaned)


def parse_cleaned(cleaned: str) -> Parsed:
    """Title, name and alternatives of a cleaned text, the long way (tests compare is_plain with it)."""
    title, name = strip_titles(title_first(cleaned))
    return Parsed(name=name, title=title, alternatives=split_alternatives(name))


def title_first(text: str) -> str:
    """A person's title moved to the front, where parsing and the country context look for it,
    from where news and spreadsheets also write it:
    - after the name, a comma or a spaced dash: "Kishida Fumio, Thủ tướng Nhật Bản" -> "Thủ
      tướng Nhật Bản Kishida Fumio";
    - after its country's possessive: "Japan's Prime Minister Fumio Kishida" -> "Prime Minister
      Japan Fumio Kishida".
    Anything else as it is: "Korea, Republic of", "Hàn Quốc, Nhật Bản", "Urumqi, Tân Cương"
    ("Tân", new, is a title but says nothing of a person), "People's Daily"."""
    text = _possessor_after_title(text)
    parts = _APPOSITION.split(text)
    if len(parts) != 2:
        return text
    name, after = parts[0].strip(), parts[1].strip()
    if not name or not after:
        return text
    tokens = after.split()
    size = _title_length(tokens)
    if not size or not is_person_title(" ".join(tokens[:size])):
        return text
    own_title, bare = strip_titles(name)  # "Ông Tập Cận Bình, Chủ tịch ...": both titles first
    return " ".join(part for part in (own_title, after, bare) if part)


def _possessor_after_title(text: str) -> str:
    tokens = text.split()
    for i, token in enumerate(tokens[:_MAX_POSSESSOR_WORDS]):
        if token.endswith("'s") and len(token) > 2:
            after = tokens[i + 1:]
            size = _title_length(after) if after else 0
            if not size or size == len(after) or not is_person_title(" ".join(after[:size])):
                return text
            return " ".join([*after[:size], *tokens[:i], token[:-2], *after[size:]])
    return text


_PLAIN, _OR_JOIN, _OPENS_TITLE = 1, 2, 4  # what a word can be, as bits


@lru_cache(maxsize=1 << 17)
def _word_traits(word: str) -> int:
    """_PLAIN when clean leaves the word as it is, holds no "(", "/" or ",", is no lone "-" and no
    possessive ("Japan's"; no space either: clean makes any run of it one " "); _OR_JOIN when it
    is a word of _OR_WORDS ("hay", "or"); _OPENS_TITLE when `_title_length` would look past its
    first two tests."""
    plain = word != "-" and not word.endswith("'s") and not any(c in word for c in "(/,")
    traits = _PLAIN if plain and clean(word) == word else 0
    if _OR_WORD.fullmatch(word):
        traits |= _OR_JOIN
    if _is_honorific(word) or _fold_token(word) in _FIRST_WORDS:
        traits |= _OPENS_TITLE
    return traits


# Words known to be plain and to join nothing (most words of most names), and those of them that
# open no title either (most first words). Then a name needs one C-level `issuperset` and one
# look-up (per word through the lru cache it was 2-4x slower, and a bulk job or a gazetteer checks
# a million names). Each set only ever holds words true of it, so a clear (when full) or a
# thread that adds meanwhile can cost time, never an answer.
_PLAIN_WORDS: set[str] = set()
_PLAIN_FIRST_WORDS: set[str] = set()
MAX_PLAIN_WORDS = 1 << 18


def is_plain(text: str) -> bool:
    """True when `parse(text)` is `Parsed(name=text)`: clean changes nothing, no title leads, no
    alternatives. Word by word, since words repeat far more than names, and every step of clean
    acts within a word (normalizer.text.fold._keys_by_word); a text whose words are not separated
    by single spaces is not plain. May say False where parse changes nothing (an "(" or "/" it
    would not split at), never True where it changes something."""
    words = text.split(" ")
    if words[0] in _PLAIN_FIRST_WORDS and _PLAIN_WORDS.issuperset(words):
        return True  # most names
    traits = [_word_traits(word) for word in words]
    _remember(words, traits)
    if not all(t & _PLAIN for t in traits) or any(t & _OR_JOIN for t in traits[1:-1]):
        return False  # "hay" between two words makes alternatives; first or last it does not
    if len(words) > 1 and traits[0] & _OPENS_TITLE:
        size = _title_length(words)  # strip_titles' rule: a title is never the whole text
        return size == 0 or size >= len(words)
    return True


def _remember(words: list[str], traits: list[int]) -> None:
    if len(_PLAIN_WORDS) + len(words) > MAX_PLAIN_WORDS:
        _PLAIN_WORDS.clear()
        _PLAIN_FIRST_WORDS.clear()
    for word, trait in zip(words, traits, strict=True):
        if trait == _PLAIN:
            _PLAIN_FIRST_WORDS.add(word)
        if trait & (_PLAIN | _OR_JOIN) == _PLAIN:
            _PLAIN_WORDS.add(word)
