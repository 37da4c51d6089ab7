"""Real given names and family names per naming tradition, for match.typos' renamed rule.

Why: a fuzzy hit one letter from the query looks like a typo ("Takumi Matsumoto" is one letter
from "Takami Matsumoto"). NAME_WORDS, the curated entities' words, tells another name from a
typo only for the words the curated gazetteer happens to hold; a gazetteer grown to a million
names holds "Takami" but not "Takumi", so every unknown person one letter from a known one came
back matched. When both the query's word and the name's word are real names of one tradition
("Takumi" and "Takami" are both Japanese given names), the query names another person: parents
chose the letters, no keyboard slipped. So does a real name two letters or more from the name's
word ("Sasaki" for "Sakasaki"): two slips are less likely than another family.

The traditions and where their names come from (all shipped with the project, nothing invented):
- Japanese given names and family names: the people of the ENAMDICT layer
  (gazetteer/layers/enamdict, about 25,000 dated or described people: 4,500 given names and
  5,600 family names in Hepburn romaji), read from the layer's file whether or not the layer is
  loaded (they are facts of the language, not entities), with the curated lists of
  normalizer.translit.name_lists. Not ENAMDICT's 300,000 bare given names and surnames: nearly
  every string of kana is somebody's name there, which would make every typo deliberate.
- Korean family names: the Latin spellings of normalizer.translit.name_lists and translit.hangul
  ("Cho" and "Choo" are two families, 조 and 추); Chinese family names: the pinyin of the surname
  table (translit/data/cn_surnames.tsv).
- Korean given-name syllables: the Hangul readings of the Hanja table (translit/data/char_hangul.tsv)
  in Revised Romanization and in the spellings Korean people usually use (translit.hangul); a
  given name is one syllable or two, hyphenated, spaced or written together ("Jae-won", "Jaewon").
- Chinese given-name syllables: the pinyin of the characters that Chinese given names use
  (translit/data/char_freq.tsv given-name counts, translit/data/char_pinyin.tsv); a given name in
  pinyin is one syllable or two written together ("Yi", "Jianguo").
- Vietnamese syllables: the folded Hán-Việt readings (translit/data/hv_table.tsv) of the
  characters that Chinese names use (char_freq.tsv: the syllables of nearly every Vietnamese
  given name and surname, which are Sino-Vietnamese), with "y" and "i" spellings of a final i/y ("Mỹ" and
  "Mĩ"), and the name lists of normalizer.translit.name_lists. match.typos reads a changed word
  of a name whose words are all syllables as another name only when the query's word is such a
  real syllable: "Nguen" has a syllable's shape, but no Vietnamese name has it: a dropped letter.

The sets are built once (functools.cache) and warmed with NAME_WORDS (normalizer.generation).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from normalizer.text import fold
from normalizer.translit import name_lists
from normalizer.translit.data import tables
from normalizer.translit.hangul import SURNAME_SPELLING, USUAL_SYLLABLE, romanize_syllable

ENAMDICT_PEOPLE = Path(__file__).resolve().parents[2] / "gazetteer" / "layers" / "enamdict" / "entities.jsonl"
_ENGLISH_NAME = re.compile(r'"family":"(?P<family>[^"]+)","kind":"preferred","lang":"en",'
                           r'"source":"enamdict","text":"(?P<text>[^"]+)"')
_VOWELS = frozenset("aeiouy")
# A Hán-Việt reading counts when it is at least this share of its character's readings.
VIETNAMESE_READING_MIN = 0.2
# A character is a given-name character when Chinese given names of the frequency table use it
# this often: rarer ones are mostly misparses of the source's name tagging.
CHINESE_GIVEN_MIN = 5


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(key for word in words for key in [fold(word)] if key)


@cache
def _enamdict_people(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(given names, family names) of the layer's people, from their English-order names.

    A regular expression over the layer's lines (written with sorted keys by its genscript), not
    json.loads: a third of a second less at every start."""
    if not path.exists():
        return frozenset(), frozenset()
    given: set[str] = set()
    family: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for match in _ENGLISH_NAME.finditer(handle.read()):
            family.add(match["family"])
            given.update(word for word in match["text"].split() if word != match["family"])
    return _folded(given), _folded(family)


@cache
def japanese_given() -> frozenset[str]:
    return _enamdict_people(ENAMDICT_PEOPLE)[0] | name_lists.JAPANESE_GIVEN


@cache
def japanese_family() -> frozenset[str]:
    return _enamdict_people(ENAMDICT_PEOPLE)[1] | name_lists.JAPANESE_SURNAMES


@cache
def korean_family() -> frozenset[str]:
    return name_lists.KOREAN_LATIN_SURNAMES | frozenset(name.lower() for name in SURNAME_SPELLING.values())


@cache
def chinese_family() -> frozenset[str]:
    return frozenset(surname.pinyin for surname in tables().surnames)


@cache
def korean_syllables() -> frozenset[str]:
    readings = {hangul for found in tables().hangul.values() for hangul in found}
    return frozenset(romanize_syllable(h) for h in readings) | frozenset(USUAL_SYLLABLE.values())


@cache
def chinese_syllables() -> frozenset[str]:
    data = tables()
    chars = [char for char, freq in data.freq.items() if freq.given >= CHINESE_GIVEN_MIN]
    return frozenset(reading for char in chars for reading in data.pinyin.get(char, ())[:1])


@cache
def vietnamese_syllables() -> frozenset[str]:
    data = tables()
    # The readings of characters that names use, not every reading of the table: its rare
    # characters give nearly every shape a reading ("phươn", "min", "dun").
    chars = [char for char, freq in data.freq.items() if freq.given or freq.surname]
    readings = {fold(text) or "" for char in chars for _, text, share in data.readings.get(char, ())
                if share >= VIETNAMESE_READING_MIN}
    for lists in (name_lists.VIETNAMESE_SURNAMES, name_lists.VIETNAMESE_MIDDLES, name_lists.VIETNAMESE_GIVEN,
                  name_lists.CHINESE_SURNAMES, name_lists.CHINESE_LEANING_SURNAMES, name_lists.CHINESE_GIVEN):
        readings |= _folded(lists)
    # a final i or y after a consonant is one sound spelt two ways ("Mỹ", "Mĩ"; "Lý", "Lí")
    both = {word[:-1] + other for word in readings if len(word) > 1 and word[-2] not in _VOWELS
            for last, other in (("i", "y"), ("y", "i")) if word[-1] == last}
    return frozenset(readings | both) - {""}


def is_vietnamese_syllable(word: str) -> bool:
    """Whether the folded word is a syllable Vietnamese names use, not only one's shape."""
    return word in vietnamese_syllables()


def _of_syllables(syllables: Callable[[], frozenset[str]]) -> Callable[[str], bool]:
    def holds(word: str) -> bool:
        """Whether the word is one syllable of the set or two written together."""
        known = syllables()
        return word in known or any(word[:i] in known and word[i:] in known for i in range(1, len(word)))
    return holds


def _of_set(words: Callable[[], frozenset[str]]) -> Callable[[str], bool]:
    return lambda word: word in words()


# One test per tradition: does this folded word name somebody of it?
TRADITIONS: dict[str, Callable[[str], bool]] = {
    "japanese given": _of_set(japanese_given),
    "japanese family": _of_set(japanese_family),
    "korean family": _of_set(korean_family),
    "korean given": _of_syllables(korean_syllables),
    "chinese family": _of_set(chinese_family),
    "chinese given": _of_syllables(chinese_syllables),
}


def other_real_name(query_word: str, name_word: str, edits: int = 1) -> str:
    """The tradition of which the query's folded word is a real name, and the name's word too or
    `edits` (between the two) is more than one ("takumi", "takami": "japanese given"; "sasaki",
    "sakasaki": "japanese family", two letters from a name that no dictionary holds), or ""
    when none is: then a changed letter may be a typo."""
    return next((tradition for tradition, holds in TRADITIONS.items()
                 if holds(query_word) and (edits > 1 or holds(name_word))), "")


def warm() -> None:
    """Build every set now (at warm-up), not at the first fuzzy hit."""
    for sets in (japanese_given, japanese_family, korean_family, korean_syllables, chinese_family,
                 chinese_syllables, vietnamese_syllables):
        sets()
