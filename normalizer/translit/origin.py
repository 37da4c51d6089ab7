"""The likely origin of a person's name as the Vietnamese press writes it.

`classify("Phạm Nhật Vượng")` -> Origin("vietnamese", 0.9, ...). Origins:

- `vietnamese`: a Vietnamese name, with or without diacritics ("Nguyễn Thị Mỹ Nhi").
- `chinese`: a Chinese name in its Hán-Việt reading ("Quách Chấn Cường").
- `korean-hanviet`: a Korean name in Hán-Việt ("Phác Thành Hạo").
- `korean`: a Korean name in Latin letters ("Choo Kyung Ho", "Lim Yeon-hee").
- `japanese`: a Japanese name in Latin letters, either order ("Mio Hayashi", "Kishida Fumio").
- `transcription`: a Vietnamese phonetic spelling of a foreign name ("Sin-dô A-bê").
- `other`: none of these.

Vietnamese and Hán-Việt Chinese names share their syllables and many surnames, so the two are
told apart by weighed evidence (a score, positive for Vietnamese): Vietnamese-only surnames and
middle names (Thị, Văn), four syllables, given names typical of one side, syllables no Chinese
character reads as. The press writes about Vietnamese people far more often than about Chinese
ones, so an even score is Vietnamese.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from normalizer.text import clean
from normalizer.text.vietnamese import is_syllable
from normalizer.translit import name_lists as lists
from normalizer.translit.lattice import reading_keys
from normalizer.translit.looks import looks_korean
from normalizer.translit.priors import surnames_by_reading
from normalizer.translit.syllables import folded_key, has_diacritics, split_syllables, toned_key

ORIGINS = ("vietnamese", "chinese", "korean-hanviet", "korean", "japanese", "transcription", "other")
VIETNAMESE_PRIOR = 0.8  # unknown people in Vietnamese news are mostly Vietnamese
WEIGHTS = {
    "vietnamese_surname": 2.5, "chinese_surname": -2.0, "chinese_leaning_surname": -1.0,
    "unlisted_surname": 1.0, "middle": 5.0, "four_syllables": 3.0, "vietnamese_given": 1.5,
    "chinese_given": -1.8, "unreadable": 3.0, "compound_surname": -4.0,
}
# One mora of Japanese in Hepburn spelling; a name is one or more, long vowels written out.
_MORA = r"(?:(?:ky|gy|sh|ch|ny|hy|my|ry|by|py|ts|[kgsztdnhbpmyrwfj])?[aiueo]|n)"
_JAPANESE_WORD = re.compile(rf"^{_MORA}+$")
# One Korean syllable in the press's spellings (Revised Romanization and McCune-Reischauer-like).
_KOREAN_SYLLABLE = re.compile(
    r"^(?:kk|tt|pp|ss|jj|ch|sh|[gkndtrlmbpsjhyw])?"
    r"(?:yeo|yae|wae|eo|eu|ae|ya|ye|yo|yu|wa|wo|we|wi|ui|oe|oo|ee|ou|[aeiou])"
    r"(?:ng|[knlmpth])?$"
)
_VIETNAMESE_LETTERS = frozenset("ăâđêôơư")
_TRANSCRIPTION_SYLLABLES = frozenset({
    "xcơ", "gơ", "tơ", "chơ", "rơ", "lơ", "bơ", "đơ", "sơ", "vơ", "mơ", "nơ", "phơ", "cơ", "dơ", "pơ", "xơ",
    "thơ", "khơ", "sư", "xtơ", "rư", "lư",
})


@dataclass(frozen=True, slots=True)
class Origin:
    """A name's likely origin, how sure the classifier is (0..1) and what it went by."""

    origin: str
    confidence: float
    reasons: tuple[str, ...] = ()


def key(syllable: str, folded: bool = False) -> str:
    """The comparison form of a syllable: lower case, tones placed as the lists write them;
    `folded`: without diacritics, for names written without them."""
    return folded_key(syllable) if folded else (clean(syllable) or "").casefold()


@lru_cache(maxsize=2)
def _keyed(folded: bool) -> dict[str, frozenset[str]]:
    names = ("VIETNAMESE_SURNAMES", "CHINESE_SURNAMES", "CHINESE_LEANING_SURNAMES", "VIETNAMESE_MIDDLES",
             "VIETNAMESE_GIVEN", "CHINESE_GIVEN", "CHINESE_FINAL_GIVEN")
    return {name: frozenset(key(w, folded) for w in getattr(lists, name)) for name in names}


@lru_cache(maxsize=1 << 14)
def classify(name: str) -> Origin:
    """The likely origin of a person's name (see the module docstring). Remembered per text: the
    phonetic tier and the suggester both ask it of an unknown query (~50 µs each time)."""
    words = (clean(name) or "").split()
    syllables = split_syllables(name)
    if not syllables or not all(s.isalpha() for s in syllables):
        return Origin("other", 0.5)
    if looks_transcription(words, syllables):
        return Origin("transcription", 0.8, ("hyphenated or non-Vietnamese syllables",))
    if any(has_diacritics(s) for s in syllables):
        return _accented(syllables)
    latin = _latin(words, syllables)
    if latin.origin == "other" and any("-" in w for w in words):  # "An-oa I-bra-him", "Ca-ti Pe-ri"
        return Origin("transcription", 0.7, ("hyphenated syllables",))
    return latin


def looks_transcription(words: list[str], syllables: list[str]) -> bool:
    """"Sin-dô A-bê", "Mác-gơ-rét Thát-chơ", "Adít Đôvan": Vietnamese letters spelling sounds."""
    accented = any(has_diacritics(s) for s in syllables)
    if not accented:
        return False
    lowered = [s.casefold() for s in syllables]
    if any(s in _TRANSCRIPTION_SYLLABLES for s in lowered):
        return True
    if any("-" in w for w in words):  # hyphenated Vietnamese syllables: a foreign word spelled by sound
        return True
    return any(not is_syllable(s) for s in syllables)


def _accented(syllables: list[str]) -> Origin:
    if looks_korean(" ".join(syllables)):
        return Origin("korean-hanviet", 0.85, ("a surname only Koreans carry in Hán-Việt",))
    score, reasons = vietnamese_score([key(s) for s in syllables])
    return _decide(score, reasons)


def vietnamese_score(keys: list[str], folded: bool = False) -> tuple[float, list[str]]:
    """Evidence that a name in Vietnamese letters is Vietnamese (> 0) or Chinese (< 0); `folded`:
    the keys have no diacritics."""
    table = _keyed(folded)
    score, reasons = math.log(VIETNAMESE_PRIOR / (1 - VIETNAMESE_PRIOR)), []

    def add(feature: str, times: int = 1) -> None:
        nonlocal score
        if times:
            score += WEIGHTS[feature] * times
            reasons.append(feature if times == 1 else f"{feature} x{times}")

    surname, given = keys[0], keys[1:]
    compound = len(keys) > 2 and (keys[0], keys[1]) in lists.CHINESE_COMPOUND_SURNAMES
    if compound:
        add("compound_surname")
        given = keys[2:]
    elif surname in table["VIETNAMESE_SURNAMES"]:
        add("vietnamese_surname")
    elif surname in table["CHINESE_SURNAMES"]:
        add("chinese_surname")
    elif surname in table["CHINESE_LEANING_SURNAMES"]:
        add("chinese_leaning_surname")
    elif not folded and (toned_key(surname),) not in surnames_by_reading():
        add("unlisted_surname")
    add("middle", sum(k in table["VIETNAMESE_MIDDLES"] for k in given[:-1] or given))
    if len(keys) >= 4 and not compound:
        add("four_syllables")
    add("vietnamese_given", sum(k in table["VIETNAMESE_GIVEN"] for k in given))
    add("chinese_given", sum(k in table["CHINESE_GIVEN"] for k in given)
        + (bool(given) and given[-1] in table["CHINESE_FINAL_GIVEN"]))
    add("unreadable", sum(not reading_keys(k, not folded) for k in keys))
    return score, reasons


def _decide(score: float, reasons: list[str]) -> Origin:
    probability = 1 / (1 + math.exp(-score))
    if score >= 0:
        return Origin("vietnamese", round(probability, 2), tuple(reasons))
    return Origin("chinese", round(1 - probability, 2), tuple(reasons))


def _latin(words: list[str], syllables: list[str]) -> Origin:
    lowered = [w.casefold() for w in words]
    korean = korean_latin(words)
    if korean:
        return Origin("korean", korean, ("Korean surname and syllables",))
    japanese = japanese_order(lowered)
    if japanese is not None:
        return Origin("japanese", 0.9 if japanese[1] else 0.75, ("Japanese surname or given name",))
    if len(syllables) >= 2 and "-" not in "".join(words) and all(_is_vietnamese_shape(s) for s in syllables):
        score, reasons = vietnamese_score([key(s, True) for s in syllables], folded=True)
        origin = _decide(score - 1.0, reasons)  # no diacritics: pinyin-like names lean Chinese less surely
        if origin.origin == "vietnamese":
            return origin
    return Origin("other", 0.5)


def _is_vietnamese_shape(syllable: str) -> bool:
    return is_syllable(syllable)


def korean_latin(words: list[str]) -> float:
    """How surely a Latin name is Korean (0: not): a Korean surname first, then one or two
    given syllables, hyphenated or not ("Lim Yeon-hee", "Choo Kyung Ho", "Son Heung-min")."""
    if len(words) < 2 or words[0].casefold() not in lists.KOREAN_LATIN_SURNAMES:
        return 0.0
    given = [part.casefold() for w in words[1:] for part in w.split("-")]
    if not 1 <= len(given) <= 2 or not all(_KOREAN_SYLLABLE.match(g) for g in given):
        return 0.0
    if any(c in _VIETNAMESE_LETTERS for w in words for c in w.casefold()):
        return 0.0
    hyphenated = any("-" in w for w in words[1:])
    marked = any(m in "-".join(given) for m in lists.KOREAN_MARKS)
    if hyphenated:
        return 0.95
    if len(given) == 2 and (marked or len(words) == 3):
        return 0.85 if marked else 0.7
    return 0.0


def japanese_order(words: list[str]) -> tuple[bool, bool] | None:
    """(family name first?, sure?) for a two-word Japanese name in Latin letters; else None."""
    if len(words) != 2 or not all(_JAPANESE_WORD.match(w) for w in words):
        return None
    first, second = words
    surnames, given = lists.JAPANESE_SURNAMES, lists.JAPANESE_GIVEN
    if second in surnames and first not in surnames:
        return False, True
    if first in surnames and second not in surnames:
        return True, second in given or len(second) > 2
    if first in given and second in surnames:
        return False, True
    if first in surnames and second in surnames:
        return (second in given), False
    return None


def name_goes_on(head: str, rest: str) -> bool:
    """Whether a one-word head begins the person's name `rest` continues: a surname, or a
    Japanese name of either part ("Ueda" + "Kenji", "Đào" + "Phương Huyền", "Yuki" + "Yoshida")."""
    if len(head.split()) != 1 or not head[:1].isupper():
        return False
    folded = head.casefold()
    if has_diacritics(head) or not head.isascii():
        lowered = key(head)
        table = _keyed(False)
        return (lowered in table["VIETNAMESE_SURNAMES"] or lowered in table["CHINESE_SURNAMES"]
                or (toned_key(lowered),) in surnames_by_reading())
    if folded in lists.KOREAN_LATIN_SURNAMES:
        return korean_latin([head, *rest.split()]) > 0
    japanese = lists.JAPANESE_SURNAMES | lists.JAPANESE_GIVEN
    return folded in japanese and japanese_order([folded, *rest.casefold().split()]) is not None


def surname_leads(head: str, rest: str) -> bool:
    """Whether a one-word head that also names a place is the surname of the Hán-Việt person's
    name `rest` continues ("Viên" of "Viên Lệ Quyên" is Yuan, not Vienna): a surname, and the
    whole reads as a Vietnamese or Chinese name of three syllables."""
    whole = f"{head} {rest}"
    return (len(whole.split()) == 3 and name_goes_on(head, rest)
            and classify(whole).origin in ("chinese", "vietnamese"))
