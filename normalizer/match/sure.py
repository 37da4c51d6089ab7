"""Names whose resolution is certain before the pipeline runs: the table behind
`Matcher.named_exactly`, one dict lookup on the raw text instead of a 50-90 µs first-sight resolve
(and, for a query written otherwise, its keys and two look-ups: `SureNames.by_keys`).

A text is in the table (`by_text`), for its entity, when it is a name of that entity, written plainly
(`is_plain`: parse leaves it whole) and no entity's id, and the exact and folded buckets of its
keys hold names of that entity only. Then `Matcher.resolve` looks up these two buckets first
(the text's keys are this name's keys), and only this entity's names are hit:

- when one of them is strong, the pipeline stops there and scores one entity: its best hit, an
  exact hit (a folded one scores at most 0.94), is matched. The score is 1.0 when the exact
  bucket holds a strong name, else the weak-kind factor of its best name there;
- when all are weak (an abbreviation alone), the looser tiers run and may add other entities,
  but none of their hits can score more than LOOSER_BEST, so the exact hit is matched when its
  score leads that by more than the decision's margin: true of abbreviations (0.97), not of
  misspellings (0.95 against 0.90), which stay with the pipeline.
"""

from __future__ import annotations

from typing import NamedTuple

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import Kind
from normalizer.gazetteer.layers import little_known, thin_evidence
from normalizer.match.candidates import LOOSER_GROUPS, folded_similarity, marked_otherwise
from normalizer.match.decision import MARGIN, MATCH_THRESHOLD
from normalizer.match.scoring import FUZZY_PENALTY, METHOD_BASE, weak_name_loss
from normalizer.model import NAME_KINDS, Entity, Name
from normalizer.names import is_plain
from normalizer.text import MatchKeys
from normalizer.text.fold import keys_from

# The best score a hit of any tier after exact and folded can reach without context (sorted and
# compact keys, family names, transliteration, fuzzy).
LOOSER_BEST = max(
    *(METHOD_BASE[method] * (similarity or 1.0)  # 0 stands for the folded similarity, at most 1
      for group in LOOSER_GROUPS for method, *_, similarity in group),
    METHOD_BASE["translit"], METHOD_BASE["phonetic"], METHOD_BASE["fuzzy"] - FUZZY_PENALTY,
)


class SureMatch(NamedTuple):
    """What resolve is certain to answer: this entity, matched by this method at this score."""

    entity: Entity
    score: float
    method: str = "exact"


def exact_score(kind: str) -> float:
    """The score of an exact hit on a name of this kind with no context, as scoring adds it up
    (the base, less the weak-name feature's loss)."""
    base = METHOD_BASE["exact"]
    return base - weak_name_loss(base, kind)


# A curated exact hit at or above this wins a tie with any layer hit (1.0) with room to spare.
LAYER_TIE_SAFE = 0.96


def sure_on_its_own(score: float) -> bool:
    """True when an exact hit at `score` is matched whatever the looser tiers add."""
    return score >= MATCH_THRESHOLD and score - LOOSER_BEST > MARGIN


class SureNames:
    """The matches resolve is certain to give: by a query's text, for the names as written (one
    look-up), and by its keys, for a plain query written otherwise (case, spacing, diacritics)."""

    def __init__(self, index: GazetteerIndex):
        """The table of an index; it keeps no reference to the index (gazetteer.derived)."""
        self._buckets = _Buckets(index)
        self.by_text = self._by_text(index)
        self.keys = _keys_by_text(index, self.by_text)

    def _by_text(self, index: GazetteerIndex) -> dict[str, SureMatch]:
        buckets = self._buckets
        table = {}
        for name_id, name in index.live_names():
            if buckets.alone[name_id] and (score := buckets.sure_score(name_id)) and is_plain(name.text):
                owner = _owner(index, name_id)
                if _plainly_scored(owner, name):
                    table[name.text] = SureMatch(owner, score)
        for entity_id in table.keys() & index.entities.keys():  # an id is read as the id
            del table[entity_id]
        return table

    def by_keys(self, index: GazetteerIndex, keys: MatchKeys) -> SureMatch | None:
        """For a plain query that is no id, with these keys. When its exact key is a name's, the
        buckets are that name's (the folded key is a function of the exact one): as `by_text`.
        Else only the folded bucket is hit, each name at 0.94 x the folded similarity (less for a
        weak one): sure when the bucket is one entity's and holds a strong name, which ends the
        search there."""
        buckets = self._buckets
        exact = index.name_ids("exact", keys.exact)
        if exact:
            score = buckets.sure_score(exact[0]) if buckets.alone[exact[0]] else None
            names = index.name_of
            if not score or not any(_plainly_scored(_owner(index, i), names[i], True) for i in exact):
                return None
            return SureMatch(_owner(index, exact[0]), score)
        folded = index.name_ids("folded", keys.folded)
        if not folded or not buckets.alone[folded[0]]:
            return None
        names = index.name_of
        if not any(names[i].strong and _plainly_scored(_owner(index, i), names[i], True)
                   for i in folded):
            return None
        if any(marked_otherwise(keys, _owner(index, i), names[i]) for i in folded):
            return None  # another word, scored lower (match.candidates)
        similar = METHOD_BASE["folded"] * folded_similarity(keys)
        return SureMatch(_owner(index, folded[0]), similar, "folded")


NameKeys = str | tuple[str, str]  # a name's exact key, or (exact, folded) when they differ


def _keys_by_text(index: GazetteerIndex, texts: dict[str, SureMatch]) -> dict[str, NameKeys]:
    """The exact and folded keys of each text of the table, read off the index's own tables (the
    keys it filed the name under, `match_keys` of the text): a query that is one of these names
    as written needs no cleanup, parsing or keying (`Matcher.resolve`). The key strings are the
    tables' own objects, so only the mapping and, for the half of the names whose keys differ
    (diacritics), a pair cost memory (16 MB at the full size)."""
    exact, folded = _key_of_name(index, "exact"), _key_of_name(index, "folded")
    return {name.text: exact[i] if exact[i] == folded[i] else (exact[i], folded[i])
            for i, name in index.live_names() if name.text in texts}


def name_keys(found: NameKeys) -> MatchKeys:
    """The match keys of a text from its entry in `SureNames.keys`."""
    return keys_from(found, found) if isinstance(found, str) else keys_from(*found)


def _key_of_name(index: GazetteerIndex, tier: str) -> list[str]:
    """Per name number, its key in this tier ("" for a name the tier does not hold)."""
    key_of = [""] * index.name_count
    for key, found in index.tables[tier].items():
        if isinstance(found, list):
            for name_id in found:
                key_of[name_id] = key
        else:
            key_of[found] = key
    return key_of


def _owner(index: GazetteerIndex, name_id: int) -> Entity:
    return index.entities[index.name_owner[name_id]]


def _plainly_scored(entity: Entity, name: Name, otherwise_written: bool = False) -> bool:
    """True when a hit on this name scores as its kind alone says (exact_score): not a generated
    reading, not a layer entity named by little (scoring.thin_hit); for a query written otherwise
    (case, diacritics), not a little-known layer entity, whose case must fit."""
    if otherwise_written and little_known(entity):
        return False
    return not name.generated and not thin_evidence(entity, name)


class _Buckets:
    """Per name, what its exact and folded buckets hold, from one pass over their postings (an
    int is one name, a list several), not a key computed per name.

    A bucket where one curated entity meets generated layers' namesakes is that entity's: the
    decision prefers the curated candidate when it scores within the margin of the best, which
    its exact hit of a strong name or an abbreviation does (not a misspelling's 0.95)."""

    def __init__(self, index: GazetteerIndex):
        names, owner, entities = index.name_of, index.name_owner, index.entities
        self.alone = bytearray(b"\x01") * index.name_count  # buckets of one entity's names
        by_kind = {kind: exact_score(kind) for kind in NAME_KINDS}  # one float each, not per name
        self.best = [by_kind[name.kind] for name in names]  # the best exact hit in its bucket
        self.strong_hit = bytearray(name.strong for name in names)  # a strong name in either
        for tier in ("exact", "folded"):
            for found in index.tables[tier].values():
                if found.__class__ is list:
                    layered = {i for i in found if entities[owner[i]].layer}
                    curated = [i for i in found if i not in layered] if layered else found
                    self._share(found, curated or found, tier, {owner[i] for i in curated or found}, names)

    def _share(self, bucket: list[int], own: list[int], tier: str, owners: set[str],
               names: list[Name]) -> None:
        """`own`: the bucket's names that decide it (the curated ones, when there are any)."""
        if len(owners) > 1:
            for name_id in bucket:
                self.alone[name_id] = 0
            return
        for name_id in bucket:
            if name_id not in own:
                self.alone[name_id] = 0  # a layer's namesake of a curated entity never wins
        if any(names[i].strong for i in bucket):
            for name_id in own:
                self.strong_hit[name_id] = 1
        if tier == "exact":
            best = max(self.best[i] for i in own)
            for name_id in own:
                self.best[name_id] = best
            if len(own) < len(bucket) and best < LAYER_TIE_SAFE:
                for name_id in own:
                    self.alone[name_id] = 0

    def sure_score(self, name_id: int) -> float | None:
        score = self.best[name_id]
        if self.strong_hit[name_id] or sure_on_its_own(score):
            return score
        return None


SURE_NAMES: Kind[SureNames] = Kind("sure-names", SureNames)
