"""Turn raw YAML mappings into Entity values, collecting every problem with its location."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from normalizer.model import ENTITY_TYPES, NAME_KINDS, OFFICES, Entity, Name, Role

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LANG_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|\d{3}))?(-[a-z0-9]{5,8})*$")
DATE_PATTERN = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
SEED_SOURCE = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")
# A page where a curator saw the name written so (a news article's address).
PAGE_SOURCE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
# The generated layers (gazetteer/layers/<source>/) name their names' source after themselves.
LAYER_SOURCES = frozenset({"wof", "geonames", "vietnam-units", "countrynames", "cedict", "enamdict",
                           "wikidata"})
KNOWN_SOURCES = frozenset({"cldr", "pycountry", "editorial"}) | LAYER_SOURCES
ENTITY_FIELDS = ("id", "type", "name", "description", "country", "prominence", "external_ids", "roles",
                 "names")
NAME_FIELDS = ("text", "lang", "kind", "family", "used_by", "ambiguous", "generated", "source")
ROLE_FIELDS = ("title", "office", "of", "start", "end", "acting")


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def valid_source(source: str) -> bool:
    return source in KNOWN_SOURCES or bool(SEED_SOURCE.match(source) or PAGE_SOURCE.match(source))


def _text(value: Any) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if value is None:
        return None
    return str(value)


@dataclass
class _Collector:
    file: str
    line: int
    problems: list[Problem] = field(default_factory=list)

    def add(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.file, line or self.line, message))


def _name(raw: Any, out: _Collector) -> Name | None:
    if not isinstance(raw, dict):
        out.add(f"a name must be a mapping, got {raw!r}")
        return None
    line = raw.pop("__line__", out.line)
    unknown = set(raw) - set(NAME_FIELDS)
    if unknown:
        out.add(f"unknown name field(s): {', '.join(sorted(unknown))}", line)
    text, lang, kind, source = (_text(raw.get(k)) for k in ("text", "lang", "kind", "source"))
    if not text or not text.strip():
        out.add("a name needs a non-empty text", line)
        return None
    if not lang or not LANG_PATTERN.match(lang):
        out.add(f"name {text!r}: bad language tag {lang!r}", line)
    if kind not in NAME_KINDS:
        out.add(f"name {text!r}: kind must be one of {', '.join(NAME_KINDS)}, got {kind!r}", line)
    if not source or not valid_source(source):
        out.add(f"name {text!r}: source must be cldr, pycountry, editorial, a seed file or a page address",
                line)
    used_by = raw.get("used_by") or ()
    if not isinstance(used_by, (list, tuple)):
        out.add(f"name {text!r}: used_by must be a list of entity ids", line)
        used_by = ()
    return Name(
        text=text, lang=lang or "und", kind=kind or "alias", source=source or "editorial",
        family=_text(raw.get("family")), used_by=tuple(str(u) for u in used_by),
        ambiguous=bool(raw.get("ambiguous", False)), generated=bool(raw.get("generated", False)),
    )


def _role(raw: Any, out: _Collector) -> Role | None:
    if not isinstance(raw, dict) or not raw.get("title"):
        out.add(f"a role must be a mapping with a title, got {raw!r}")
        return None
    raw.pop("__line__", None)
    unknown = set(raw) - set(ROLE_FIELDS)
    if unknown:
        out.add(f"unknown role field(s): {', '.join(sorted(unknown))}")
    title, office, of, start, end = (_text(raw.get(k)) for k in ROLE_FIELDS[:5])
    assert title is not None
    role = Role(title, of, start, end, office, bool(raw.get("acting", False)))
    if office is not None and office not in OFFICES:
        out.add(f"role {title!r}: office must be one of {', '.join(OFFICES)}, got {office!r}")
    for date in (role.start, role.end):
        if date and not DATE_PATTERN.match(date):
            out.add(f"role {role.title!r}: bad date {date!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    if role.start and role.end and role.end < role.start:
        out.add(f"role {role.title!r}: ends before it starts")
    return role


def _prominence(value: Any, out: _Collector) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        out.add(f"prominence must be a number from 0 to 1, got {value!r}")
        return None
    return float(value)


def entity_from_raw(raw: Any, file: str, line: int) -> tuple[Entity | None, list[Problem]]:
    """Build an Entity from a mapping; problems say what is wrong and where."""
    out = _Collector(file, line)
    if not isinstance(raw, dict):
        out.add("an entity must be a mapping")
        return None, out.problems
    raw.pop("__line__", None)
    unknown = set(raw) - set(ENTITY_FIELDS)
    if unknown:
        out.add(f"unknown field(s): {', '.join(sorted(unknown))}")
    ident, etype, name = (_text(raw.get(k)) for k in ("id", "type", "name"))
    if not ident or not ID_PATTERN.match(ident):
        out.add(f"id must be a lowercase ASCII slug, got {ident!r}")
    if etype not in ENTITY_TYPES:
        out.add(f"type must be one of {', '.join(ENTITY_TYPES)}, got {etype!r}")
    if not name or not name.strip():
        out.add("every entity needs an English name")
    names = [n for n in (_name(r, out) for r in raw.get("names") or []) if n]
    if not any(n.lang == "en" for n in names):
        out.add("every entity needs at least one en name")
    roles = [r for r in (_role(r, out) for r in raw.get("roles") or []) if r]
    ext = raw.get("external_ids") or {}
    if not isinstance(ext, dict):
        out.add("external_ids must be a mapping")
        ext = {}
    ext.pop("__line__", None)
    prominence = _prominence(raw.get("prominence"), out)
    if not ident or not etype or not name:
        return None, out.problems
    entity = Entity(
        id=ident, type=etype, name=name, names=tuple(names),
        description=_text(raw.get("description")), country=_text(raw.get("country")),
        external_ids=tuple((str(k), str(v)) for k, v in ext.items()), roles=tuple(roles),
        prominence=prominence,
    )
    return entity, out.problems
