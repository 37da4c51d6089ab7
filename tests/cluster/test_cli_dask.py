"""`normalizer csv --engine dask`: a real CLI subprocess on a LocalCluster of two workers writes
the single-process CLI's output byte for byte."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bulk.conftest import GAZETTEER, to_1258
from tests.gazetteers import write_yaml

pytest.importorskip("distributed")
NAMES = ["Vương Nghị", "Hàn Quốc", "zzz", "", "Triều Tiên", "Tap Can Binh", "China", "Wang Yi x",
         "=HYPERLINK(\"x\")", "+Hàn Quốc", "-1", "@Tập Cận Bình", "  ", "Xi Jinping"]
TIMEOUT = 240  # seconds for one run, cluster start included


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("dask-cli")
    write_yaml(root / "gazetteer", GAZETTEER)
    return {**os.environ, "NORMALIZER_GAZETTEER_DIR": str(root / "gazetteer"),
            "NORMALIZER_DATABASE_URL": f"sqlite:///{root / 'normalizer.db'}",
            "NORMALIZER_CACHE_DIR": str(root / "cache")}


def messy_rows(count: int) -> list[str]:
    """Rows of every kind the CSV layer tells apart: plain, quoted over several lines, quoted
    with a delimiter inside, blank lines, too wide and too narrow, a bad byte, formula-like."""
    rows = []
    for i in range(count):
        name = NAMES[i % len(NAMES)]
        rows.append({0: f'{i},"{name}\nsecond line",a', 1: f'{i},"{name}, quoted",b', 2: "",
                     3: f"{i},{name},c,extra", 4: f"{i},Wa<BAD>ng,d", 5: f"{i},{name}"}
                    .get(i % 13, f"{i},{name}{i % 5 or ''},e"))
    return rows


def run_csv(env: dict[str, str], source: Path, *args: str) -> tuple[bytes, str]:
    done = subprocess.run([sys.executable, "-m", "normalizer", "csv", str(source), *args],
                          env=env, capture_output=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout, done.stderr.decode()


def counts(stderr: str) -> str:
    """The summary's rows per status."""
    found = re.search(r"\d+ rows: [^;]*;", stderr)
    assert found, stderr
    return found.group(0)


def revision(stderr: str) -> str:
    found = re.search(r"gazetteer revision (\d+)$", stderr.strip())
    assert found, stderr
    return found.group(1)


def test_dask_output_is_byte_identical_to_one_process(env, tmp_path):
    source = tmp_path / "in.csv"
    text = "id,name,note\n" + "\n".join(messy_rows(3000)) + "\n"
    source.write_bytes(text.encode().replace(b"<BAD>", b"\xff"))
    one, one_err = run_csv(env, source, "--column", "name")
    on_dask, dask_err = run_csv(env, source, "--column", "name", "--engine", "dask", "--workers", "2",
                                "--chunk-rows", "97")
    assert on_dask == one
    assert "dask: 2 worker(s)" in dask_err
    assert revision(dask_err) == revision(one_err)
    assert counts(dask_err) == counts(one_err)
    assert " 0 errors" not in dask_err and " 0 empty" not in dask_err
    assert b",-1," in one and b"\xef\xbf\xbd" in one  # formula-like cells kept, bad bytes shown


def test_dask_without_header_in_windows_1258_with_safe_output(env, tmp_path):
    source = tmp_path / "in.csv"
    text = "\r\n".join(line.replace(",", ";") for line in messy_rows(700)) + "\r\n"
    source.write_bytes(to_1258(text).replace(b"<BAD>", b"\x81"))
    args = ["--column", "2", "--no-header", "--safe-output"]
    one, _ = run_csv(env, source, *args)
    on_dask, dask_err = run_csv(env, source, *args, "--engine", "dask", "--workers", "2",
                                "--chunk-rows", "50")
    assert on_dask == one
    assert "cp1258, delimiter ';'" in dask_err
    assert b",'-1," in one and "Hàn Quốc".encode() in one  # formula-like cells neutralized


def test_scheduler_without_dask_engine_is_a_usage_error(env, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("name\nChina\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "normalizer", "csv", str(source), "--column", "name",
                           "--scheduler", "tcp://127.0.0.1:1"], env=env, capture_output=True,
                          timeout=TIMEOUT, check=False)
    assert done.returncode == 2
    assert b"--scheduler needs --engine dask" in done.stderr
