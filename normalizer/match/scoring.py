"""Scoring: each raw hit becomes a candidate through a list of named, weighted features.

The base score comes from the method and how similar the names are; the other features adjust
it and each one leaves a sentence in the explanation.
"""

from __future__ import annotations

from dataclasses import dataclass

from normalizer.gazetteer.layers import little_known
from normalizer.match.candidates import RawHit, thin_name
from normalizer.match.typos import ONE_TYPO, OTHER_SYLLABLE, RENAMED, rotated
from normalizer.model import Candidate, Feature
from normalizer.text import fold

METHOD_BASE = {
    "id": 1.0, "exact": 1.0, "folded": 0.94, "sorted": 0.93, "compact": 0.93,
    "family": 0.86, "translit": 0.88, "fuzzy": 0.97, "phonetic": 0.9,
}
METHOD_WORDS = {
    "id": "identifier", "exact": "exact name", "folded": "same letters without diacritics",
    "sorted": "same words in another order", "compact": "same letters with other spacing",
    "family": "family name",
    "translit": "transliteration", "fuzzy": "similar spelling", "phonetic": "similar sound",
}
WEAK_KIND_FACTOR = {"abbreviation": 0.97, "misspelling": 0.95}
GENERATED_FACTOR = 0.94  # a reading a layer's script computed ("Văn An" for 文安), not one it read
THIN_PENALTY = 0.25  # a layer entity named by little (gazetteer.layers.thin_evidence): a candidate at most
WEAK_NAME = "weak_name"  # the feature a weak name adds: how a candidate says its name was weak
FUZZY_PENALTY = 0.08
SYLLABLE_PENALTY = 0.1  # a fuzzy 0.82 to another syllable drops below the match threshold
ORDER_PENALTY = 0.15  # a sorted 0.93 to a person's words in another order drops below it
# A fuzzy hit one typo away in a long name (match.typos) scores at least this: just over the
# match threshold, so that any other candidate as close makes a tie.
ONE_TYPO_FLOOR = 0.83


@dataclass(frozen=True, slots=True)
class Context:
    """What the query says besides the name: a title, a country it mentions, a type filter."""

    person_title: str | None = None
    title: str | None = None
    named_id: str | None = None  # the entity the context names: a country, place or organization
    named_text: str | None = None
    # A person it does not fit is unlikely: true of a country, not of an organization, whose
    # members' roles the gazetteer knows only in part.
    binding: bool = True


def weak_name_loss(weight: float, kind: str, generated: bool = False) -> float:
    """What a name of this kind takes off a hit's weight: a share for a weak kind or a generated
    reading, else 0."""
    factor = GENERATED_FACTOR if generated else WEAK_KIND_FACTOR.get(kind)
    return 0.0 if factor is None else weight * (1 - factor)


def _base(raw: RawHit) -> Feature:
    base = METHOD_BASE[raw.method] * raw.similarity
    if raw.method == "fuzzy":
        base -= FUZZY_PENALTY
    name = raw.hit.name
    what = f"{METHOD_WORDS[raw.method]} match on {name.lang} {name.kind} name {name.text!r}"
    if raw.detail:
        what += f" ({raw.detail})"
    return Feature(raw.method, base, what)


def _features(raw: RawHit, context: Context, agreeing: int) -> list[Feature]:
    name, entity = raw.hit.name, raw.hit.entity
    features = [_base(raw)]
    if name.kind in WEAK_KIND_FACTOR or name.generated:
        loss = weak_name_loss(features[0].weight, name.kind, name.generated)
        what = "generated readings" if name.generated else f"{name.kind} names"
        features.append(Feature(WEAK_NAME, -loss, f"{what} are weak evidence"))
    features += _letter_features(raw, features[0].weight)
    if thin_hit(raw):
        features.append(Feature("thin", -THIN_PENALTY, f"a little-known {entity.layer} entry "
                                f"(prominence {entity.weight:.2f}) named by little"))
    if name.used_by:
        features.append(Feature("contested", 0.0, f"name used by {', '.join(name.used_by)}"))
    if context.person_title:
        if entity.type == "person":
            features.append(Feature("title", 0.0, f"title {context.person_title!r} fits a person"))
        else:
            features.append(Feature("title", -0.25, f"title {context.person_title!r} needs a person"))
    if context.named_id:
        if entity.related_to(context.named_id):
            features.append(Feature("context", 0.02, f"context {context.named_text!r} fits"))
        elif entity.type == "person" and context.binding:
            features.append(Feature("context", -0.1, f"context {context.named_text!r} does not fit"))
    if agreeing > 1:
        features.append(Feature("alternatives", 0.03, f"{agreeing} alternative forms agree"))
    return features


def _letter_features(raw: RawHit, base: float) -> list[Feature]:
    """What the query's letters say beside the score (match.typos): one typo in a long name, a
    word of another name, a person's words in another order than turned round."""
    person = raw.hit.entity.type == "person"
    out = []
    if raw.typo == ONE_TYPO:  # also above the floor, at weight 0: decision.decide reads it in a tie
        out.append(Feature("one_typo", max(ONE_TYPO_FLOOR - base, 0.0), "one typo away in a long name"))
    if raw.typo == RENAMED or (raw.typo == OTHER_SYLLABLE and person):
        what = "a word of the query is another name's word" if raw.typo == RENAMED else \
            "a syllable of the name differs, not a letter"
        out.append(Feature("syllable", -SYLLABLE_PENALTY, f"{what}: another name"))
    if raw.method == "sorted" and person and \
            not rotated(raw.variant.keys.folded, fold(raw.hit.name.text) or ""):
        out.append(Feature("order", -ORDER_PENALTY, "the given names in another order: another "
                           "person's name"))
    return out


def thin_hit(raw: RawHit) -> bool:
    """A layer entity reached by little: a thin name (gazetteer.layers.thin_evidence), or a
    little-known one reached other than by its name's letters ("lao động" is not the hamlet
    "Dong Lao" by another word order), or by a lower-case query for a capitalized name ("trung
    tâm" is a word, not the hamlet "Trung Tâm")."""
    entity, name = raw.hit.entity, raw.hit.name
    if thin_name(entity, name):
        return True
    if not little_known(entity):
        return False
    return raw.method not in EXACT_METHODS or (raw.variant.text.islower() and not name.text.islower())


EXACT_METHODS = frozenset({"id", "exact", "folded"})
NO_CONTEXT = Context()
MAX_CACHED_CANDIDATES = 200_000
CandidateCache = dict[tuple[str, int, str, float, str, bool], Candidate]


def score_hit(raw: RawHit, context: Context, agreeing: int = 1,
              cache: CandidateCache | None = None) -> Candidate:
    """The candidate for one hit. Most hits carry no title, context or alternatives: then the
    candidate depends on the hit alone (and, for a layer entity, on whether the query's case
    makes it thin: thin_hit), and `cache` (owned by one index's matcher) keeps it."""
    if cache is None or context is not NO_CONTEXT or agreeing > 1 or raw.method == "fuzzy":
        # An equal context copy just misses. A fuzzy hit's candidate depends on the query's folded
        # letters (match.typos), which a later query shares only when it differs in diacritics
        # alone: keyed by them, the entry costs more to make than its rare hits save.
        return _score(raw, context, agreeing)
    # A sorted hit's features read the query's letters (match.typos), not only its score
    detail = f"{raw.detail}\0{raw.variant.keys.folded}" if raw.method == "sorted" else raw.detail
    key = (raw.hit.entity.id, raw.hit.name_id, raw.method, raw.similarity, detail,
           raw.hit.entity.layer is not None and thin_hit(raw))
    found = cache.get(key)
    if found is None:
        found = _score(raw, NO_CONTEXT, 1)
        if len(cache) < MAX_CACHED_CANDIDATES:
            cache[key] = found
    return found


def _score(raw: RawHit, context: Context, agreeing: int) -> Candidate:
    features = _features(raw, context, agreeing)
    score = min(1.0, max(0.0, sum(f.weight for f in features)))
    entity = raw.hit.entity
    return Candidate(
        id=entity.id, name=entity.name, type=entity.type, score=score,
        matched_name=raw.hit.name.text, method=raw.method,
        explanation="; ".join(f.detail for f in features), features=tuple(features),
        prominence=entity.weight, layer=entity.layer,
    )


def best_per_entity(hits: list[RawHit], context: Context,
                    cache: CandidateCache | None = None) -> list[Candidate]:
    """One candidate per entity, its best-scoring hit, best first."""
    agreeing: dict[str, set[str]] = {}
    for raw in hits:
        if raw.variant.role == "alternative":
            agreeing.setdefault(raw.hit.entity.id, set()).add(raw.variant.keys.exact)
    if len(hits) == 1 and not agreeing:  # the usual exact hit
        return [score_hit(hits[0], _context_of(hits[0], context), 0, cache)]
    best: dict[str, Candidate] = {}
    for raw in hits:
        entity_id = raw.hit.entity.id
        candidate = score_hit(raw, _context_of(raw, context), len(agreeing.get(entity_id, ())), cache)
        if entity_id not in best or candidate.score > best[entity_id].score:
            best[entity_id] = candidate
    return sorted(best.values(), key=ranking)


def ranking(candidate: Candidate) -> tuple[float, bool, float, str]:
    """Best first: by score, then curated before generated layers, then by prominence
    (namesakes), then by id (only to be stable)."""
    return -candidate.score, candidate.layer is not None, -candidate.prominence, candidate.id


def _context_of(raw: RawHit, context: Context) -> Context:
    """No title or country context for a hit of the query as written: a name that holds the words
    taken for a title ("General Administration of Customs", "DR Congo") was read whole."""
    return NO_CONTEXT if raw.variant.role == "full" else context
