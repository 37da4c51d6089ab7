"""The Wikidata importer on a small dump in the official layout (tests/gazetteer/fixtures)."""

from __future__ import annotations

import bz2
import gzip
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from normalizer.gazetteer import wikidata
from normalizer.gazetteer.records import entity_from_raw

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata-dump.json"
ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = ROOT / "gazetteer" / "entities"
KEPT = {"wd-q148", "wd-q881", "wd-q17", "wd-q884", "wd-q956", "wd-q1858", "wd-q1490", "wd-q1001002",
        "wd-q15031", "wd-q1001003", "wd-q1001006", "wd-q1001007", "wd-q1001008", "wd-q1065", "wd-q17427",
        "wd-q8740", "wd-q1001011"}


def _compressed(tmp_path: Path, suffix: str) -> Path:
    data = FIXTURE.read_bytes()
    path = tmp_path / f"dump.json{suffix}"
    path.write_bytes(gzip.compress(data) if suffix == ".gz" else bz2.compress(data))
    return path


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "normalizer.cli", "gazetteer", "import", "wikidata", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def _layer(out: Path) -> list[dict]:
    lines = (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def layer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wikidata") / "layer"
    summary = wikidata.import_dump(str(FIXTURE), out, GAZETTEER)
    assert summary.bad_lines == 1
    return out


def test_every_line_loads_sorted_and_unique(layer: Path) -> None:
    path = layer / "entities.jsonl"
    ids = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        raw = json.loads(line)
        assert line == json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        entity, problems = entity_from_raw(dict(raw), str(path), n)
        assert entity is not None and not problems, problems
        ids.append(raw["id"])
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert set(ids) == KEPT
    assert "CC0" in (layer / "NOTICE").read_text() and "wikidata" in (layer / "SOURCE").read_text().lower()


def test_types_names_countries_and_prominence(layer: Path) -> None:
    by_id = {e["id"]: e for e in _layer(layer)}
    xi = by_id["wd-q15031"]
    assert xi["type"] == "person" and xi["name"] == "Xi Jinping" and xi["country"] == "china"
    assert xi["external_ids"] == {"wikidata": "Q15031"}
    assert xi["prominence"] == round(min(1, math.log10(60 + 1) / 2.3), 4)
    names = {(n["lang"], n["text"]): n["kind"] for n in xi["names"]}
    assert names[("vi", "Tập Cận Bình")] == "preferred" and names[("en", "Xi")] == "alias"
    assert names[("zh-Hans", "习近平")] == "preferred" and names[("zh-Hant", "習近平")] == "preferred"
    assert ("ja", "習近平") not in names  # the same text in one language only
    assert all(n["source"] == "wikidata" and "generated" not in n for n in xi["names"])
    china = by_id["wd-q148"]
    assert china["type"] == "country" and china["external_ids"]["iso3166"] == "CN"
    assert china["description"] == "country in East Asia"
    assert by_id["wd-q956"]["country"] == "china" and by_id["wd-q1858"]["country"] == "vietnam"
    assert by_id["wd-q1001007"]["country"] == "vietnam"  # the preferred citizenship
    assert "country" not in by_id["wd-q1001008"]  # Q30 is not in the dump: no ISO code to map
    assert by_id["wd-q1001003"]["country"] == "china"  # a position held: 8 sitelinks are enough
    assert {(n["lang"], n["kind"]) for n in by_id["wd-q1001002"]["names"]} >= {("zh-Hant", "preferred")}
    assert by_id["wd-q1065"]["type"] == "organization" and by_id["wd-q8740"]["type"] == "event"
    assert by_id["wd-q956"]["type"] == "place"


@pytest.mark.parametrize("suffix", [".gz", ".bz2"])
def test_cli_reads_compressed_dumps(tmp_path: Path, layer: Path, suffix: str) -> None:
    out = tmp_path / "out"
    done = _run_cli(str(_compressed(tmp_path, suffix)), "-o", str(out), "--no-progress")
    assert done.returncode == 0, done.stderr
    assert (out / "entities.jsonl").read_bytes() == (layer / "entities.jsonl").read_bytes()
    assert "1 bad lines" in done.stderr and "written 17 entities" in done.stderr
    assert "below the sitelink threshold 4" in done.stderr and "bad line: line 14" in done.stderr
    for n, line in enumerate((out / "entities.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        assert entity_from_raw(json.loads(line), "entities.jsonl", n)[1] == []


def test_options_choose_classes_threshold_and_languages(tmp_path: Path) -> None:
    options = wikidata.Options(min_sitelinks=30, classes=wikidata.parse_classes(["Q5=person,Q515=place"]),
                               langs=wikidata.parse_langs("en,vi"), progress=False)
    summary = wikidata.import_dump(str(FIXTURE), tmp_path, GAZETTEER, options)
    entities = _layer(tmp_path)
    assert {e["id"] for e in entities} == {"wd-q15031", "wd-q1001003", "wd-q1001006"}
    assert {n["lang"] for e in entities for n in e["names"]} <= {"en", "vi"}
    assert summary.kept == {"person": 3} and summary.written == 3


def test_sorted_runs_merge_in_id_order(tmp_path: Path) -> None:
    runs = wikidata.SortedRuns(tmp_path, run_lines=2)
    for ident in ["wd-q3", "wd-q1", "wd-q20", "wd-q2", "wd-q10"]:
        runs.add(ident, json.dumps({"id": ident}))
    assert [i for i, _ in runs.merged()] == ["wd-q1", "wd-q10", "wd-q2", "wd-q20", "wd-q3"]
    assert len(runs.runs) == 3


def test_bad_options_are_usage_errors(tmp_path: Path) -> None:
    from normalizer.cli import main

    with pytest.raises(ValueError, match="QID=type"):
        wikidata.parse_classes(["Q5=human"])
    with pytest.raises(ValueError, match="unknown language"):
        wikidata.parse_langs("vi,xx")
    base = ["gazetteer", "import", "wikidata", str(FIXTURE), "-o", str(tmp_path / "out")]
    assert main([*base, "--classes", "Q5=human"]) == 2
    assert main([*base, "--langs", "vi,xx"]) == 2
    assert main(["gazetteer", "import", "wikidata", str(tmp_path / "missing.json"), "-o", str(tmp_path)]) == 2
    assert not (tmp_path / "out").exists()
