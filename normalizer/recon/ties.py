"""Ties between candidates of one score: the query's title says a gender ("Ông Kim" is a man,
"Bà Kim" a woman), a more prominent namesake comes first, and an entity the gazetteer documents
more (names, roles) before a thinly known one. Never the id: the alphabet says nothing about
who a text means.

The gazetteer records no gender; an entity's is read from its description's words ("actress",
"sister of", "chairman") and from Vietnamese middle names (Thị, Văn). Unknown is the common case
and costs nothing: only a contradiction moves a candidate back among its equals.
"""

from __future__ import annotations

import re

from normalizer.model import Entity

FEMALE, MALE = "female", "male"
TITLE_GENDERS = {
    **dict.fromkeys(("bà", "cô", "chị", "nữ", "nữ hoàng", "công chúa", "hoàng hậu", "mrs", "ms", "miss",
                     "madam", "madame", "dame", "lady", "queen", "princess", "empress", "chairwoman",
                     "spokeswoman", "congresswoman"), FEMALE),
    **dict.fromkeys(("ông", "anh", "ngài", "nhà vua", "vua", "hoàng tử", "thái tử", "mr", "sir", "lord",
                     "king", "prince", "crown prince", "emperor", "chairman", "spokesman",
                     "congressman"), MALE),
}
_WORDS = {
    FEMALE: ("actress", "woman", "businesswoman", "chairwoman", "spokeswoman", "congresswoman", "sister",
             "daughter", "wife", "widow", "mother", "queen", "princess", "empress", "duchess", "first lady",
             "girl", "female", "her", "she", "songstress", "heiress"),
    MALE: ("actor", "businessman", "chairman", "spokesman", "congressman", "brother", "son", "husband",
           "widower", "father", "king", "prince", "emperor", "duke", "boy", "his", "he"),
}
_CUES = {gender: re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b")
         for gender, words in _WORDS.items()}
_MIDDLE = {"thị": FEMALE, "văn": MALE}  # Nguyễn Thị X is a woman, Nguyễn Văn X a man


def title_gender(title: str | None) -> str | None:
    """The gender a title or honorific says ("Bà" -> female), None for most titles."""
    if not title:
        return None
    words = title.strip().rstrip(".").casefold()
    return TITLE_GENDERS.get(words) or TITLE_GENDERS.get(words.split()[0] if words else "")


def entity_gender(entity: Entity) -> str | None:
    """The gender an entity's description or Vietnamese name shows; None when nothing tells."""
    if entity.type != "person":
        return None
    text = (entity.description or "").casefold()
    said = {gender for gender, cue in _CUES.items() if cue.search(text)}
    if len(said) == 1:
        return said.pop()
    for name in entity.names:
        words = name.text.casefold().split()
        if name.lang == "vi" and len(words) >= 3 and words[1] in _MIDDLE:
            return _MIDDLE[words[1]]
    return None


def gender_clash(wanted: str | None, entity: Entity) -> bool:
    """True when the title says one gender and the entity shows the other."""
    if wanted is None:
        return False
    found = entity_gender(entity)
    return found is not None and found != wanted


def documented(entity: Entity) -> int:
    """How much the gazetteer knows of an entity: its names and roles (a well-known person has many)."""
    return len(entity.names) + len(entity.roles)
