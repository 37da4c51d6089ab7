"""Initials before a family name: "D. Trump", "V. V. Putin", "J.Biden".

The family name is looked up as the family-name tier looks up a family name alone, and a hit
counts only when the initials are those of the given names written before the family name in
that gazetteer name ("D." fits "Donald Trump", not "Eric Trump"). A family name alone is
already a match when one person bears it; initials settle it when several do.
"""

from __future__ import annotations

import re

from normalizer.gazetteer import GazetteerIndex
from normalizer.match.candidates import LOOSER_GROUPS, RawHit, Variant, add_group_hits, cached_keys
from normalizer.model import Name
from normalizer.text import fold

# One or more letters, each with its dot, then the family name: "D. Trump", "V.V. Putin".
_INITIALS = re.compile(r"((?:[^\W\d_]\.\s*)+)(\S.*)")
FAMILY_GROUP = LOOSER_GROUPS[-1]
assert FAMILY_GROUP[0][0] == "family", "the family-name tier is the last dictionary group"


def split_initials(text: str) -> tuple[str, str] | None:
    """("DJ", "Trump") for "D. J. Trump"; None when the text does not start with initials."""
    found = _INITIALS.fullmatch(text)
    if found is None:
        return None
    return "".join(c for c in found.group(1) if c.isalpha()), found.group(2)


def initials_hits(index: GazetteerIndex, variant: Variant) -> list[RawHit]:
    """Family-name hits of a variant written as initials and a family name, each on a name whose
    given names the initials fit."""
    split = split_initials(variant.text)
    keys = cached_keys(split[1]) if split is not None else None
    if split is None or keys is None:
        return []
    found: dict[int, RawHit] = {}
    add_group_hits(index, Variant(variant.text, variant.role, keys), FAMILY_GROUP, found)
    return [raw._replace(detail=f"the initials {split[0]} fit {raw.hit.name.text}")
            for raw in found.values() if initials_fit(raw.hit.name, split[0])]


def initials_fit(name: Name, initials: str) -> bool:
    """True when `name` is given names then its family name, and the given names start with
    `initials`, in order, diacritics and case aside."""
    family = name.family
    if not family or not name.text.endswith(family):
        return False
    given = name.text[: -len(family)].split()
    firsts = "".join(word[0] for word in given)
    return len(initials) <= len(firsts) and fold(firsts[: len(initials)]) == fold(initials)
