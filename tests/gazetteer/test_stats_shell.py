"""`normalizer gazetteer stats --json` through the real shell: the curated counts and by_layer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.store.conftest import write_gazetteer


def stats(root: Path, layers: str) -> dict[str, object]:
    env = {**os.environ, "NORMALIZER_LAYERS": layers, "NORMALIZER_LAYERS_DIR": str(root / "layers")}
    done = subprocess.run([sys.executable, "-m", "normalizer", "gazetteer", "stats", "--json",
                           str(root / "gazetteer")], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_stats_count_the_curated_entities_and_each_layer_loaded(tmp_path: Path) -> None:
    write_gazetteer(tmp_path / "gazetteer")
    for layer, lines in (("wof", 3), ("geonames", 2)):
        (tmp_path / "layers" / layer).mkdir(parents=True)
        records = [json.dumps({"id": f"{layer}-{i}", "type": "place", "name": f"P{i}", "names": []})
                   for i in range(lines)]
        (tmp_path / "layers" / layer / "entities.jsonl").write_text("\n".join(records) + "\n", "utf-8")
    found = stats(tmp_path, "all")
    assert found["entities"] == 4
    assert found["by_layer"] == {"curated": 4, "wof": 3, "geonames": 2}
    assert stats(tmp_path, "wof")["by_layer"] == {"curated": 4, "wof": 3}
    assert stats(tmp_path, "none")["by_layer"] == {"curated": 4}


def test_a_mistyped_directory_is_an_error_not_an_empty_gazetteer(tmp_path: Path) -> None:
    missing = str(tmp_path / "gazeteer")
    for command, code in (("stats", 2), ("check", 1)):
        done = subprocess.run([sys.executable, "-m", "normalizer", "gazetteer", command, missing],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == code, (command, done.stderr)
        assert "no such directory" in done.stderr
