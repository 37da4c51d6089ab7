"""Names the gazetteer does not hold, through the real shells: `normalizer serve` (gunicorn) over
HTTP and the CLI as a subprocess. Suggestions carry the name's origin and a confidence; phonetic
transcriptions resolve with method `phonetic`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.test_gunicorn import call
from tests.gazetteers import write_yaml
from tests.servers import running_server

GAZETTEER = """\
- id: japan
  type: country
  name: Japan
  names:
  - {text: Japan, lang: en, kind: preferred, source: cldr}
  - {text: Nhật Bản, lang: vi, kind: preferred, source: cldr}
- id: shinzo-abe
  type: person
  name: Shinzo Abe
  country: japan
  names:
  - {text: Shinzo Abe, lang: en, kind: preferred, source: editorial}
  - {text: 安倍晋三, lang: ja, kind: native, source: editorial}
"""
TEXT = "Thủ tướng Sin-dô A-bê tiếp ông Choo Kyung Ho và bà Phạm Thị Mỹ Nhi tại Nhật Bản."


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_yaml(tmp_path_factory.mktemp("unknown-names"), GAZETTEER)


@pytest.fixture(scope="module")
def server(gazetteer: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {"NORMALIZER_GAZETTEER_DIR": str(gazetteer)}
    with running_server(tmp_path_factory.mktemp("server"), env, "--workers", "1", "--threads", "2") as base:
        yield base


def _get(base: str, path: str, **params: str) -> dict:
    status, _, body = call(f"{base}{path}?{urllib.parse.urlencode(params)}")
    assert status == 200, body
    return json.loads(body)


def _cli(gazetteer: Path, *args: str, stdin: str | None = None) -> str:
    env = {**os.environ, "NORMALIZER_GAZETTEER_DIR": str(gazetteer)}
    done = subprocess.run([sys.executable, "-m", "normalizer", *args], input=stdin, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout


def test_resolve_over_http_suggests_by_origin(server: str) -> None:
    result = _get(server, "/v1/resolve", q="Phạm Thị Mỹ Nhi")
    assert result["status"] == "unmatched"
    assert result["suggestion"]["text"] == "Pham Thi My Nhi"
    assert result["suggestion"]["origin"] == "vietnamese" and 0.5 < result["suggestion"]["confidence"] <= 1
    korean = _get(server, "/v1/resolve", q="Choo Kyung Ho")["suggestion"]
    assert (korean["text"], korean["origin"]) == ("Choo Kyung-ho", "korean")


def test_resolve_over_http_matches_a_transcription_by_sound(server: str) -> None:
    match = _get(server, "/v1/resolve", q="Sin-dô A-bê")["match"]
    assert match["id"] == "shinzo-abe" and match["method"] == "phonetic"


def test_extract_over_http_links_by_sound_and_suggests_for_the_rest(server: str) -> None:
    status, _, body = call(f"{server}/v1/extract", {"text": TEXT})
    assert status == 200
    document = json.loads(body)
    linked = {(m["text"], m["match"]["id"], m["match"]["method"]) for m in document["mentions"]}
    assert ("Sin-dô A-bê", "shinzo-abe", "phonetic") in linked
    suggested = {m["text"]: m["suggestion"] for m in document["unlinked"]}
    assert suggested["Choo Kyung Ho"]["text"] == "Choo Kyung-ho"
    assert suggested["Phạm Thị Mỹ Nhi"]["origin"] == "vietnamese"


def test_transliterate_over_http_to_english(server: str) -> None:
    result = _get(server, "/v1/transliterate", q="Kishida Fumio", to="en")
    assert result["results"][0] == {"text": "Fumio Kishida", "score": 0.9, "source": "japanese"}


def test_the_cli_shows_the_same(server: str, gazetteer: Path) -> None:
    printed = json.loads(_cli(gazetteer, "resolve", "--json", "Phạm Thị Mỹ Nhi"))
    assert printed == _get(server, "/v1/resolve", q="Phạm Thị Mỹ Nhi")
    line = _cli(gazetteer, "resolve", "Choo Kyung Ho")
    assert "suggestion: Choo Kyung-ho (korean 0.85)" in line
    assert json.loads(_cli(gazetteer, "extract", "--json", "-", stdin=TEXT)) == json.loads(
        call(f"{server}/v1/extract", {"text": TEXT})[2])
    english = _cli(gazetteer, "translit", "--to", "en", "Kishida Fumio").split("\t")
    assert english[1] == "Fumio Kishida (japanese 0.90)"


def test_the_cli_evaluates_suggestions_by_origin(gazetteer: Path, tmp_path: Path) -> None:
    table = tmp_path / "people.tsv"
    table.write_text("name\torigin\nPhạm Thị Mỹ Nhi\tvietnamese\nChoo Kyung-ho\tkorean\n"
                     "Sin-dô A-bê\ttranscription\n", encoding="utf-8")
    report = json.loads(_cli(gazetteer, "eval", "--unknown", str(table), "--json"))
    assert report["vietnamese"]["top1"] == 1.0 and report["korean"]["top1"] == 1.0
    assert report["transcription"]["linked"] == 1  # Shinzo Abe is in this gazetteer: a link
    assert report["overall"]["total"] == 3
