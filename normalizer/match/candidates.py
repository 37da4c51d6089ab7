"""Candidate generation: every name that a query variant reaches, tier by tier.

Cheap dictionary tiers first (id, exact, folded, order-free, spacing-free); the fuzzy tier runs
only when they found no strong name, with a cutoff that grows stricter as keys get shorter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from normalizer.gazetteer import GazetteerIndex, Hit
from normalizer.gazetteer.derived import derived
from normalizer.gazetteer.layers import thin_evidence
from normalizer.gazetteer.records import ID_PATTERN
from normalizer.match.blocking import Blocking
from normalizer.match.typos import NAME_WORDS, compare, excused_words
from normalizer.model import Entity, Name
from normalizer.text import MatchKeys, fold, is_syllable, marks_lost_only, match_keys
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
    typo: str = ""  # fuzzy: how the letters differ (match.typos.compare)


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
    return raw.hit.name.strong and not thin_name(raw.hit.entity, raw.hit.name)


MAX_THIN_NAMES = 1 << 16  # ~8 MB at most; beyond, names are tested each time
_thin_names: dict[tuple[str, float, bool, str], bool] = {}


def thin_name(entity: Entity, name: Name) -> bool:
    """gazetteer.layers.thin_evidence, remembered by what it reads (the entity's layer and
    prominence, the name's strength and text): it folds the name and tests its syllables,
    ~3 µs, and scoring asks it of every layer hit of every query."""
    if entity.layer is None:
        return False
    key = (entity.layer, entity.weight, name.strong, name.text)
    found = _thin_names.get(key)
    if found is None:
        found = thin_evidence(entity, name)
        if len(_thin_names) < MAX_THIN_NAMES:
            _thin_names[key] = found
    return found


def add_group_hits(index: GazetteerIndex, variant: Variant, group: PlanGroup,
                   found: dict[int, RawHit]) -> None:
    """Add to `found` the hits of one group of look-ups, for names not found already."""
    keys = variant.keys
    folded = folded_similarity(keys)
    for method, table, key_field, similarity in group:
        for name_id in index.name_ids(table, getattr(keys, key_field)):
            if name_id not in found:
                hit = index.hit(name_id)
                if table == "family_folded" and not _family_marks_kept(variant, hit):
                    continue
                close = similarity or folded
                if _other_words(keys, hit, method, table):
                    close = OTHER_MARKS_SIMILARITY
                found[name_id] = RawHit(hit, variant, method, close)


def _other_words(keys: MatchKeys, hit: Hit, method: str, table: str) -> bool:
    """The hit's name, reached by letters without marks, is written with other marks than the
    query's words: other words (below)."""
    if table in MARKED_TABLES and marked_otherwise(keys, hit.entity, hit.name, table):
        return True
    return method == "sorted" and reordered_marked_otherwise(keys, hit.name.text)


def _family_marks_kept(variant: Variant, hit: Hit) -> bool:
    """A family name reached by its folded key only when the query lost marks rather than wrote
    others: "Tùng" (Son Tung M-TP) is not "Tung" (Tung Chee-hwa), nor "Thưởng" "Thường"."""
    family = hit.name.family
    if variant.keys.exact == variant.keys.folded or family is None:
        return True
    return marks_lost_only(variant.text, family)


# A query whose word carries marks other than the name's word of the same letters writes another
# word ("Đông Xuyên" is not "Đồng Xuyên", "Thưởng" is not the family name "Thường"): a candidate,
# below a match. A word without marks only lost them ("Pham Minh Chinh"). Said of people and of
# layer entities, whose names are many and alike; a curated place or body keeps its typos
# ("Nhất Bàn" is still Japan).
OTHER_MARKS_SIMILARITY = 0.84
MARKED_TABLES: dict[str, Callable[[Name], str | None]] = {
    "folded": lambda name: name.text, "family_folded": lambda name: name.family}


def marked_otherwise(keys: MatchKeys, entity: Entity, name: Name, table: str = "folded") -> bool:
    """True when a folded-key hit of this entity's name reads as another word (above): by that
    name, or by another of the entity's with the same letters (the English "Vo Van Thuong" has
    no marks; "Võ Văn Thưởng" says "Võ Văn Thương" is someone else)."""
    if keys.exact == keys.folded or not (entity.type == "person" or entity.layer is not None):
        return False
    if table == "folded":
        return any(other_marks(keys, n.text) for n in entity.names
                   if (found := cached_keys(n.text)) is not None and found.folded == keys.folded)
    return other_marks(keys, MARKED_TABLES[table](name))


def other_marks(keys: MatchKeys, text: str | None) -> bool:
    """True when a word of the query and the same word of `text`, Vietnamese syllables equal
    without diacritics, both carry diacritics, and not the same ones."""
    theirs = cached_keys(text) if text else None
    if theirs is None or keys.exact == keys.folded or theirs.exact == keys.exact:
        return False
    mine_words, their_words = keys.exact.split(" "), theirs.exact.split(" ")
    if len(mine_words) != len(their_words):
        return False
    return any(_marked_otherwise(mine, their) for mine, their in zip(mine_words, their_words, strict=True))


def reordered_marked_otherwise(keys: MatchKeys, text: str) -> bool:
    """other_marks for a hit of the words in another order, of any entity: words in another order
    and written with other marks are other words twice over ("Đình Triệu", a goalkeeper, is not
    "triều Đinh", the Đinh dynasty). The words are paired by their letters without marks."""
    theirs = cached_keys(text)
    if theirs is None or keys.exact == keys.folded:
        return False
    def letters(word: str) -> str:
        return fold(word) or word
    mine, their = sorted(keys.exact.split(" "), key=letters), sorted(theirs.exact.split(" "), key=letters)
    if len(mine) != len(their):
        return False
    return any(_marked_otherwise(m, t) for m, t in zip(mine, their, strict=True))


_LATIN_WORD = re.compile(r"[a-zà-ɏḀ-ỿ]+")  # Latin letters with their accents (Vietnamese: ạ-ỹ)


def _marked_otherwise(mine: str, their: str) -> bool:
    if mine == their or not _LATIN_WORD.fullmatch(mine):
        return False
    bare = fold(mine)
    return bare is not None and bare != mine and bare == fold(their) != their and is_syllable(bare, bare)


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
    words = derived(index, NAME_WORDS)
    for text, score, _ in found:
        detail = f"{score:.0f}% similar to {text!r} after folding"
        for hit in index.lookup("folded", text):
            person = hit.entity.type == "person"
            excused = excused_words(variant.text, hit.name.text, person)
            out.append(RawHit(hit, variant, "fuzzy", score / 100.0, detail,
                              compare(key, text, words, person, excused)))
    return out
