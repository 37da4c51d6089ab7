"""Whole-gazetteer checks: references, duplicate names, colliding strong names, canonical form."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from normalizer.gazetteer.files import Loaded, load_dir, yaml_files
from normalizer.gazetteer.fmt import format_entities
from normalizer.gazetteer.records import Problem
from normalizer.model import Entity
from normalizer.text import exact_key


def _references(entity: Entity) -> list[tuple[str, str]]:
    refs = [("country", entity.country)] if entity.country else []
    refs += [("role", r.of) for r in entity.roles if r.of]
    refs += [("used_by", u) for n in entity.names for u in n.used_by]
    return refs


def check_references(loaded: Loaded) -> list[Problem]:
    known = set(loaded.files)
    return [
        Problem(loaded.files[e.id], loaded.lines[e.id], f"{e.id}: {what} names unknown entity {ref!r}")
        for e in loaded.entities
        for what, ref in _references(e)
        if ref not in known
    ]


def check_names(loaded: Loaded) -> list[Problem]:
    """No name twice in one entity; no strong key shared by two entities unless both say so."""
    problems: list[Problem] = []
    holders: dict[str, list[tuple[Entity, bool]]] = defaultdict(list)
    for entity in loaded.entities:
        where = (loaded.files[entity.id], loaded.lines[entity.id])
        seen: set[tuple[str, str]] = set()
        for name in entity.names:
            key = exact_key(name.text)
            if key is None:
                problems.append(Problem(*where, f"{entity.id}: name {name.text!r} has no letters"))
                continue
            if (key, name.lang) in seen:
                problems.append(Problem(*where, f"{entity.id}: name {name.text!r} ({name.lang}) twice"))
            seen.add((key, name.lang))
            if name.strong and all(e.id != entity.id for e, _ in holders[key]):
                holders[key].append((entity, name.ambiguous))
    for key, owners in holders.items():
        if len(owners) > 1 and not all(flag for _, flag in owners):
            ids = ", ".join(e.id for e, _ in owners)
            first = owners[1][0]
            problems.append(
                Problem(
                    loaded.files[first.id], loaded.lines[first.id],
                    f"strong name {key!r} is shared by {ids}; mark it ambiguous in all of them or weaken it",
                )
            )
    return problems


def check_format(root: Path, loaded: Loaded) -> list[Problem]:
    """Every file must equal its canonical form."""
    by_file: dict[str, list[Entity]] = defaultdict(list)
    for entity in loaded.entities:
        by_file[loaded.files[entity.id]].append(entity)
    problems = []
    for path in yaml_files(root):
        rel = str(path.relative_to(root))
        if path.read_text(encoding="utf-8") != format_entities(by_file.get(rel, [])):
            problems.append(Problem(rel, 1, "not in canonical form: run `normalizer gazetteer fmt`"))
    return problems


def check_dir(root: Path) -> tuple[Loaded, list[Problem]]:
    """Load and check a gazetteer directory; problems are sorted by file and line."""
    loaded = load_dir(root)
    problems = loaded.problems + check_references(loaded) + check_names(loaded)
    if not loaded.problems:
        problems += check_format(root, loaded)
    return loaded, sorted(problems, key=lambda p: (p.file, p.line, p.message))


def format_dir(root: Path) -> list[str]:
    """Rewrite every file that loads cleanly in canonical form; returns the files that changed."""
    loaded = load_dir(root)
    by_file: dict[str, list[Entity]] = defaultdict(list)
    for entity in loaded.entities:
        by_file[loaded.files[entity.id]].append(entity)
    broken = {p.file for p in loaded.problems}  # never rewrite a file that did not load cleanly
    changed = []
    for path in yaml_files(root):
        rel = str(path.relative_to(root))
        if rel in broken:
            continue
        text = format_entities(by_file.get(rel, []))
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(rel)
    return changed
