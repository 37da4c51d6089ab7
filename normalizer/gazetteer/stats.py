"""Counts of a gazetteer directory by type, domain, language, kind and source, and of it beside
its generated layers (by_layer)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from normalizer.gazetteer.files import NOT_A_DIRECTORY, load_dir
from normalizer.gazetteer.layers import DATA_FILE, layer_dirs


def domain_of(file: str) -> str:
    """The domain of an entity is the top directory of its file under the gazetteer directory
    (`sports/clubs-europe.yaml` -> sports); a file at the top is its own domain (by its stem)."""
    top, _, rest = file.partition("/")
    return top if rest else Path(top).stem


def gazetteer_stats(root: Path, layer_root: Path | None = None,
                    layer_names: list[str] | None = None) -> dict[str, Any]:
    """The counts; with layer_root, `by_layer` adds the records of each layer loaded by default
    (layer_names: the chosen ones, None for all) beside `curated`. Raises NotADirectoryError for
    a root that is not a directory."""
    if not root.is_dir():
        raise NotADirectoryError(f"{root}: {NOT_A_DIRECTORY}")
    stats = _curated_stats(root)
    if layer_root is not None:
        stats["by_layer"] = {"curated": stats["entities"], **layer_counts(layer_root, layer_names)}
    return stats


def layer_counts(layer_root: Path, names: list[str] | None = None) -> dict[str, int]:
    """Records per layer: one entity per line of its data file, before any is merged into a
    curated entity that covers it."""
    return {d.name: _lines(d / DATA_FILE) for d in layer_dirs(layer_root) if names is None or d.name in names}


def _lines(path: Path) -> int:
    with path.open("rb") as data:
        return sum(1 for line in data if line.strip())


def _curated_stats(root: Path) -> dict[str, Any]:
    loaded = load_dir(root)
    names = [n for e in loaded.entities for n in e.names]
    by_domain: dict[str, Counter[str]] = {}
    for entity in loaded.entities:
        by_domain.setdefault(domain_of(loaded.files[entity.id]), Counter())[entity.type] += 1
    return {
        "entities": len(loaded.entities),
        "names": len(names),
        "by_type": dict(Counter(e.type for e in loaded.entities)),
        "by_domain": {domain: {"entities": sum(counts.values()), "by_type": dict(counts)}
                      for domain, counts in sorted(by_domain.items())},
        "by_lang": dict(Counter(n.lang for n in names)),
        "by_kind": dict(Counter(n.kind for n in names)),
        "by_source": dict(Counter(_source_group(n.source) for n in names)),
        "problems": len(loaded.problems),
    }


def _source_group(source: str) -> str:
    if source.endswith(".txt"):
        return "seed"
    if source.startswith(("http://", "https://")):
        return "page"
    return source
