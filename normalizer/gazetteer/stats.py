"""Counts of a gazetteer directory by type, domain, language, kind and source."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from normalizer.gazetteer.files import load_dir


def domain_of(file: str) -> str:
    """The domain of an entity is the top directory of its file under the gazetteer directory
    (`sports/clubs-europe.yaml` -> sports); a file at the top is its own domain (by its stem)."""
    top, _, rest = file.partition("/")
    return top if rest else Path(top).stem


def gazetteer_stats(root: Path) -> dict[str, Any]:
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
