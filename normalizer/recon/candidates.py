"""One reconciliation query -> candidates: resolve the names (and ids), keep the asked types (or,
with type_strict "should", lower the others), weigh the property conditions (country, type,
iso3166, native_name), then rank (ties: normalizer.recon.ties) and cut.

Scores are the resolver's 0..1 scores times 100. `match` is true only for the candidate the
resolver matched (status "matched"), never for one a property condition contradicts, and for
none when several names or ids of one query match different entities.
Each candidate carries the resolver's features (its explanation, one feature per step) plus one
per property condition. Candidates are read from the service's in-memory index, the one that
resolved them; an id condition reads service.entity (current at once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from normalizer.model import Candidate, Entity, Feature
from normalizer.recon.conditions import fit, fit_feature, value_sets
from normalizer.recon.errors import ReconError
from normalizer.recon.queries import PropertyCondition, ReconQuery
from normalizer.recon.ties import documented, gender_clash, title_gender
from normalizer.recon.types import TYPE_NAMES, type_ref
from normalizer.service import MAX_LIMIT, InvalidQuery, Normalizer

SCORE_SCALE = 100  # the manifest declares standardizedScore: scores are 0..100
CONTRADICTED = 0.5  # a candidate a (non-required) property condition contradicts keeps half its score
# type_strict "should": another type keeps 0.8 of its score, so an exact name of another type (100 ->
# 80) stays below a fair match of the asked type, and is never a match on its own.
OTHER_TYPE = 0.8


@dataclass(slots=True)
class Scored:
    """A candidate on its way out: the entity, a 0..1 score, the match decision and the features."""

    entity: Entity
    score: float
    match: bool
    features: list[dict[str, Any]] = field(default_factory=list)
    gender: str | None = None  # the gender the query's title says ("Ông": male), for ties
    order: int = 0  # the resolver's rank, the last tie-breaker


def reconcile(service: Normalizer, query: ReconQuery) -> list[dict[str, Any]]:
    """Candidates for one query, best first, at most query.limit; [] when it names nothing."""
    found = _merge(_by_id(service, query) + _by_name(service, query))
    if query.types_preferred:
        _lower_other_types(found, query.types)
    _note_gender_clashes(found)
    for condition in query.entity_conditions:
        found = _apply(found, condition, value_sets(service, condition, f"queries.{query.key}"))
    if sum(s.match for s in found) > 1:  # names or ids that match different entities: none is certain
        for scored in found:
            scored.match = False
    found.sort(key=_rank)
    return [_candidate_dict(s) for s in found[:query.limit]]


def _rank(scored: Scored) -> tuple[float, bool, bool, float, int, int]:
    """Best first: the score (as shown, rounded), then ties: a title's gender the entity does not
    contradict, curated before generated layers, prominence, how well the gazetteer documents it,
    and the resolver's own order."""
    entity = scored.entity
    return (-round(scored.score * SCORE_SCALE, 2), gender_clash(scored.gender, entity),
            entity.layer is not None, -entity.weight, -documented(entity), scored.order)


def _note_gender_clashes(found: list[Scored]) -> None:
    for scored in found:
        if gender_clash(scored.gender, scored.entity):
            scored.features.append(_feature("title_gender", f"the title says {scored.gender}; "
                                            "the entity's description does not", False))


def _lower_other_types(found: list[Scored], types: tuple[str, ...]) -> None:
    for scored in found:
        if types and scored.entity.type not in types:
            scored.score *= OTHER_TYPE
            scored.match = False
            asked = " or ".join(TYPE_NAMES[t] for t in types)
            scored.features.append(_feature("other_type", f"not of the type asked for ({asked})", False))


def _by_id(service: Normalizer, query: ReconQuery) -> list[Scored]:
    found = []
    for entity_id in query.ids:
        entity = service.entity(entity_id)
        if entity and _type_ok(entity, query):
            found.append(Scored(entity, 1.0, True, [_feature("id", f"identifier {entity_id!r}", 1.0)]))
    return found


def _by_name(service: Normalizer, query: ReconQuery) -> list[Scored]:
    # Always the most candidates the resolver gives: filters (types, conditions) and the ties
    # broken here choose among more than `limit`.
    strict = len(query.types) == 1 and not query.types_preferred
    type = query.types[0] if strict else None
    index = service.index  # the in-memory snapshot the resolver used: no database read per candidate
    found = []
    for name in query.names:
        resolution = _resolve(service, name, type, query, f"queries.{query.key}")
        matched = resolution.match.id if resolution.status == "matched" and resolution.match else None
        gender = title_gender(resolution.parsed.title if resolution.parsed else None)
        for order, candidate in enumerate(resolution.candidates):
            entity = index.get(candidate.id)
            if entity and _type_ok(entity, query):
                found.append(Scored(entity, candidate.score, candidate.id == matched, _features(candidate),
                                    gender, order))
    return found


def _resolve(service: Normalizer, name: str, type: str | None, query: ReconQuery, path: str) -> Any:
    """The resolution of one name of the query, on its `date` and against its `country` (a value
    that names no country reads nothing: the condition then weighs the candidates alone)."""
    country = query.country
    try:
        service.scope(None, country)
    except InvalidQuery:
        country = None
    try:
        return service.resolve(name, type, MAX_LIMIT, query.date, country)
    except InvalidQuery as exc:
        raise ReconError(f"{path}.{'properties' if exc.field == 'date' else 'query'}", str(exc)) from None


def _type_ok(entity: Entity, query: ReconQuery) -> bool:
    return not query.types or query.types_preferred or entity.type in query.types


def _merge(found: list[Scored]) -> list[Scored]:
    """One candidate per entity: the best score; matched if any name or id matched it."""
    best: dict[str, Scored] = {}
    for scored in found:
        kept = best.get(scored.entity.id)
        if kept is None or scored.score > kept.score:
            best[scored.entity.id] = scored
            scored.match = scored.match or bool(kept and kept.match)
        elif scored.match:
            kept.match = True
    return list(best.values())


def _apply(found: list[Scored], condition: PropertyCondition, sets: list[frozenset[str]]) -> list[Scored]:
    """Required: keep only fitting candidates. Otherwise a contradiction halves the score and
    rules out a match; an entity without a value for the property is left as it is."""
    kept = []
    for scored in found:
        fits = fit(scored.entity, condition, sets)
        if condition.required and fits is not True:
            continue
        scored.features.append(fit_feature(fits, condition))
        if fits is False:
            scored.score *= CONTRADICTED
            scored.match = False
        kept.append(scored)
    return kept


def _features(candidate: Candidate) -> list[dict[str, Any]]:
    return [_from_feature(f) for f in candidate.features]


def _from_feature(feature: Feature) -> dict[str, Any]:
    return _feature(feature.name, feature.detail or feature.name, round(feature.weight, 4))


def _feature(id: str, name: str, value: bool | float) -> dict[str, Any]:
    return {"id": id, "name": name, "value": value}


def _unique_ids(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Feature ids must be unique per candidate: a repeated one gets a counter ("country_2")."""
    seen: dict[str, int] = {}
    out = []
    for feature in features:
        count = seen[feature["id"]] = seen.get(feature["id"], 0) + 1
        out.append(feature if count == 1 else {**feature, "id": f"{feature['id']}_{count}"})
    return out


def _candidate_dict(scored: Scored) -> dict[str, Any]:
    entity = scored.entity
    out: dict[str, Any] = {"id": entity.id, "name": entity.name}
    if entity.description:
        out["description"] = entity.description
    out["score"] = round(scored.score * SCORE_SCALE, 2)
    out["match"] = scored.match
    out["type"] = [type_ref(entity.type)]
    out["features"] = _unique_ids(scored.features)
    return out
