"""The small YAML gazetteers the suites write: to a directory, and loaded into an index.

Each suite keeps its own entities beside the tests that assert on them; only the writing and
loading live here once.
"""

from __future__ import annotations

from pathlib import Path

from normalizer.gazetteer import GazetteerIndex, load_dir


def write_yaml(root: Path, yaml_text: str, file: str = "entities.yaml") -> Path:
    """root, holding yaml_text as `file` (directories made as needed)."""
    (root / file).parent.mkdir(parents=True, exist_ok=True)
    (root / file).write_text(yaml_text, encoding="utf-8")
    return root


def load_index(root: Path, redirects: dict[str, str] | None = None) -> GazetteerIndex:
    """The index of the gazetteer in root, which must load without a problem."""
    loaded = load_dir(root)
    assert not loaded.problems, loaded.problems
    return GazetteerIndex(loaded.entities, redirects=redirects)


def real_name_texts(index: GazetteerIndex, layer_sample: int = 3000, seed: int = 1) -> list[str]:
    """The texts of every curated name of an index and a fixed sample of its layers' names: the
    layers hold hundreds of thousands, which a test that resolves each name cannot afford."""
    import random

    curated = {n.text for e in index.entities.values() if e.layer is None for n in e.names}
    layered = sorted({n.text for e in index.entities.values() if e.layer for n in e.names} - curated)
    sample = random.Random(seed).sample(layered, min(layer_sample, len(layered)))
    return sorted(curated | set(sample))
