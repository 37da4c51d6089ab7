"""The English form of a person's name the gazetteer does not hold, by the name's origin.

`english_form("Phạm Nhật Vượng")` -> EnglishForm("Pham Nhat Vuong", "vietnamese", 0.99, ...):

- Vietnamese: the name without diacritics, never a pinyin reading.
- Chinese in Hán-Việt: the pinyin of the person reading ("Quách Chấn Cường" -> "Guo Zhenqiang").
- Korean in Hán-Việt: through Hangul to the usual romanization ("Phác Thành Hạo" -> "Park Seong-ho").
- Korean in Latin letters: family name, then the given name hyphenated ("Choo Kyung-ho").
- Japanese in Latin letters: given name first ("Kishida Fumio" -> "Fumio Kishida").

Transcriptions and names of other origins get none (they are matched phonetically, or left).
Where the classifier is unsure between Vietnamese and Chinese, the other reading is the first
alternative.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from normalizer.text import clean
from normalizer.translit.hangul import romanize_name, to_hangul
from normalizer.translit.origin import Origin, classify, japanese_order
from normalizer.translit.pinyin import Rendering, to_pinyin

UNSURE = 0.75  # below this confidence the other reading of a Hán-Việt name is an alternative
MAX_ALTERNATIVES = 4
ALTERNATIVE_DECAY = 0.5  # an alternative's score: the confidence halved at each rank


@dataclass(frozen=True, slots=True)
class EnglishForm:
    """A proposed English rendering: the text, the name's origin, how sure (0..1), how it was made."""

    text: str
    origin: str
    confidence: float
    method: str
    alternatives: tuple[str, ...] = ()


def english_form(name: str) -> EnglishForm | None:
    """The English form of a person's name by its likely origin; None when none fits."""
    text = clean(name)
    if not text or "," in text:  # a list ("Hàn Quốc, Nhật Bản") is not one name
        return None
    origin = classify(text)
    maker = MAKERS.get(origin.origin)
    return maker(text, origin) if maker else None


def to_english(name: str, limit: int = 5) -> list[Rendering]:
    """The English form and its alternatives as renderings (the vi->en pair of
    normalizer.translit.convert): scores fall from the form's confidence, and `source` is the
    name's origin ("vietnamese", "chinese" ...)."""
    form = english_form(name)
    if form is None:
        return []
    texts = [form.text, *(a for a in form.alternatives if a.isascii())][:limit]
    return [Rendering(text, round(form.confidence * ALTERNATIVE_DECAY ** rank, 4), form.origin)
            for rank, text in enumerate(texts)]


def unaccented(text: str) -> str:
    """'Phạm Nhật Vượng' -> 'Pham Nhat Vuong' (case kept, đ -> d)."""
    plain = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c))


def _vietnamese(text: str, origin: Origin) -> EnglishForm:
    words = [w[:1].upper() + w[1:] for w in unaccented(text).split()]
    alternatives: tuple[str, ...] = ()
    if origin.confidence < UNSURE:
        alternatives = tuple(r.text for r in to_pinyin(text, kind="person", limit=2))
    return EnglishForm(" ".join(words), origin.origin, origin.confidence, "unaccented", alternatives)


def _chinese(text: str, origin: Origin) -> EnglishForm | None:
    renderings = to_pinyin(text, kind="person", limit=MAX_ALTERNATIVES)
    if not renderings:
        return None
    others = tuple(r.text for r in renderings[1:])
    if origin.confidence < UNSURE:
        others = (" ".join(unaccented(text).split()), *others)
    confidence = round(origin.confidence * min(1.0, 0.5 + renderings[0].score), 2)
    return EnglishForm(renderings[0].text, origin.origin, confidence, "pinyin", others)


def _korean_hanviet(text: str, origin: Origin) -> EnglishForm | None:
    readings = to_hangul(text, limit=3)
    if not readings:
        return None
    best = readings[0].text
    text = romanize_name(best, usual=True)
    others = tuple(dict.fromkeys(o for o in (romanize_name(best), best, *(romanize_name(r.text, usual=True)
                                                                      for r in readings[1:])) if o != text))
    confidence = round(origin.confidence * min(1.0, 0.5 + readings[0].score), 2)
    return EnglishForm(text, origin.origin, confidence, "hangul", others)


def _korean(text: str, origin: Origin) -> EnglishForm:
    words = text.split()
    given = [part for w in words[1:] for part in w.split("-") if part]
    family = words[0][:1].upper() + words[0][1:].lower()
    rendered = f"{family} {'-'.join(given).lower().capitalize()}"
    return EnglishForm(rendered, origin.origin, origin.confidence, "korean-order")


def _japanese(text: str, origin: Origin) -> EnglishForm | None:
    words = text.split()
    order = japanese_order([w.casefold() for w in words])
    if order is None:
        return None
    family_first, _ = order
    given, family = (words[1], words[0]) if family_first else (words[0], words[1])
    rendered = f"{given.capitalize()} {family.capitalize()}"
    other = f"{family.capitalize()} {given.capitalize()}"
    return EnglishForm(rendered, origin.origin, origin.confidence, "given-family", (other,))


MAKERS = {
    "vietnamese": _vietnamese, "chinese": _chinese, "korean-hanviet": _korean_hanviet,
    "korean": _korean, "japanese": _japanese,
}
