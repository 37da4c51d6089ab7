"""Editors' payloads -> Entity values, checked by the gazetteer's own rules (records.entity_from_raw)
and reported as field errors."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from normalizer.curation.errors import InvalidEntity
from normalizer.gazetteer.records import Problem, entity_from_raw
from normalizer.model import Entity
from normalizer.text import exact_key, fold

MAX_NAMES = 1000
MAX_TEXT = 500
_FIELD_OF_MESSAGE = (
    ("id ", "id"), ("type ", "type"), ("every entity needs an English name", "name"),
    ("every entity needs at least one en name", "names"), ("role ", "roles"), ("a role ", "roles"),
    ("external_ids", "external_ids"), ("unknown field", "_schema"),
)


def add_error(errors: dict[str, Any], path: list[str], message: str) -> None:
    """Add a message at a field path; a field with both its own and nested messages keeps its own
    under "_schema" (marshmallow's convention)."""
    node = errors
    for part in path[:-1]:
        child = node.setdefault(part, {})
        if isinstance(child, list):
            child = node[part] = {"_schema": child}
        node = child
    found = node.setdefault(path[-1], [])
    (found.setdefault("_schema", []) if isinstance(found, dict) else found).append(message)


def _name_field(message: str) -> str:
    for word, field in (("language tag", "lang"), ("kind", "kind"), ("source", "source"),
                        ("used_by", "used_by"), ("non-empty text", "text"), ("mapping", "text")):
        if word in message:
            return field
    return "_schema"


def _path(problem: Problem) -> list[str]:
    if problem.line >= 1:  # name problems carry the name's 1-based position (see entity_from_payload)
        return ["names", str(problem.line - 1), _name_field(problem.message)]
    for prefix, field in _FIELD_OF_MESSAGE:
        if problem.message.startswith(prefix):
            return [field]
    return ["_schema"]


def _precheck(payload: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    names = payload.get("names")
    if not isinstance(names, list):
        add_error(errors, ["names"], "names must be a list of names")
    elif len(names) > MAX_NAMES:
        add_error(errors, ["names"], f"an entity has at most {MAX_NAMES} names")
    else:
        for i, name in enumerate(names):
            text = name.get("text") if isinstance(name, dict) else None
            if isinstance(text, str) and len(text) > MAX_TEXT:
                add_error(errors, ["names", str(i), "text"], f"a name has at most {MAX_TEXT} characters")
    for key in ("name", "description"):
        if isinstance(payload.get(key), str) and len(payload[key]) > 10 * MAX_TEXT:
            add_error(errors, [key], f"at most {10 * MAX_TEXT} characters")
    return errors


def default_kinds(names: list[Any]) -> None:
    """Give each name without a kind the one an editor expects: the first name in its language is
    preferred, later ones aliases (in place)."""
    langs: set[Any] = set()
    for name in names:
        if not isinstance(name, dict):
            continue
        if not name.get("kind"):
            name["kind"] = "alias" if name.get("lang") in langs else "preferred"
        langs.add(name.get("lang"))


def entity_from_payload(payload: dict[str, Any]) -> Entity:
    """A whole entity from a JSON payload (names default to source "editorial", kinds as
    default_kinds says). Raises InvalidEntity with field errors, e.g.
    {"names": {"2": {"lang": [...]}}, "type": [...]}."""
    if not isinstance(payload, dict):
        raise InvalidEntity({"_schema": ["an entity must be a JSON object"]})
    errors = _precheck(payload)
    if errors:
        raise InvalidEntity(errors)
    raw = copy.deepcopy({k: v for k, v in payload.items() if v is not None})
    default_kinds(raw.get("names") or [])
    for position, name in enumerate(raw.get("names") or []):
        if isinstance(name, dict):
            name.setdefault("source", "editorial")
            name["__line__"] = position + 1
    entity, problems = entity_from_raw(raw, "payload", 0)
    for problem in problems:
        add_error(errors, _path(problem), problem.message)
    if errors or entity is None:
        raise InvalidEntity(errors or {"_schema": ["not an entity"]})
    _check_duplicates(entity, errors)
    if errors:
        raise InvalidEntity(errors)
    return entity


def _check_duplicates(entity: Entity, errors: dict[str, Any]) -> None:
    seen: set[tuple[str | None, str]] = set()
    for i, name in enumerate(entity.names):
        key = (exact_key(name.text), name.lang)
        if key[0] is None:
            add_error(errors, ["names", str(i), "text"], "a name needs letters")
        elif key in seen:
            add_error(errors, ["names", str(i), "text"], f"{name.text!r} ({name.lang}) is listed twice")
        seen.add(key)


def check_references(entity: Entity, exists: Callable[[str], bool]) -> None:
    """Country, role holders and used_by must name known entities."""
    errors: dict[str, Any] = {}
    if entity.country and not exists(entity.country):
        add_error(errors, ["country"], f"no entity has the id {entity.country!r}")
    for i, role in enumerate(entity.roles):
        if role.of and not exists(role.of):
            add_error(errors, ["roles", str(i), "of"], f"no entity has the id {role.of!r}")
    for i, name in enumerate(entity.names):
        for ref in name.used_by:
            if not exists(ref):
                add_error(errors, ["names", str(i), "used_by"], f"no entity has the id {ref!r}")
    if errors:
        raise InvalidEntity(errors)


def slug(text: str) -> str:
    """An id-shaped slug of an English name ("Wang Yi" -> "wang-yi"); "entity" when nothing is left."""
    ascii_only = re.sub(r"[^a-z0-9]+", "-", (fold(text) or "").lower()).strip("-")
    return ascii_only[:80].strip("-") or "entity"
