"""The gazetteer files and the database through the real shell: an entity taken out of the files is
gone at the next start (start-up cache or not), and `gazetteer load --prune` does the same by hand."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.store.conftest import write_gazetteer


def normalizer(root: Path, *args: str) -> str:
    env = {**os.environ, "NORMALIZER_GAZETTEER_DIR": str(root / "gazetteer"), "NORMALIZER_LAYERS": "none",
           "NORMALIZER_DATABASE_URL": f"sqlite:///{root / 'db.sqlite'}",
           "NORMALIZER_CACHE_DIR": str(root / "cache")}
    done = subprocess.run([sys.executable, "-m", "normalizer", *args], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    return done.stdout


def test_an_entity_removed_from_the_files_is_unmatched_at_the_next_start(tmp_path: Path) -> None:
    write_gazetteer(tmp_path / "gazetteer")
    assert "\tmatched\txi-jinping\t" in normalizer(tmp_path, "resolve", "Tập Cận Bình")
    assert list((tmp_path / "cache").glob("snapshot-*.pickle"))  # the next start loads this cache
    (tmp_path / "gazetteer" / "people" / "china.yaml").write_text("[]\n", "utf-8")
    assert "\tunmatched\t" in normalizer(tmp_path, "resolve", "Tập Cận Bình")


def test_gazetteer_load_prune_deletes_what_the_directory_no_longer_holds(tmp_path: Path) -> None:
    write_gazetteer(tmp_path / "gazetteer")
    load = ("gazetteer", "load")
    assert normalizer(tmp_path, *load).startswith("created 4, updated 0, unchanged 0, deleted 0")
    (tmp_path / "gazetteer" / "people" / "china.yaml").write_text("[]\n", "utf-8")
    assert normalizer(tmp_path, *load).startswith("created 0, updated 0, unchanged 3, deleted 0")
    assert normalizer(tmp_path, *load, "--prune").startswith("created 0, updated 0, unchanged 3, deleted 1")
