"""Names whose resolution is certain before the pipeline runs: the table behind
`Matcher.named_exactly`, one dict lookup on the raw text instead of a 50-90 µs first-sight resolve.

A text is in the table, for its entity, when it is a name of that entity, written plainly
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
from normalizer.match.candidates import LOOSER_GROUPS
from normalizer.match.decision import MARGIN, MATCH_THRESHOLD
from normalizer.match.scoring import FUZZY_PENALTY, METHOD_BASE, WEAK_KIND_FACTOR
from normalizer.model import Entity, Name
from normalizer.names import is_plain

# The best score a hit of any tier after exact and folded can reach without context (sorted and
# compact keys, family names, transliteration, fuzzy).
LOOSER_BEST = max(
    *(METHOD_BASE[method] * (similarity or 1.0)  # 0 stands for the folded similarity, at most 1
      for group in LOOSER_GROUPS for method, *_, similarity in group),
    METHOD_BASE["translit"], METHOD_BASE["fuzzy"] - FUZZY_PENALTY,
)


class SureMatch(NamedTuple):
    """What resolve is certain to answer: this entity, matched by an exact name at this score."""

    entity: Entity
    score: float


SureNames = dict[str, SureMatch]


def exact_score(name: Name) -> float:
    """The score of an exact hit on this name with no context (scoring's base and weak-name
    features)."""
    return METHOD_BASE["exact"] * WEAK_KIND_FACTOR.get(name.kind, 1.0)


def sure_on_its_own(score: float) -> bool:
    """True when an exact hit at `score` is matched whatever the looser tiers add."""
    return score >= MATCH_THRESHOLD and score - LOOSER_BEST > MARGIN


def sure_names(index: GazetteerIndex) -> SureNames:
    """Text -> the match resolve is certain to give, for every name where it is certain."""
    buckets = _Buckets(index)
    entities, owner = index.entities, index.name_owner
    table = {}
    for name_id, name in enumerate(index.name_of):
        if buckets.alone[name_id] and (score := buckets.sure_score(name_id)) and is_plain(name.text):
            table[name.text] = SureMatch(entities[owner[name_id]], score)
    for entity_id in table.keys() & entities.keys():  # an id is read as the id
        del table[entity_id]
    return table


class _Buckets:
    """Per name, what its exact and folded buckets hold, from one pass over their postings (an
    int is one name, a list several), not a key computed per name."""

    def __init__(self, index: GazetteerIndex):
        names, owner = index.name_of, index.name_owner
        self.alone = bytearray(b"\x01") * index.name_count  # buckets of one entity's names
        self.best = [exact_score(name) for name in names]  # the best exact hit in its bucket
        self.strong_hit = bytearray(name.strong for name in names)  # a strong name in either
        for tier in ("exact", "folded"):
            for found in index.tables[tier].values():
                if found.__class__ is list:
                    self._share(found, tier, {owner[i] for i in found}, names)

    def _share(self, bucket: list[int], tier: str, owners: set[str], names: list[Name]) -> None:
        if len(owners) > 1:
            for name_id in bucket:
                self.alone[name_id] = 0
            return
        if any(names[i].strong for i in bucket):
            for name_id in bucket:
                self.strong_hit[name_id] = 1
        if tier == "exact":
            best = max(self.best[i] for i in bucket)
            for name_id in bucket:
                self.best[name_id] = best

    def sure_score(self, name_id: int) -> float | None:
        score = self.best[name_id]
        if self.strong_hit[name_id] or sure_on_its_own(score):
            return score
        return None
