"""Suggest (entities, types, properties), preview cards, the 0.2 flyout and data extension."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.recon import specs

ERROR_KEYS = {"code", "status", "message", "errors"}
CARD_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "p", "span"}


def get_valid(client: FlaskClient, url: str, schema: str | None, **params: Any) -> Any:
    response = client.get(url, query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    if schema and specs.available():
        for version in specs.VERSIONS:
            specs.assert_valid(version, schema, body)
    return body


def test_suggest_entity_finds_names_in_any_language(client: FlaskClient) -> None:
    body = get_valid(client, "/reconcile/suggest/entity", "suggest-entities-response", prefix="Vương")
    assert body["result"] == [{"id": "wang-yi", "name": "Wang Yi",
                               "description": "Chinese diplomat, Minister of Foreign Affairs",
                               "notable": [{"id": "person", "name": "Person"}]}]


def test_suggest_entity_filters_by_type_and_pages_with_cursor(client: FlaskClient) -> None:
    body = get_valid(client, "/reconcile/suggest/entity", None, prefix="Georgia", type="place")
    assert [r["id"] for r in body["result"]] == ["georgia-us-state"]
    everything = [r["id"] for r in get_valid(client, "/reconcile/suggest/entity", None, limit=100)["result"]]
    assert len(everything) == 12 and everything == sorted(everything)  # an empty prefix browses by id
    window = get_valid(client, "/reconcile/suggest/entity", None, cursor=5, limit=3)["result"]
    assert [r["id"] for r in window] == everything[5:8]
    assert get_valid(client, "/reconcile/suggest/entity", None, cursor=50)["result"] == []


@pytest.mark.parametrize(("params", "field"), [
    ({"cursor": "-1"}, "cursor"), ({"cursor": "x"}, "cursor"), ({"limit": "0"}, "limit"),
    ({"limit": "101"}, "limit"), ({"type": "planet", "prefix": "x"}, "type"),
    ({"prefix": "x" * 1001}, "prefix"),
])
def test_bad_suggest_parameters_are_refused(client: FlaskClient, params: dict[str, str], field: str) -> None:
    response = client.get("/reconcile/suggest/entity", query_string=params)
    assert response.status_code == 400
    body = response.get_json()
    assert set(body) == ERROR_KEYS and body["errors"] == {"query": {field: [body["message"]]}}


def test_suggest_types_and_properties(client: FlaskClient) -> None:
    types = get_valid(client, "/reconcile/suggest/type", "suggest-types-response", prefix="pl")
    assert [t["id"] for t in types["result"]] == ["place"]
    every_type = get_valid(client, "/reconcile/suggest/type", "suggest-types-response")
    assert len(every_type["result"]) == 5
    props = get_valid(client, "/reconcile/suggest/property", "suggest-properties-response", prefix="ISO")
    assert [p["id"] for p in props["result"]] == ["iso3166"]


class Card(HTMLParser):
    """Collects the tags and the text of a card, to see what a browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_card(html: str) -> Card:
    card = Card()
    card.feed(html)
    return card


def test_preview_card_shows_english_vietnamese_and_native_names(client: FlaskClient) -> None:
    response = client.get("/reconcile/preview", query_string={"id": "wang-yi"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    text = " ".join(read_card(response.get_data(as_text=True)).text)
    for shown in ("Wang Yi", "Vương Nghị", "王毅", "Chinese diplomat, Minister of Foreign Affairs", "China"):
        assert shown in text


def test_preview_escapes_everything(client: FlaskClient) -> None:
    html = client.get("/reconcile/preview", query_string={"id": "script-test"}).get_data(as_text=True)
    card = read_card(html)
    assert card.tags <= CARD_TAGS, card.tags - CARD_TAGS
    text = "".join(card.text)
    assert "<script>alert(1)</script> & Co" in text
    assert '"quoted" <b>bold</b> & <img src=x onerror=alert(2)>' in text
    assert "Công ty <i>thử</i>" in text


def test_preview_of_a_merged_id_shows_the_survivor(client: FlaskClient) -> None:
    html = client.get("/reconcile/preview", query_string={"id": "wang-yi-diplomat"}).get_data(as_text=True)
    assert "<h1 lang=\"en\">Wang Yi</h1>" in html


@pytest.mark.parametrize("route", ["/reconcile/preview", "/reconcile/flyout"])
def test_unknown_and_missing_ids(client: FlaskClient, route: str) -> None:
    unknown = client.get(route, query_string={"id": "<nobody>"})
    assert unknown.status_code == 404 and set(unknown.get_json()) == ERROR_KEYS
    missing = client.get(route)
    assert missing.status_code == 400 and set(missing.get_json()) == ERROR_KEYS


def test_flyout_carries_the_card(client: FlaskClient) -> None:
    body = get_valid(client, "/reconcile/flyout", None, id="tokyo")
    assert body["id"] == "tokyo" and "Tô-ki-ô" in body["html"]


EXTEND = {"ids": ["wang-yi", "japan", "wang-yi-diplomat", "nobody"],
          "properties": [{"id": "country"}, {"id": "type"}, {"id": "iso3166"}, {"id": "native_name"}]}


def _values_by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["id"]: {p["id"]: p["values"] for p in row["properties"]} for row in rows}


def test_data_extension_1_0(client: FlaskClient, need_specs: None) -> None:
    specs.assert_valid("1.0-draft", "data-extension-query", EXTEND)
    response = client.post("/reconcile/extend", json=EXTEND)
    assert response.status_code == 200
    body = response.get_json()
    specs.assert_valid("1.0-draft", "data-extension-response", body)
    assert [m["id"] for m in body["meta"]] == ["country", "type", "iso3166", "native_name"]
    rows = _values_by_id(body["rows"])
    assert rows["wang-yi"] == {"country": [{"id": "china", "name": "China"}], "type": [{"str": "person"}],
                               "iso3166": [], "native_name": [{"str": "王毅", "lang": "zh-Hans"}]}
    assert rows["japan"]["iso3166"] == [{"str": "JP"}] and rows["japan"]["country"] == []
    assert rows["wang-yi-diplomat"] == rows["wang-yi"]
    assert rows["nobody"] == {"country": [], "type": [], "iso3166": [], "native_name": []}


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_data_extension_0_2_through_the_endpoint(client: FlaskClient, need_specs: None, method: str) -> None:
    specs.assert_valid("0.2", "data-extension-query", EXTEND)
    params = {"extend": json.dumps(EXTEND)}
    if method == "GET":
        response = client.get("/reconcile", query_string=params)
    else:
        response = client.post("/reconcile", data=params)
    assert response.status_code == 200
    body = response.get_json()
    specs.assert_valid("0.2", "data-extension-response", body)
    assert body["rows"]["wang-yi"]["native_name"] == [{"str": "王毅"}]  # 0.2 values have no lang
    assert body["rows"]["japan"]["iso3166"] == [{"str": "JP"}]


@pytest.mark.parametrize(("query", "says"), [
    ({"ids": ["x"], "properties": [{"id": "mayor"}]}, "unknown property 'mayor'"),
    ({"ids": "x", "properties": []}, "ids must be a list"),
    ({"ids": ["x"], "properties": ["country"]}, "properties must be a list of {id, settings}"),
    ([], "must be {\"ids\""),
])
def test_bad_extension_queries_are_refused(client: FlaskClient, query: Any, says: str) -> None:
    response = client.post("/reconcile/extend", json=query)
    assert response.status_code == 400
    body = response.get_json()
    assert set(body) == ERROR_KEYS and says in body["message"]


def test_extension_over_the_batch_limit_is_413(client: FlaskClient) -> None:
    response = client.post("/reconcile/extend", json={"ids": ["x"] * 21, "properties": [{"id": "type"}]})
    assert response.status_code == 413


def test_property_proposals_depend_on_the_type(client: FlaskClient) -> None:
    person = get_valid(client, "/reconcile/extend/propose", "data-extension-property-proposal", type="person")
    assert person["type"] == "person"
    assert [p["id"] for p in person["properties"]] == ["country", "type", "native_name"]
    country = get_valid(client, "/reconcile/extend/propose", "data-extension-property-proposal",
                        type="country", limit=2)
    assert [p["id"] for p in country["properties"]] == ["type", "iso3166"] and country["limit"] == 2
    every = get_valid(client, "/reconcile/extend/propose", "data-extension-property-proposal")
    assert len(every["properties"]) == 4
    assert client.get("/reconcile/extend/propose?type=planet").status_code == 400


def test_jsonp_for_0_2_clients(client: FlaskClient) -> None:
    params = {"prefix": "pl", "callback": "jQuery1_2.cb"}
    response = client.get("/reconcile/suggest/type", query_string=params)
    assert response.mimetype == "application/javascript"
    script = response.get_data(as_text=True)
    assert script.startswith("/**/jQuery1_2.cb(") and script.endswith(");")
    assert json.loads(script[len("/**/jQuery1_2.cb("):-2])["result"][0]["id"] == "place"
    manifest = client.get("/reconcile", query_string={"callback": "cb"}).get_data(as_text=True)
    assert manifest.startswith("/**/cb({") and '"versions"' in manifest
    # An error is wrapped too, with its status; HTML and POST answers never are.
    assert client.get("/reconcile/flyout?id=nobody&callback=cb").get_data(as_text=True).startswith("/**/cb(")
    assert client.get("/reconcile/preview?id=tokyo&callback=cb").mimetype == "text/html"
    assert client.post("/reconcile?callback=cb", data={"queries": "{}"}).get_json() == {}


@pytest.mark.parametrize("callback", ["alert(1)//", "a b", "1abc", "x" * 101, "a..b", "<script>"])
def test_a_callback_that_is_not_a_plain_name_is_refused(client: FlaskClient, callback: str) -> None:
    response = client.get("/reconcile", query_string={"callback": callback})
    assert response.status_code == 400 and response.mimetype == "application/json"
    assert set(response.get_json()) == ERROR_KEYS
