"""Candidate generation: every name that a query variant reaches, tier by tier.

Cheap dictionary tiers first (id, exact, folded, order-free, spacing-free); the fuzzy tier runs
only when they found no strong name, with a cutoff that grows stricter as keys get shorter.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from normalizer.gazetteer import GazetteerIndex, Hit
from normalizer.gazetteer.layers import thin_evidence
from normalizer.gazetteer.records import ID_PATTERN
from normalizer.match.blocking import Blocking
from normalizer.model import Name
from normalizer.text import MatchKeys, match_keys
from normalizer.translit.hanzi import is_han

# Names repeat (queries, titles, context countries): key each text once.
cached_keys = lru_cache(maxsize=1 << 16)(match_keys)


class Variant(NamedTuple):
    """One reading of the query: the bare name, the text as given, or one alternative."""

    text: str
    role: str  # "name", "full", "alternative", "context-free"
    keys: MatchKeys


class RawHit(NamedTuple):
    """A name that one variant reached, and how (a tuple: cheap to make, and made per hit)."""

    hit: Hit
    variant: Variant
    method: str  # id, exact, folded, sorted, compact, fuzzy, translit
    similarity: float  # 0..1, how close the variant is to the name under this method
    detail: str = ""


def make_variants(texts: list[tuple[str, str]]) -> list[Variant]:
    """Variants for the given (text, role) pairs, dropping empty and repeated keys."""
    seen: set[str] = set()
    out = []
    for text, role in texts:
        keys = cached_keys(text)
        if keys is not None and keys.exact not in seen:
            seen.add(keys.exact)
            out.append(Variant(text, role, keys))
    return out


def dictionary_hits(index: GazetteerIndex, variant: Variant) -> list[RawHit]:
    """Hits of the exact, folded, order-free, spacing-free and family-name tiers; the strictest per name.

    Tiers go from strict to loose in groups, and a group that reaches a strong name ends the
    search: looser keys only add noise once the name itself was found. A family name alone
    ("Kishida", "ông Vương") reaches every person who bears it: one such person is a match,
    several are ambiguous.
    """
    if variant.text in index.entities and ID_PATTERN.match(variant.text):
        entity = index.entities[variant.text]
        hit = Hit(entity, Name(entity.name, "en", "preferred", "id"), -1)
        return [RawHit(hit, variant, "id", 1.0, "the query is this entity's id")]
    found: dict[int, RawHit] = {}
    for group in _PLAN:
        add_group_hits(index, variant, group, found)
        if any(map(decisive, found.values())):
            break
    return list(found.values())


def decisive(raw: RawHit) -> bool:
    """A hit that ends the search for looser ones: a strong name, unless it is only thin evidence
    of a layer entity ("Kim" the hamlet must not keep "ông Kim" from the people named Kim)."""
    return raw.hit.name.strong and not thin_evidence(raw.hit.entity, raw.hit.name)


def add_group_hits(index: GazetteerIndex, variant: Variant, group: PlanGroup,
                   found: dict[int, RawHit]) -> None:
    """Add to `found` the hits of one group of look-ups, for names not found already."""
    keys = variant.keys
    folded = folded_similarity(keys)
    for method, table, key_field, similarity in group:
        for name_id in index.name_ids(table, getattr(keys, key_field)):
            if name_id not in found:
                hit = index.hit(name_id)
                close = OTHER_MARKS_SIMILARITY if table == "family_folded" and \
                    other_marks(keys, hit.name.family) else similarity or folded
                found[name_id] = RawHit(hit, variant, method, close)


# A one-word query whose tone marks differ from a family name's is another word ("Thưởng" is
# not the family name "Thường"): a candidate, below a match
OTHER_MARKS_SIMILARITY = 0.9


def other_marks(keys: MatchKeys, family: str | None) -> bool:
    """True when the query and the family name both carry diacritics, and not the same ones."""
    family_keys = cached_keys(family) if family else None
    return family_keys is not None and keys.exact != keys.folded \
        and family_keys.exact != family_keys.folded and family_keys.exact != keys.exact


def folded_similarity(keys: MatchKeys) -> float:
    """How close a folded-key hit is: the same name for a query written without diacritics,
    a little less when the query had diacritics that the name does not share."""
    return 1.0 if keys.exact == keys.folded else 0.94


# (method, table, key field, similarity) look-ups in groups from strict to loose; similarity 0
# stands for the folded one: 1.0 for a query with no diacritics, 0.94 when they were dropped.
PlanGroup = tuple[tuple[str, str, str, float], ...]
_PLAN: tuple[PlanGroup, ...] = (
    (("exact", "exact", "exact", 1.0), ("folded", "folded", "folded", 0.0)),
    (("sorted", "sorted", "sorted", 0.97), ("sorted", "folded", "sorted", 0.97),
     ("compact", "compact", "compact", 0.97), ("compact", "folded", "compact", 0.97)),
    (("family", "family_exact", "exact", 1.0), ("family", "family_folded", "folded", 0.0)),
)
EXACT_GROUP = _PLAN[0]
LOOSER_GROUPS = _PLAN[1:]


SYLLABLE_EDITS = 5  # the letters of a long pinyin syllable and its space ("yuan ", "zhong")


def max_edits(key: str) -> int:
    """Typos tolerated for a key of this length: none for very short keys."""
    length = len(key.replace(" ", ""))
    if length < 5:
        return 0
    return 1 if length < 7 else 2


def fuzzy_hits(index: GazetteerIndex, blocking: Blocking, variant: Variant,
               limit: int = 10) -> list[RawHit]:
    """Typo-tolerant hits from the blocking index (built over the folded keys), scored with fuzz.ratio.

    One search, within the edits the key's length allows. Looser readings (words rotated, one
    edit more) were measured: they lifted recall on rarer inputs but made every unknown name,
    the common case in a CSV column or an article, 1.6-2x slower (bench/README.md). Chinese
    characters are the exception: one wrong or missing character is a whole syllable of the
    key, so such a query that reaches nothing is searched again with room for one syllable.
    """
    key = variant.keys.folded
    edits = max_edits(key)
    if edits == 0:
        return []
    cutoff = max(100.0 * (1 - (edits + 0.5) / max(len(key), 1)), 70.0)  # stricter as keys get shorter
    found = blocking.search(key, edits, limit, cutoff)
    if not found and any(is_han(c) for c in variant.text):
        found = blocking.search(key, max(edits, SYLLABLE_EDITS), limit, cutoff)
    out = []
    for text, score, _ in found:
        detail = f"{score:.0f}% similar to {text!r} after folding"
        out += [RawHit(hit, variant, "fuzzy", score / 100.0, detail) for hit in index.lookup("folded", text)]
    return out
