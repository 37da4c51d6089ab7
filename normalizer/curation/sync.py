"""Between the YAML gazetteer (reviewed in git) and the database (edited live): load and export."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from normalizer.gazetteer import format_entities, load_dir, yaml_files
from normalizer.model import Entity
from normalizer.store import LoadReport, Store

log = logging.getLogger("normalizer.curation")
SOURCE_FINGERPRINT = "gazetteer_source"


class GazetteerProblems(ValueError):
    """The YAML files do not load cleanly; nothing was imported."""


def load_gazetteer(store: Store, root: Path, prune: bool = False) -> LoadReport:
    """Upsert every entity of the YAML files under root (see Store.load: editors' changes win and
    are reported as conflicts); with prune, root is the whole gazetteer and an entity loaded
    before that it no longer holds is deleted. Raises GazetteerProblems, importing nothing, on
    invalid files."""
    loaded = load_dir(Path(root))
    if loaded.problems:
        first = "; ".join(str(p) for p in loaded.problems[:3])
        raise GazetteerProblems(f"the gazetteer in {root} has {len(loaded.problems)} problem(s): {first}")
    return store.load([(loaded.files[e.id], e) for e in loaded.entities], prune=prune)


def fingerprint(root: Path) -> int:
    """A 60-bit hash of every YAML file under root (names and bytes): did the files change?"""
    digest = hashlib.sha256()
    for path in yaml_files(Path(root)):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return int(digest.hexdigest()[:15], 16)


def ensure_loaded(store: Store, root: Path) -> LoadReport | None:
    """At start: load the YAML gazetteer into an empty database, and load it again (an upsert that
    leaves editors' changes alone, and deletes what the files no longer hold) whenever the files
    changed since the last load, e.g. after a git pull. Returns the load's report, or None when
    nothing was loaded. Invalid files raise GazetteerProblems only for an empty database;
    otherwise they are logged and skipped.
    Processes starting at once on one database take turns (the second finds it loaded)."""
    with store.exclusive_startup():
        return _ensure_loaded(store, root)


def _ensure_loaded(store: Store, root: Path) -> LoadReport | None:
    stamp = fingerprint(root)
    loaded_before = store.entity_count() > 0
    if loaded_before and store.meta_value(SOURCE_FINGERPRINT) == stamp:
        return None
    try:
        report = load_gazetteer(store, root, prune=True)
    except GazetteerProblems as exc:
        if not loaded_before:
            raise  # nothing to serve: refuse to start, saying why
        # Files half-way through an edit must not stop a service that has a good database.
        log.warning("not reloading the gazetteer, serving the database as it is: %s", exc)
        return None
    store.set_meta(SOURCE_FINGERPRINT, stamp)
    if report.conflicts:
        log.warning("gazetteer load: %d entities changed by editors were left alone: %s",
                    len(report.conflicts), ", ".join(report.conflicts[:20]))
    return report


def export_gazetteer(store: Store, root: Path) -> list[str]:
    """Write every live entity back as canonical YAML, one file per entity's `file`; a file whose
    entities were all deleted or merged is written empty. Returns the files (relative to root).
    Files of the directory the database never knew are left alone."""
    by_file: dict[str, list[Entity]] = {file: [] for file in store.files()}  # emptied files too
    for file, entity in store.export():
        by_file[file].append(entity)
    root = Path(root)
    for file, entities in sorted(by_file.items()):
        path = root / file
        if not path.resolve().is_relative_to(root.resolve()):
            raise ValueError(f"refusing to write outside {root}: {file}")
        path.parent.mkdir(parents=True, exist_ok=True)
        text = format_entities(entities)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return sorted(by_file)
