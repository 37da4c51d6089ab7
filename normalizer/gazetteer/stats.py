"""Counts of a gazetteer directory by type, language, kind and source."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from normalizer.gazetteer.files import load_dir


def gazetteer_stats(root: Path) -> dict[str, Any]:
    loaded = load_dir(root)
    names = [n for e in loaded.entities for n in e.names]
    return {
        "entities": len(loaded.entities),
        "names": len(names),
        "by_type": dict(Counter(e.type for e in loaded.entities)),
        "by_lang": dict(Counter(n.lang for n in names)),
        "by_kind": dict(Counter(n.kind for n in names)),
        "by_source": dict(Counter("seed" if n.source.endswith(".txt") else n.source for n in names)),
        "problems": len(loaded.problems),
    }
