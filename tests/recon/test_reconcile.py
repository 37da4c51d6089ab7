"""Query batches over HTTP: 0.2 form and GET parameters, 1.0-draft JSON; types, limit, the country
property, ids; every request we send and every answer validated against the spec's schemas."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.recon import specs

ERROR_KEYS = {"code", "status", "message", "errors"}


def post_v02(client: FlaskClient, queries: dict[str, Any], check: bool = True) -> dict[str, Any]:
    if check and specs.available():
        specs.assert_valid("0.2", "reconciliation-query-batch", queries)
    response = client.post("/reconcile", data={"queries": json.dumps(queries)})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    if specs.available():
        specs.assert_valid("0.2", "reconciliation-result-batch", body)
    assert list(body) == list(queries)
    return body  # type: ignore[no-any-return]


def post_v10(client: FlaskClient, queries: list[dict[str, Any]], route: str = "/reconcile/reconcile"
             ) -> list[list[dict[str, Any]]]:
    if specs.available():
        specs.assert_valid("1.0-draft", "reconciliation-query-batch", {"queries": queries})
    response = client.post(route, json={"queries": queries})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    if specs.available():
        specs.assert_valid("1.0-draft", "reconciliation-result-batch", body)
    assert len(body["results"]) == len(queries)
    return [r["candidates"] for r in body["results"]]


def name(text: str) -> dict[str, Any]:
    return {"matchType": "name", "propertyValue": text}


def country(value: Any, **options: Any) -> dict[str, Any]:
    return {"matchType": "property", "propertyId": "country", "propertyValue": value, **options}


def ids(candidates: list[dict[str, Any]]) -> list[str]:
    return [c["id"] for c in candidates]


def feature(candidate: dict[str, Any], feature_id: str) -> Any:
    return {f["id"]: f["value"] for f in candidate["features"]}.get(feature_id)


def test_0_2_batch_answers_each_key_with_scores_match_and_types(client: FlaskClient) -> None:
    body = post_v02(client, {"q0": {"query": "Vương Nghị"}, "q1": {"query": "Takeshima", "type": "place"},
                             "q2": {"query": "Georgia"}})
    wang = body["q0"]["result"][0]
    assert (wang["id"], wang["name"], wang["score"], wang["match"]) == ("wang-yi", "Wang Yi", 100.0, True)
    assert wang["type"] == [{"id": "person", "name": "Person"}]
    assert wang["description"].startswith("Chinese diplomat")
    assert body["q1"]["result"][0]["id"] == "liancourt-rocks"
    # Ambiguous: two equal candidates, neither is a match.
    georgia = body["q2"]["result"]
    assert set(ids(georgia)) == {"georgia", "georgia-us-state"}
    assert [c["match"] for c in georgia] == [False, False]


def test_get_queries_answers_like_a_post(client: FlaskClient) -> None:
    queries = {"a": {"query": "Tokio", "limit": 1}, "b": {"query": "Nhat Ban", "type": ["country"]}}
    response = client.get("/reconcile", query_string={"queries": json.dumps(queries)})
    assert response.status_code == 200
    assert response.get_json() == post_v02(client, queries)
    assert response.get_json()["a"]["result"][0]["id"] == "tokyo"


def test_0_1_single_query_parameter(client: FlaskClient) -> None:
    bare = client.get("/reconcile", query_string={"query": "Kishida"}).get_json()
    as_json = client.get("/reconcile", query_string={"query": '{"query": "Kishida", "limit": 1}'}).get_json()
    assert bare["result"][0]["id"] == as_json["result"][0]["id"] == "kishida-fumio"


@pytest.mark.parametrize("route", ["/reconcile", "/reconcile/reconcile"])
def test_1_0_json_batch_keeps_order(client: FlaskClient, route: str) -> None:
    results = post_v10(client, [{"conditions": [name("TTXVN")]}, {"conditions": [name("Trung Quốc")]},
                                {"conditions": [name("Hoa Ky")], "type": "country", "limit": 3}], route)
    assert [r[0]["id"] if r else None for r in results] == [None, "china", "united-states"]


def test_candidates_explain_themselves_with_features(client: FlaskClient) -> None:
    [[candidate]] = post_v10(client, [{"conditions": [name("Vuong Nghi")]}])
    assert candidate["features"][0] == {
        "id": "folded", "name": "same letters without diacritics match on vi preferred name 'Vương Nghị'",
        "value": 0.94}
    assert candidate["score"] == 94.0


def test_feature_ids_stay_unique(client: FlaskClient) -> None:
    [[tokyo]] = post_v10(client, [{"conditions": [name("Tokyo"), country("japan"), country("china")]}])
    last_two = [(f["id"], f["value"]) for f in tokyo["features"][-2:]]
    assert last_two == [("country", True), ("country_2", False)]


def test_type_restricts_candidates(client: FlaskClient) -> None:
    [[state]] = post_v10(client, [{"conditions": [name("Georgia")], "type": "place"}])
    assert (state["id"], state["match"]) == ("georgia-us-state", True)
    body = post_v02(client, {"q": {"query": "Georgia", "type": ["place", "organization"]}})
    assert ids(body["q"]["result"]) == ["georgia-us-state"]


def test_limit_cuts_the_candidates(client: FlaskClient) -> None:
    body = post_v02(client, {"one": {"query": "Georgia", "limit": 1},
                             "many": {"query": "Georgia", "limit": 500}})
    assert len(body["one"]["result"]) == 1
    assert len(body["many"]["result"]) == 2


def test_country_property_ranks_fitting_candidates_first(client: FlaskClient) -> None:
    body = post_v02(client, {"q": {"query": "Georgia", "properties": [{"pid": "country", "v": "Hoa Kỳ"}]}})
    state, nation = body["q"]["result"]
    assert (state["id"], feature(state, "country"), state["score"]) == ("georgia-us-state", True, 100.0)
    assert (nation["id"], feature(nation, "country"), nation["score"]) == ("georgia", False, 50.0)
    assert not nation["match"]


def test_country_property_by_id_or_entity_value(client: FlaskClient) -> None:
    japan = {"id": "japan", "name": "Japan"}
    body = post_v02(client, {"id": {"query": "Tokyo", "properties": [{"pid": "country", "v": "japan"}]},
                             "ent": {"query": "Tokyo", "properties": [{"pid": "country", "v": japan}]}})
    for key in ("id", "ent"):
        tokyo = body[key]["result"][0]
        assert (tokyo["id"], tokyo["match"], feature(tokyo, "country")) == ("tokyo", True, True)


def test_required_country_filters_and_quantifier_none_excludes(client: FlaskClient) -> None:
    required, excluded, contradicted = post_v10(client, [
        {"conditions": [name("Georgia"), country("Mỹ", required=True)]},
        {"conditions": [name("Georgia"), country(["Hoa Kỳ"], required=True, matchQuantifier="none")]},
        {"conditions": [name("Tokyo"), country("Trung Quốc")]},
    ])
    assert ids(required) == ["georgia-us-state"]
    assert ids(excluded) == ["georgia"]
    assert contradicted[0]["id"] == "tokyo" and not contradicted[0]["match"]
    assert contradicted[0]["score"] == 50.0


def test_type_iso_code_and_native_name_work_as_conditions(client: FlaskClient) -> None:
    body = post_v02(client, {"q": {"query": "Georgia", "properties": [{"pid": "type", "v": "Place"}]}})
    state, nation = body["q"]["result"]
    assert (state["id"], feature(state, "type"), nation["id"], feature(nation, "type")) == (
        "georgia-us-state", True, "georgia", False)
    by_code, by_native, not_native = post_v10(client, [
        {"conditions": [name("Georgia"), {"matchType": "property", "propertyId": "iso3166",
                                          "propertyValue": "ge", "required": True}]},
        {"conditions": [name("Kishida"), {"matchType": "property", "propertyId": "native_name",
                                          "propertyValue": "岸田文雄"}]},
        {"conditions": [name("Kishida"), {"matchType": "property", "propertyId": "native_name",
                                          "propertyValue": "王毅"}]},
    ])
    assert ids(by_code) == ["georgia"]  # the state has no ISO code: a required condition drops it
    assert feature(by_native[0], "native_name") is True and by_native[0]["match"]
    assert feature(not_native[0], "native_name") is False and not not_native[0]["match"]


def test_an_entity_without_a_country_is_kept_unless_required(client: FlaskClient) -> None:
    kept, dropped = post_v10(client, [
        {"conditions": [name("Takeshima"), country("Nhật Bản")]},
        {"conditions": [name("Takeshima"), country("Nhật Bản", required=True)]}])
    assert (kept[0]["id"], kept[0]["match"], kept[0]["score"]) == ("liancourt-rocks", True, 100.0)
    assert feature(kept[0], "country_unknown") is True
    assert dropped == []


def test_a_country_nobody_knows_fits_no_candidate(client: FlaskClient) -> None:
    [[tokyo]] = post_v10(client, [{"conditions": [name("Tokyo"), country("Atlantis")]}])
    assert feature(tokyo, "country") is False and not tokyo["match"]


def test_id_condition_finds_the_entity_through_a_redirect(client: FlaskClient) -> None:
    found, unknown = post_v10(client, [
        {"conditions": [{"matchType": "id", "propertyValue": "wang-yi-diplomat"}]},
        {"conditions": [{"matchType": "id", "propertyValue": "nobody"}]}])
    assert (found[0]["id"], found[0]["match"], found[0]["score"]) == ("wang-yi", True, 100.0)
    assert unknown == []


def test_names_that_match_different_entities_match_none(client: FlaskClient) -> None:
    by_id = {"matchType": "id", "propertyValue": "wang-yi"}
    both, same = post_v10(client, [{"conditions": [name("Tokyo"), name("Vương Nghị")]},
                                   {"conditions": [name("Vương Nghị"), by_id]}])
    assert set(ids(both)) == {"tokyo", "wang-yi"} and not any(c["match"] for c in both)
    assert ids(same) == ["wang-yi"] and same[0]["match"]


def test_a_query_without_a_name_has_no_candidates(client: FlaskClient) -> None:
    body = post_v02(client, {"q": {"properties": [{"pid": "country", "v": "japan"}]}})
    assert body == {"q": {"result": []}}
    assert post_v10(client, [{"conditions": [country("japan")]}]) == [[]]


def _refused(response: Any, status: int, location: str, path: list[str]) -> str:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == ERROR_KEYS and body["code"] == status
    found = body["errors"][location]
    for part in path:
        found = found[part]
    assert found == [body["message"]]
    return str(body["message"])


@pytest.mark.parametrize(("query", "path", "says"), [
    ({"query": "x", "type": "planet"}, ["type"], "unknown type 'planet'"),
    ({"query": "x", "limit": 0}, ["limit"], "positive whole number"),
    ({"query": "x", "limit": "5"}, ["limit"], "positive whole number"),
    ({"query": "x", "properties": [{"pid": "mayor", "v": "x"}]}, ["properties", "0", "pid"],
     "unknown property"),
    ({"query": "x", "properties": [{"pid": "country"}]}, ["properties", "0"], "pid and v"),
    ({"query": "x", "props": []}, ["props"], "unknown field 'props'"),
    ({"query": 5}, ["query"], "must be a string"),
    ({"query": "x" * 1001}, ["query"], "at most 1000 characters"),
])
def test_a_bad_0_2_query_fails_alone_with_the_field(client: FlaskClient, query: dict[str, Any],
                                                    path: list[str], says: str) -> None:
    batch = {"q0": query, "q1": {"query": "Vương Nghị"}}
    response = client.post("/reconcile", data={"queries": json.dumps(batch)})
    assert response.status_code == 200
    body = response.get_json()
    assert body["q0"]["result"] == [] and body["q0"]["error"]["path"] == ".".join(["queries", "q0", *path])
    assert says in body["q0"]["error"]["message"]
    assert ids(body["q1"]["result"])[0] == "wang-yi" and "error" not in body["q1"]
    if specs.available():
        specs.assert_valid("0.2", "reconciliation-result-batch", body)


@pytest.mark.parametrize(("queries", "path", "says"), [
    ([{"conditions": []}], ["queries", "0", "conditions"], "non-empty"),
    ([{"conditions": [{"matchType": "label", "propertyValue": "x"}]}],
     ["queries", "0", "conditions", "0", "matchType"], "name, id or property"),
    ([{"query": "x"}], ["queries", "0", "query"], "unknown field"),
    ([{"conditions": [country("japan", matchQuantifier="most")]}],
     ["queries", "0", "conditions", "0", "matchQuantifier"], "any, all or none"),
    ([{"conditions": [country("japan", required="yes")]}],
     ["queries", "0", "conditions", "0", "required"], "true or false"),
    ([{"conditions": [{"matchType": "name", "propertyValue": [[1]]}]}],
     ["queries", "0", "conditions", "0", "propertyValue"], "must be a string"),
])
def test_a_bad_1_0_query_fails_alone_with_the_field(client: FlaskClient, queries: list[Any],
                                                    path: list[str], says: str) -> None:
    batch = [*queries, {"conditions": [name("Tokyo")]}]
    response = client.post("/reconcile/reconcile", json={"queries": batch})
    assert response.status_code == 200
    first, second = response.get_json()["results"]
    assert first["candidates"] == [] and first["error"]["path"] == ".".join(path)
    assert says in first["error"]["message"]
    assert "tokyo" in ids(second["candidates"]) and "error" not in second
    if specs.available():
        specs.assert_valid("1.0-draft", "reconciliation-result-batch", response.get_json())


def test_batches_over_the_limit_are_refused_with_413(client: FlaskClient) -> None:
    queries = {f"q{i}": {"query": "Tokyo"} for i in range(21)}
    response = client.post("/reconcile", data={"queries": json.dumps(queries)})
    _refused(response, 413, "form", ["queries"])
    response = client.post("/reconcile", json={"queries": [{"conditions": [name("x")]}] * 21})
    _refused(response, 413, "json", ["queries"])


@pytest.mark.parametrize(("send", "status", "says"), [
    ({"data": {"queries": "{not json"}}, 400, "not valid JSON"),
    ({"data": {"queries": "[1, 2]"}}, 400, "JSON object of keyed queries"),
    ({"data": {"queries": "[" * 100_000}}, 400, "nested too deeply"),
    ({"data": b"queries=%FF%FE", "content_type": "application/x-www-form-urlencoded"}, 400,
     "not valid UTF-8"),
    ({"data": {"nothing": "here"}}, 400, "send queries= or extend="),
    ({"data": b"\xff{", "content_type": "application/json"}, 400, "not valid UTF-8"),
    ({"json": [1, 2]}, 400, '{"queries": [...]}'),
])
def test_malformed_posts_get_a_clear_error(client: FlaskClient, send: dict[str, Any], status: int,
                                           says: str) -> None:
    response = client.post("/reconcile", **send)
    assert response.status_code == status
    body = response.get_json()
    assert set(body) == ERROR_KEYS and says in body["message"]


def test_the_1_0_route_wants_json(client: FlaskClient) -> None:
    response = client.post("/reconcile/reconcile", data={"queries": "{}"})
    assert response.status_code == 415 and set(response.get_json()) == ERROR_KEYS


def test_a_query_string_that_is_not_utf8_is_refused(client: FlaskClient) -> None:
    response = client.get("/reconcile?queries=%FF")
    assert response.status_code == 400 and set(response.get_json()) == ERROR_KEYS


def test_cross_origin_preflight_is_allowed(client: FlaskClient) -> None:
    response = client.options("/reconcile/reconcile", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]
