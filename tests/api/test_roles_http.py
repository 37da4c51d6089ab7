"""Role references and a country through the real shells: `normalizer serve` over HTTP (GET and
batch items with `date` and `country`) and `normalizer resolve --date --country` as a process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.test_gunicorn import call
from tests.gazetteers import write_yaml
from tests.servers import running_server

GAZETTEER = """\
- id: china
  type: country
  name: China
  names:
  - {text: China, lang: en, kind: preferred, source: cldr}
  - {text: Trung Quốc, lang: vi, kind: preferred, source: cldr}
- id: vietnam
  type: country
  name: Vietnam
  names:
  - {text: Vietnam, lang: en, kind: preferred, source: cldr}
  - {text: Việt Nam, lang: vi, kind: preferred, source: cldr}
- id: south-korea
  type: country
  name: South Korea
  names:
  - {text: South Korea, lang: en, kind: preferred, source: cldr}
  - {text: Hàn Quốc, lang: vi, kind: preferred, source: cldr}
- id: wang-yi
  type: person
  name: Wang Yi
  country: china
  roles:
  - {title: Foreign Minister, office: foreign-minister, of: china, start: '2013-03-16', end: '2022-12-30'}
  - {title: Foreign Minister, office: foreign-minister, of: china, start: '2023-07-25'}
  names:
  - {text: Wang Yi, lang: en, kind: preferred, family: Wang, source: editorial}
  - {text: Vương Nghị, lang: vi, kind: preferred, family: Vương, source: editorial}
- id: qin-gang
  type: person
  name: Qin Gang
  country: china
  roles:
  - {title: Foreign Minister, office: foreign-minister, of: china, start: '2022-12-30', end: '2023-07-25'}
  names:
  - {text: Qin Gang, lang: en, kind: preferred, family: Qin, source: editorial}
  - {text: Tần Cương, lang: vi, kind: preferred, family: Tần, source: editorial}
- id: han-duck-soo
  type: person
  name: Han Duck-soo
  country: south-korea
  roles:
  - {title: PM, office: head-of-government, of: south-korea, start: '2022-05-21', end: '2025-05-01'}
  names:
  - {text: Han Duck-soo, lang: en, kind: preferred, family: Han, source: editorial}
- id: national-assembly-vietnam
  type: organization
  name: National Assembly of Vietnam
  country: vietnam
  names:
  - {text: National Assembly of Vietnam, lang: en, kind: preferred, source: editorial}
  - {text: Quốc hội Việt Nam, lang: vi, kind: preferred, source: editorial}
- id: national-assembly-south-korea
  type: organization
  name: National Assembly of South Korea
  country: south-korea
  names:
  - {text: National Assembly of South Korea, lang: en, kind: preferred, source: editorial}
  - {text: Quốc hội Hàn Quốc, lang: vi, kind: preferred, source: editorial}
"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_yaml(tmp_path_factory.mktemp("gazetteer"), GAZETTEER)


@pytest.fixture(scope="module")
def server(gazetteer: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {"NORMALIZER_GAZETTEER_DIR": str(gazetteer), "NORMALIZER_LAYERS": "none"}
    with running_server(tmp_path_factory.mktemp("server"), env, "--workers", "1") as base:
        yield base


def get(server: str, **params: str) -> tuple[int, dict]:
    status, _, body = call(f"{server}/v1/resolve?{urllib.parse.urlencode(params)}")
    return status, json.loads(body)


def test_a_role_reference_is_who_held_the_office_on_the_date(server: str) -> None:
    for date, expected in [("2020-01-01", "wang-yi"), ("2023-03-01", "qin-gang"), ("2024-01-01", "wang-yi")]:
        status, body = get(server, q="Ngoại trưởng Trung Quốc", date=date)
        assert status == 200 and body["match"]["id"] == expected, body
        assert body["match"]["method"] == "role" and date in body["match"]["explanation"]


def test_a_title_or_institution_alone_is_read_against_the_country_given(server: str) -> None:
    prime_minister = get(server, q="Thủ tướng", date="2024-06-01", country="Hàn Quốc")[1]["match"]
    assert prime_minister["id"] == "han-duck-soo"
    assert get(server, q="Thủ tướng")[1]["status"] == "unmatched"
    assembly = get(server, q="Quốc hội", country="south-korea")[1]["match"]
    assert assembly["id"] == "national-assembly-south-korea"
    default = get(server, q="Quốc hội")[1]["match"]
    assert default["id"] == "national-assembly-vietnam" and "default" in default["explanation"]


def test_a_vacant_office_is_unmatched_with_a_note(server: str) -> None:
    body = get(server, q="Thủ tướng Hàn Quốc", date="2026-01-01")[1]
    assert body["status"] == "unmatched" and "2025-05-01" in body["note"]


def test_batch_items_carry_their_own_date_and_country(server: str) -> None:
    queries = [{"q": "Ngoại trưởng Trung Quốc", "date": "2023-03-01"}, {"q": "Ngoại trưởng Trung Quốc",
               "date": "2020-01-01"}, {"q": "Quốc hội", "country": "Hàn Quốc"}, {"q": "Vương Nghị"}]
    status, _, body = call(f"{server}/v1/resolve", {"queries": queries})
    assert status == 200
    ids = [r["match"]["id"] for r in json.loads(body)["results"]]
    assert ids == ["qin-gang", "wang-yi", "national-assembly-south-korea", "wang-yi"]


def test_a_bad_date_or_country_is_a_422_naming_it(server: str) -> None:
    for params, field in [({"date": "2024-13-01"}, "date"), ({"country": "Atlantis"}, "country")]:
        status, body = get(server, q="Thủ tướng", **params)
        assert status == 422 and set(body) == {"code", "status", "message", "errors"}
        assert field in json.dumps(body["errors"]), body
    status, _, raw = call(f"{server}/v1/resolve", {"queries": [{"q": "x"}, {"q": "y", "date": "soon"}]})
    assert status == 422 and "queries" in raw.decode()


def test_the_cli_prints_what_the_server_answers(server: str, gazetteer: Path) -> None:
    env = {**os.environ, "NORMALIZER_GAZETTEER_DIR": str(gazetteer), "NORMALIZER_LAYERS": "none"}
    command = [sys.executable, "-m", "normalizer", "resolve", "--json", "--date", "2023-03-01",
               "--country", "Hàn Quốc", "Ngoại trưởng Trung Quốc", "Thủ tướng", "Quốc hội"]
    printed = subprocess.run(command, env=env, capture_output=True, check=True, text=True).stdout
    over_cli = [json.loads(line) for line in printed.splitlines()]
    over_http = [get(server, q=q, date="2023-03-01", country="Hàn Quốc")[1]
                 for q in ("Ngoại trưởng Trung Quốc", "Thủ tướng", "Quốc hội")]
    assert over_cli == over_http
    ids = [r["match"]["id"] for r in over_cli]
    assert ids == ["qin-gang", "han-duck-soo", "national-assembly-south-korea"]
    refused = subprocess.run([*command[:4], "--country", "Atlantis", "Thủ tướng"], env=env,
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "country" in refused.stderr and refused.stdout == ""


def test_reconciliation_reads_a_date_and_a_country_property(server: str) -> None:
    queries = {"q0": {"query": "Ngoại trưởng Trung Quốc", "properties": [{"pid": "date", "v": "2023-03-01"}]},
               "q1": {"query": "Thủ tướng", "properties": [{"pid": "Country", "v": "Hàn Quốc"},
                                                            {"pid": "Date", "v": "2024-06-01"}]},
               "q2": {"query": "Ngoại trưởng Trung Quốc", "properties": [{"pid": "date", "v": "soon"}]}}
    form = urllib.parse.urlencode({"queries": json.dumps(queries)}).encode()
    request = urllib.request.Request(f"{server}/reconcile", data=form,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=10) as response:
        answers = json.loads(response.read())
    assert [c["id"] for c in answers["q0"]["result"] if c["match"]] == ["qin-gang"]
    assert [c["id"] for c in answers["q1"]["result"] if c["match"]] == ["han-duck-soo"]
    assert answers["q2"]["result"] == [] and "date" in answers["q2"]["error"]["message"]
