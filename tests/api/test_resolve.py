"""GET and POST /v1/resolve through the Flask test client."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import EXCLUDE, ValidationError

from normalizer.api.schemas import BatchRequest, Query, fast_batch, fast_query

RESULT_KEYS = {"query", "status", "match", "candidates", "parsed", "suggestion"}


def test_resolves_a_sino_vietnamese_name_with_a_title(client: FlaskClient) -> None:
    response = client.get("/v1/resolve", query_string={"q": "Ngoại trưởng Vương Nghị"})
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == RESULT_KEYS
    assert body["status"] == "matched"
    assert body["match"]["id"] == "wang-yi"
    assert body["match"]["name"] == "Wang Yi"
    assert body["parsed"]["title"] == "Ngoại trưởng"


def test_folded_query_and_contested_names_resolve(client: FlaskClient) -> None:
    assert client.get("/v1/resolve?q=tap+can+binh").get_json()["match"]["id"] == "xi-jinping"
    for name in ("Takeshima", "Dokdo"):
        body = client.get("/v1/resolve", query_string={"q": name}).get_json()
        assert body["match"]["id"] == "liancourt-rocks"


def test_type_filter_leaves_nothing_of_another_type(client: FlaskClient) -> None:
    body = client.get("/v1/resolve", query_string={"q": "Vương Nghị", "type": "country"}).get_json()
    assert body["status"] == "unmatched"
    assert body["match"] is None
    assert all(c["type"] == "country" for c in body["candidates"])


def test_unknown_name_is_unmatched_not_an_error(client: FlaskClient) -> None:
    body = client.get("/v1/resolve", query_string={"q": "Zzyzx Qwerty"}).get_json()
    assert body["status"] == "unmatched"
    assert body["match"] is None


def test_batch_answers_in_input_order(client: FlaskClient) -> None:
    names = ["Hàn Quốc", "TTXVN", "nobody at all", "Vương Nghị", "Hàn Quốc"]
    response = client.post("/v1/resolve", json={"queries": [{"q": n} for n in names]})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["query"] for r in results] == names
    assert [r["match"]["id"] if r["match"] else None for r in results] == [
        "south-korea", "vietnam-news-agency", None, "wang-yi", "south-korea"]


def test_batch_items_take_their_own_type_and_limit(client: FlaskClient) -> None:
    queries = [{"q": "Vương Nghị", "type": "person", "limit": 1}, {"q": "Vương Nghị", "type": "place"}]
    first, second = client.post("/v1/resolve", json={"queries": queries}).get_json()["results"]
    assert first["match"]["id"] == "wang-yi"
    assert len(first["candidates"]) == 1
    assert second["match"] is None


def test_batch_of_exactly_the_limit_is_accepted(client: FlaskClient) -> None:
    response = client.post("/v1/resolve", json={"queries": [{"q": "Dokdo"}] * 1000})
    assert response.status_code == 200
    assert len(response.get_json()["results"]) == 1000


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_text_gets_a_result_or_a_422_never_a_500(app: Flask, text: str) -> None:
    response = app.test_client().get("/v1/resolve", query_string={"q": text})
    assert response.status_code in (200, 422), response.get_data(as_text=True)
    if response.status_code == 200:
        assert response.get_json()["query"] == text


def test_transliterates_a_sino_vietnamese_name_to_pinyin(client: FlaskClient) -> None:
    body = client.get("/v1/transliterate", query_string={"q": "Tập Cận Bình", "limit": 3}).get_json()
    assert body["from"] == "vi" and body["to"] == "zh-Latn-pinyin"
    assert body["results"][0]["text"] == "Xi Jinping"
    assert len(body["results"]) <= 3


query_items = st.fixed_dictionaries(
    {"q": st.one_of(st.text(max_size=8), st.integers(), st.none())},
    optional={"type": st.one_of(st.sampled_from(["person", "place", "planet", ""]), st.none()),
              "limit": st.one_of(st.integers(-2, 60), st.booleans(), st.floats(), st.text(max_size=2)),
              "extra": st.just(1)})


@settings(max_examples=150, deadline=None)
@given(st.lists(query_items, max_size=4))
def test_fast_batch_accepts_only_what_the_schema_accepts(queries: list) -> None:
    body = {"queries": queries}
    fast = fast_batch(body)
    try:
        loaded = BatchRequest().load(body)
    except ValidationError:
        assert fast is None
        return
    if fast is not None:
        assert fast == [(q["q"], q.get("type"), q["limit"]) for q in loaded["queries"]]


def test_fast_batch_takes_a_plain_batch_and_leaves_the_rest_to_the_schema() -> None:
    assert fast_batch({"queries": [{"q": "Dokdo"}, {"q": "Wang Yi", "type": "person", "limit": 2}]}) == [
        ("Dokdo", None, 5), ("Wang Yi", "person", 2)]
    for body in ({"queries": [{"q": " "}]}, {"queries": [{"q": "a", "limit": True}]}, {"queries": []},
                 {"queries": [{"q": "a"}], "more": 1}, ["Dokdo"], "Dokdo"):
        assert fast_batch(body) is None


params = st.fixed_dictionaries({}, optional={
    "q": st.text(max_size=6), "type": st.sampled_from(["person", "place", "planet", ""]),
    "limit": st.one_of(st.integers(-2, 60).map(str), st.sampled_from(["", " 5", "+5", "05", "٥", "1.0"])),
    "other": st.just("x")})


@settings(max_examples=150, deadline=None)
@given(params)
def test_fast_query_accepts_only_what_the_schema_accepts(query: dict[str, str]) -> None:
    fast = fast_query(query)
    try:
        loaded = Query().load(query, unknown=EXCLUDE)
    except ValidationError:
        assert fast is None
        return
    if fast is not None:
        assert fast == (loaded["q"], loaded.get("type"), loaded["limit"])


def test_fast_query_takes_a_plain_query() -> None:
    assert fast_query({"q": "Dokdo"}) == ("Dokdo", None, 5)
    assert fast_query({"q": "Dokdo", "type": "place", "limit": "7"}) == ("Dokdo", "place", 7)
    for bad in ({"q": ""}, {"q": "a", "limit": "x"}, {"q": "a", "type": "planet"}, {}):
        assert fast_query(bad) is None
