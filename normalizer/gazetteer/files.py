"""Read gazetteer YAML files, remembering the line of every entity and name."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from normalizer.gazetteer.records import Problem, entity_from_raw
from normalizer.model import Entity

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Base):  # type: ignore[misc,valid-type]
    """A safe loader that records each mapping's 1-based line under "__line__"."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[str, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


@dataclass
class Loaded:
    """Entities in file order, the file each came from, and every problem found on the way."""

    entities: list[Entity] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


NOT_A_DIRECTORY = "no such directory: a gazetteer is a directory of YAML files"


def yaml_files(root: Path) -> list[Path]:
    """Every *.yaml file under root, in sorted path order."""
    return sorted(p for p in root.rglob("*.yaml") if p.is_file())


def load_text(text: str, file: str, into: Loaded) -> None:
    """Parse one file's text and add its entities (and problems) to `into`."""
    try:
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        into.problems.append(Problem(file, mark.line + 1 if mark else 1, f"invalid YAML: {exc}"))
        return
    if raw is None:
        return
    if not isinstance(raw, list):
        into.problems.append(Problem(file, 1, "a gazetteer file must be a list of entities"))
        return
    for item in raw:
        line = item.get("__line__", 1) if isinstance(item, dict) else 1
        entity, problems = entity_from_raw(item, file, line)
        into.problems.extend(problems)
        if entity is None:
            continue
        if entity.id in into.files:
            where = f"{into.files[entity.id]}:{into.lines[entity.id]}"
            into.problems.append(Problem(file, line, f"duplicate id {entity.id!r} (first at {where})"))
            continue
        into.entities.append(entity)
        into.files[entity.id] = file
        into.lines[entity.id] = line


def load_dir(root: Path) -> Loaded:
    """Load every gazetteer file under root; file names are reported relative to root. A root
    that is not a directory is a problem (a mistyped path would otherwise load nothing, silently)."""
    loaded = Loaded()
    if not root.is_dir():
        loaded.problems.append(Problem(str(root), 0, NOT_A_DIRECTORY))
    for path in yaml_files(root):
        load_text(path.read_text(encoding="utf-8"), str(path.relative_to(root)), loaded)
    return loaded
