"""Pinyin -> Hán-Việt candidates: "Guo Jiakun" -> "Quách Gia Côn", always scored, never certain.

Pinyin loses the characters, so one syllable may come from many of them ("wang" is 王 Vương and
汪 Uông): the candidates are ranked by the same character priors as the other direction, and
their scores are capped so that no caller mistakes the first for a fact.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from normalizer.translit.data import tables
from normalizer.translit.lattice import Mass, Option, beam
from normalizer.translit.pinyin import SECONDARY_READING, Rendering
from normalizer.translit.priors import prior, surname_rank, surname_table_weight

MAX_SYLLABLES = 8
# No pinyin -> Hán-Việt answer is certain: scores are probabilities scaled down by this.
REVERSE_CONFIDENCE = 0.8
# A reading whose paired pinyin differs from the one asked for (乐 nhạc is yue, not le).
UNPAIRED_FACTOR = 0.1
_TOKEN_SPLIT = re.compile(r"[\s\-'’_.,·]+")


def plain_pinyin(text: str) -> str:
    """Lowercase pinyin without tone marks or digits, keeping ü ("Lǚ" -> "lü", "lv" -> "lü")."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    out: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and not (char == "\u0308" and out and out[-1] == "u"):
            continue
        out.append(char)
    return re.sub(r"[0-5]", "", unicodedata.normalize("NFC", "".join(out))).replace("v", "ü")


@cache
def valid_syllables() -> frozenset[str]:
    return frozenset(tables().chars_by_pinyin)


def segment(token: str) -> list[str] | None:
    """The split of a word into the fewest pinyin syllables ("jiakun" -> jia kun), or None."""
    valid = valid_syllables()
    best: list[list[str] | None] = [[]] + [None] * len(token)
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - 6), end):
            prefix = best[start]
            current = best[end]
            if prefix is not None and token[start:end] in valid and (
                    current is None or len(prefix) + 1 < len(current)):
                best[end] = [*prefix, token[start:end]]
    return best[-1]


def syllable_options(pinyin: str, role: str) -> list[Option]:
    data = tables()
    mass = Mass()
    for char in data.chars_by_pinyin.get(pinyin, ()):
        if role == "surname" and surname_rank(char):
            continue  # the surname table speaks for these
        p_pinyin = SECONDARY_READING ** data.pinyin[char].index(pinyin)
        for key, hanviet, p_reading in data.readings.get(char, ()):
            paired = data.paired.get((char, key))
            factor = UNPAIRED_FACTOR if paired and pinyin not in paired else 1.0
            mass.add(hanviet, prior(char, role) * p_pinyin * p_reading * factor, char)
    if role == "surname":
        for surname in data.surnames:
            if surname.pinyin == pinyin:
                for i, hanviet in enumerate(surname.hanviet):
                    mass.add(hanviet, surname_table_weight(surname.rank) * 0.5 ** i, surname.hanzi)
    return mass.options()


def pinyin_syllables(text: str) -> list[list[str]] | None:
    """Tokens of a pinyin name, each split into syllables; None when one cannot be."""
    tokens = [t for t in _TOKEN_SPLIT.split(plain_pinyin(text)) if t]
    out = []
    for token in tokens:
        syllables = [token] if token in {s.pinyin for s in tables().surnames} else segment(token)
        if not syllables:
            return None
        out.append(syllables)
    return out


def pinyin_to_hanviet(text: str, limit: int = 5) -> list[Rendering]:
    """Scored Hán-Việt candidates for a pinyin name ("Guo Jiakun", "Xi'an"); [] if it is not pinyin."""
    tokens = pinyin_syllables(text)
    if not tokens or sum(len(t) for t in tokens) > MAX_SYLLABLES:
        return []
    person = len(tokens) > 1
    columns: list[list[Option]] = []
    for t, token in enumerate(tokens):
        for s, syllable in enumerate(token):
            at_surname = person and t == 0 and s == 0
            role = "surname" if at_surname else "given" if person else "place"
            # a compound surname ("zhuge") is kept as one token by pinyin_syllables
            options = (_compound_options(token) if at_surname else []) or syllable_options(syllable, role)
            if not options:
                return []
            columns.append(options)
    return [
        Rendering(" ".join(p.title() for p in path.parts), round(path.prob * REVERSE_CONFIDENCE, 4),
                  path.source)
        for path in beam(columns, limit)
    ]


def _compound_options(token: list[str]) -> list[Option]:
    joined = "".join(token)
    found = [s for s in tables().surnames if len(s.hanzi) == 2 and s.pinyin == joined]
    return [Option(s.hanviet[0], 1.0, s.hanzi) for s in found]
