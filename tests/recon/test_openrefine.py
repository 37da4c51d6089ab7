"""What OpenRefine 3.x sends, replayed against `normalizer serve` (gunicorn on 127.0.0.1): the
manifest at the plain URL, form-encoded 0.2 batches of 10 with type_strict "should", suggest,
flyouts (JSONP, as its suggest widget asks), preview, property proposals and data extension.
Every answer is checked against the 0.2 schemas."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from tests.gazetteers import write_yaml
from tests.recon import specs
from tests.recon.conftest import GAZETTEER
from tests.servers import running_server

KIMS = """\
- id: kim-jong-un
  type: person
  name: Kim Jong-un
  description: North Korean leader since 2011
  country: north-korea
  roles:
  - {title: Supreme Leader of North Korea, of: north-korea, start: '2011-12'}
  names:
  - {text: Kim Jong-un, lang: en, kind: preferred, family: Kim, source: editorial}
  - {text: Kim Jong Un, lang: vi, kind: preferred, family: Kim, source: editorial}
  - {text: 김정은, lang: ko, kind: native, family: 김, source: editorial}
  - {text: 金正恩, lang: zh-Hant, kind: native, family: 金, source: editorial}
- id: kim-ah-joong
  type: person
  name: Kim Ah-joong
  description: South Korean actress
  names:
  - {text: Kim Ah-joong, lang: en, kind: preferred, family: Kim, source: editorial}
- id: kim-yo-jong
  type: person
  name: Kim Yo-jong
  description: North Korean politician, sister of Kim Jong-un
  country: north-korea
  names:
  - {text: Kim Yo-jong, lang: en, kind: preferred, family: Kim, source: editorial}
  - {text: Kim Yo Jong, lang: vi, kind: preferred, family: Kim, source: editorial}
- id: kim-dong-yeon
  type: person
  name: Kim Dong-yeon
  description: South Korean politician, brother of nobody famous
  names:
  - {text: Kim Dong-yeon, lang: en, kind: preferred, family: Kim, source: editorial}
- id: north-korea
  type: country
  name: North Korea
  names:
  - {text: North Korea, lang: en, kind: preferred, source: cldr}
  - {text: Triều Tiên, lang: vi, kind: preferred, source: cldr}
  - {text: 조선, lang: ko, kind: native, source: cldr}
  - {text: 북한, lang: ko, kind: native, source: cldr}
"""
SUGGEST_SCHEMAS = {"entity": "suggest-entities-response", "type": "suggest-types-response",
                   "property": "suggest-properties-response"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("openrefine")
    gazetteer = write_yaml(root / "gazetteer", GAZETTEER + KIMS)
    env = {"NORMALIZER_GAZETTEER_DIR": str(gazetteer), "NORMALIZER_REVIEW_QUEUE": "0",
           "NORMALIZER_DATABASE_URL": f"sqlite:///{root / 'recon.db'}", "NORMALIZER_SECRET_KEY": "k" * 48,
           "NORMALIZER_MAX_BATCH": "10"}
    with running_server(root, env, "--workers", "1", "--threads", "2", cwd=root) as base:
        yield base


def fetch(url: str, form: dict[str, str] | None = None, host: str | None = None) -> tuple[int, str, bytes]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    headers = {**(FORM if form is not None else {}), **({"Host": host} if host else {})}
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def get_json(url: str, schema: str | None = None, **params: str) -> Any:
    status, _, body = fetch(f"{url}?{urllib.parse.urlencode(params)}" if params else url)
    assert status == 200, body
    found = json.loads(body)
    if schema and specs.available():
        specs.assert_valid("0.2", schema, found)
    return found


def reconcile(server: str, queries: dict[str, Any]) -> dict[str, Any]:
    """A batch as OpenRefine 3.x posts it: form-encoded `queries=`."""
    status, kind, body = fetch(f"{server}/reconcile", {"queries": json.dumps(queries)})
    assert status == 200 and kind == "application/json", body
    found = json.loads(body)
    if specs.available():
        specs.assert_valid("0.2", "reconciliation-query-batch", queries)
        specs.assert_valid("0.2", "reconciliation-result-batch", found)
    assert list(found) == list(queries)
    return found  # type: ignore[no-any-return]


def ids(result: dict[str, Any]) -> list[str]:
    return [c["id"] for c in result["result"]]


def test_the_plain_url_serves_what_openrefine_3_needs(server: str) -> None:
    manifest = get_json(f"{server}/reconcile", "manifest")
    for kind in ("entity", "type", "property"):
        suggest = manifest["suggest"][kind]
        assert suggest["service_url"] == f"{server}/reconcile"
        found = get_json(suggest["service_url"] + suggest["service_path"], SUGGEST_SCHEMAS[kind], prefix="co")
        first = found["result"][0]["id"]
        flyout = suggest["flyout_service_url"] + suggest["flyout_service_path"].replace("${id}", first)
        status, kind_of, body = fetch(flyout + "&callback=jQuery3610_17")  # the widget asks JSONP
        assert status == 200 and kind_of == "application/javascript", (flyout, body)
        assert body.startswith(b"/**/jQuery3610_17(") and first.encode() in body
    draft = get_json(f"{server}/reconcile?version=1.0-draft")
    if specs.available():
        specs.assert_valid("1.0-draft", "manifest", draft)


def test_view_opens_the_entity_page_and_the_id_space_ignores_the_host(server: str) -> None:
    manifest = get_json(f"{server}/reconcile")
    status, kind, body = fetch(manifest["view"]["url"].replace("{{id}}", "kim-jong-un"))
    assert status == 200 and kind == "text/html" and b"Kim Jong-un" in body
    other = json.loads(fetch(f"{server}/reconcile", host="normalizer.internal:9999")[2])
    assert other["identifierSpace"] == manifest["identifierSpace"] == "urn:normalizer:entity:"
    assert other["schemaSpace"] == manifest["schemaSpace"]


def test_a_batch_of_ten_with_bad_queries_answers_every_good_one(server: str) -> None:
    should = {"type": "person", "type_strict": "should"}
    queries = {
        "q0": {"query": "Vương Nghị", **should},
        "q1": {"query": "Kishida Fumio", "type": "Person", "type_strict": "should",
               "properties": [{"pid": "Country", "v": "Nhật Bản"}]},
        "q2": {"query": "Tokyo", "type": "PLACE", "properties": [{"pid": "Type", "v": "place"}]},
        "q3": {"query": "Nhật Bản đã " * 115 + "Tokyo", **should},  # 1,270 characters
        "q4": {"query": "Nhật Bản", **should},
        "q5": {"query": "Hàn Quốc", "type": "planet"},
        "q6": {"query": "Trung Quốc", **should},
        "q7": {"query": "Takeshima", **should},
        "q8": {"query": "Gruzia", "type": "country", "type_strict": "should"},
        "q9": {"query": "Ông Kim", **should, "limit": 3},
    }
    found = reconcile(server, queries)
    assert ids(found["q0"])[0] == "wang-yi" and found["q0"]["result"][0]["match"] is True
    assert ids(found["q1"])[0] == "kishida-fumio"
    assert ids(found["q2"]) == ["tokyo"]
    for bad, field in (("q3", "queries.q3.query"), ("q5", "queries.q5.type")):
        assert found[bad]["result"] == [] and found[bad]["error"]["path"] == field
    # "should": the other types are candidates, scored lower and never matched outright
    for key, country in (("q4", "japan"), ("q6", "china")):
        top = found[key]["result"][0]
        assert top["id"] == country and top["score"] == 80.0 and top["match"] is False
        assert any(f["id"] == "other_type" for f in top["features"])
    assert ids(found["q7"]) == ["liancourt-rocks"]
    assert found["q8"]["result"][0]["id"] == "georgia" and found["q8"]["result"][0]["match"] is True


def test_ties_follow_the_title_and_prominence_not_the_alphabet(server: str) -> None:
    found = reconcile(server, {"mr": {"query": "Ông Kim", "type": "person", "type_strict": "should"},
                               "mrs": {"query": "Bà Kim", "type": "person", "type_strict": "should"}})
    men, women = found["mr"]["result"], found["mrs"]["result"]
    assert len({c["score"] for c in men}) == 1 and len(men) == 4  # a four-way tie
    assert [c["id"] for c in men] == ["kim-jong-un", "kim-dong-yeon", "kim-yo-jong", "kim-ah-joong"]
    # a man the description names ("brother") goes behind the women; unknown ones keep their place
    assert [c["id"] for c in women] == ["kim-jong-un", "kim-yo-jong", "kim-ah-joong", "kim-dong-yeon"]
    assert any(f["id"] == "title_gender" for f in men[-1]["features"])
    assert not any(f["id"] == "title_gender" for f in men[0]["features"])


def test_data_extension_gives_one_value_per_cell_when_asked(server: str) -> None:
    proposed = get_json(f"{server}/reconcile/extend/propose", "data-extension-property-proposal",
                        type="Person")
    assert "native_name" in [p["id"] for p in proposed["properties"]]
    extend = {"ids": ["kim-jong-un", "north-korea", "nobody"],
              "properties": [{"id": "native_name", "settings": {"limit": "1"}}, {"id": "country"}]}
    if specs.available():
        specs.assert_valid("0.2", "data-extension-query", extend)
    status, _, body = fetch(f"{server}/reconcile", {"extend": json.dumps(extend)})
    assert status == 200, body
    rows = json.loads(body)
    if specs.available():
        specs.assert_valid("0.2", "data-extension-response", rows)
    assert rows["rows"]["kim-jong-un"]["native_name"] == [{"str": "김정은"}]
    assert rows["rows"]["north-korea"]["native_name"] == [{"str": "조선"}]
    assert rows["rows"]["kim-jong-un"]["country"] == [{"id": "north-korea", "name": "North Korea"}]
    assert rows["rows"]["nobody"] == {"native_name": [], "country": []}
    every = dict(extend, properties=[{"id": "native_name", "settings": {"limit": 0}}])
    all_names = json.loads(fetch(f"{server}/reconcile", {"extend": json.dumps(every)})[2])
    assert len(all_names["rows"]["kim-jong-un"]["native_name"]) == 2


def test_preview_is_a_card(server: str) -> None:
    manifest = get_json(f"{server}/reconcile")
    status, kind, body = fetch(manifest["preview"]["url"].replace("{{id}}", "kim-jong-un"))
    assert status == 200 and kind == "text/html" and "김정은".encode() in body


@pytest.mark.parametrize(("route", "some_id"), [
    ("type", "person"), ("type", "Place"), ("property", "country"), ("entity", "tokyo")])
def test_flyouts_answer_for_types_properties_and_entities(server: str, route: str, some_id: str) -> None:
    found = get_json(f"{server}/reconcile/flyout/{route}", id=some_id)
    assert found["id"] == some_id.lower() and found["html"].startswith("<h1")
    status, _, body = fetch(f"{server}/reconcile/flyout/{route}?id=nothing-here")
    assert status == 404 and set(json.loads(body)) == {"code", "status", "message", "errors"}
