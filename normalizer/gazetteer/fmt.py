"""The canonical text of gazetteer files: what `gazetteer fmt` writes and export produces.

Hand-written rather than yaml.dump so that the layout is stable and reviewable: one line per
name and per role, fields in the documented order, a blank line between entities.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

from normalizer.model import Entity

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}#:\"]*")


@lru_cache(maxsize=200_000)
def scalar(value: str) -> str:
    """A YAML scalar for a flow or block context: plain when it reads back as the same string."""
    if _PLAIN.fullmatch(value) and value == value.strip() and _reads_back(value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _reads_back(value: str) -> bool:
    try:
        return bool(yaml.safe_load(value) == value)
    except yaml.YAMLError:
        return False


def _flow(mapping: dict[str, Any]) -> str:
    parts = []
    for key, value in mapping.items():
        if isinstance(value, list):
            rendered = "[" + ", ".join(scalar(str(v)) for v in value) + "]"
        elif isinstance(value, bool):
            rendered = "true" if value else "false"
        else:
            rendered = scalar(str(value))
        parts.append(f"{key}: {rendered}")
    return "{" + ", ".join(parts) + "}"


def _date_scalar(value: str) -> str:
    return "'" + value + "'"


def format_entity(entity: Entity) -> str:
    """One entity as canonical YAML (a list item), ending with a newline."""
    data = entity.to_dict()
    lines = [f"- id: {scalar(data['id'])}", f"  type: {data['type']}", f"  name: {scalar(data['name'])}"]
    for key in ("description", "country"):
        if key in data:
            lines.append(f"  {key}: {scalar(data[key])}")
    if "prominence" in data:
        lines.append(f"  prominence: {data['prominence']}")
    if "external_ids" in data:
        lines.append(f"  external_ids: {_flow(data['external_ids'])}")
    if "roles" in data:
        lines.append("  roles:")
        for role in data["roles"]:
            dated = {k: v for k, v in role.items() if k not in ("start", "end")}
            text = _flow(dated)[:-1]
            for key in ("start", "end"):
                if key in role:
                    text += f", {key}: {_date_scalar(role[key])}"
            lines.append(f"  - {text}}}")
    lines.append("  names:")
    lines.extend(f"  - {_flow(name)}" for name in data["names"])
    return "\n".join(lines) + "\n"


def format_entities(entities: list[Entity]) -> str:
    """A whole gazetteer file in canonical form."""
    return "\n".join(format_entity(e) for e in entities)
