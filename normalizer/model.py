"""Frozen value types shared by every layer: entities, names, candidates, resolutions, mentions.

Standard library only. `to_dict` methods give the public JSON shapes of DESIGN.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("person", "country", "place", "organization", "event")
NAME_KINDS = ("preferred", "alias", "abbreviation", "historic", "misspelling", "native")
STRONG_KINDS = frozenset({"preferred", "alias", "historic", "native"})
STATUSES = ("matched", "ambiguous", "unmatched")
CURATED_PROMINENCE = 0.8  # what a curated entity weighs when it gives no prominence of its own


@dataclass(frozen=True, slots=True)
class Name:
    text: str
    lang: str
    kind: str
    source: str
    family: str | None = None
    used_by: tuple[str, ...] = ()
    ambiguous: bool = False
    generated: bool = False  # made by a layer's script (a computed reading), not read from a source

    @property
    def strong(self) -> bool:
        """Strong names identify their entity; weak ones (abbreviations, misspellings, readings a
        layer's script generated) only hint."""
        return self.kind in STRONG_KINDS and not self.generated

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "lang": self.lang, "kind": self.kind}
        if self.family:
            out["family"] = self.family
        if self.used_by:
            out["used_by"] = list(self.used_by)
        if self.ambiguous:
            out["ambiguous"] = True
        if self.generated:
            out["generated"] = True
        out["source"] = self.source
        return out


# Offices a role can be an instance of: what "Thủ tướng Nhật Bản" or "Ngoại trưởng Mỹ" refers to
# on a date, whatever the office is called where it is held (Premier, Chancellor, Secretary of State).
OFFICES = (
    "head-of-state", "head-of-government", "vice-president", "deputy-head-of-government",
    "foreign-minister", "defense-minister", "finance-minister", "trade-minister", "interior-minister",
    "public-security-minister", "justice-minister", "chief-cabinet-secretary",
    "foreign-ministry-spokesperson", "party-leader", "legislature-speaker", "central-bank-governor",
    "ambassador-to-vietnam", "head", "mayor", "governor", "party-secretary", "coach", "chief-executive",
)


@dataclass(frozen=True, slots=True)
class Role:
    """A position held: `office` (one of OFFICES) says which kind, `of` where (a country, city,
    province or organization id); `acting` marks an interim holder."""

    title: str
    of: str | None = None
    start: str | None = None
    end: str | None = None
    office: str | None = None
    acting: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title}
        for key in ("office", "of", "start", "end"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.acting:
            out["acting"] = True
        return out


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str
    name: str
    names: tuple[Name, ...]
    description: str | None = None
    country: str | None = None
    external_ids: tuple[tuple[str, str], ...] = ()
    roles: tuple[Role, ...] = ()
    revision: int = 1
    prominence: float | None = None  # 0..1; None: the default of its origin (CURATED_PROMINENCE)
    layer: str | None = None  # the generated layer it comes from; None for curated entities

    @property
    def weight(self) -> float:
        """The prominence that breaks ties between namesakes (curated entities count as 0.8)."""
        return self.prominence if self.prominence is not None else CURATED_PROMINENCE

    def related_to(self, entity_id: str) -> bool:
        """True when this entity is `entity_id`, belongs to it (`country`) or held a role of it."""
        return entity_id in (self.id, self.country) or any(r.of == entity_id for r in self.roles)

    def to_dict(self) -> dict[str, Any]:
        """The gazetteer form: the fields of gazetteer/README.md in their order, empty ones left out."""
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        if self.description:
            out["description"] = self.description
        if self.country:
            out["country"] = self.country
        if self.prominence is not None:
            out["prominence"] = self.prominence
        if self.external_ids:
            out["external_ids"] = dict(self.external_ids)
        if self.roles:
            out["roles"] = [r.to_dict() for r in self.roles]
        out["names"] = [n.to_dict() for n in self.names]
        return out


@dataclass(frozen=True, slots=True)
class Feature:
    """One named contribution to a candidate's score, kept so the result can explain itself."""

    name: str
    weight: float
    detail: str


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    name: str
    type: str
    score: float
    matched_name: str
    method: str
    explanation: str
    features: tuple[Feature, ...] = ()
    prominence: float = CURATED_PROMINENCE  # the entity's weight (Entity.weight), for ties
    layer: str | None = None  # the generated layer of the entity (None: curated), for ties

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "score": round(self.score, 4),
            "matched_name": self.matched_name, "method": self.method,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Parsed:
    """What name parsing found in a query: the bare name, a title, context and alternatives."""

    name: str
    title: str | None = None
    context: str | None = None
    alternatives: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "name": self.name}
        if self.context:
            out["context"] = self.context
        if self.alternatives:
            out["alternatives"] = list(self.alternatives)
        return out


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An English rendering proposed for a name nothing matched (e.g. a pinyin reading), with
    the name's likely origin (normalizer.translit.origin) and how sure the rendering is (0..1)."""

    text: str
    method: str
    alternatives: tuple[str, ...] = ()
    origin: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "method": self.method, "alternatives": list(self.alternatives),
                "origin": self.origin, "confidence": self.confidence}


@dataclass(frozen=True, slots=True)
class Resolution:
    query: str
    status: str
    match: Candidate | None
    candidates: tuple[Candidate, ...] = ()
    parsed: Parsed | None = None
    suggestion: Suggestion | None = None
    note: str | None = None  # why it is not matched, where a reason is known (a vacant office)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "query": self.query,
            "status": self.status,
            "match": self.match.to_dict() if self.match else None,
            "candidates": [c.to_dict() for c in self.candidates],
            "parsed": self.parsed.to_dict() if self.parsed else None,
            "suggestion": self.suggestion.to_dict() if self.suggestion else None,
        }
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a text that names an entity (or looks like a name that matched nothing)."""

    start: int
    end: int
    text: str
    resolution: Resolution
    title: str | None = None
    coref: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "start": self.start, "end": self.end, "text": self.text, "title": self.title,
            "status": self.resolution.status,
            "match": self.resolution.match.to_dict() if self.resolution.match else None,
            "candidates": [c.to_dict() for c in self.resolution.candidates],
            "suggestion": (
                self.resolution.suggestion.to_dict() if self.resolution.suggestion else None
            ),
        }
        if self.coref:
            out["coref"] = True
        out.update(self.extra)
        return out
