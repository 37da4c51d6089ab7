"""GET /v1/entities (search, browse, pages) and GET /v1/entities/<id> (ETag, 304, 308)."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.api.conftest import ENTITY_COUNT

PAGE_KEYS = {"items", "total", "page", "per_page"}


def ids(body: dict) -> list[str]:
    return [e["id"] for e in body["items"]]


def test_browse_lists_every_entity_by_id_in_pages(client: FlaskClient) -> None:
    first = client.get("/v1/entities?per_page=3").get_json()
    assert set(first) == PAGE_KEYS
    assert first["total"] == ENTITY_COUNT
    seen = []
    for page in range(1, 4):
        seen += ids(client.get(f"/v1/entities?per_page=3&page={page}").get_json())
    assert seen == sorted(seen)
    assert len(seen) == len(set(seen)) == ENTITY_COUNT


def test_page_past_the_end_is_empty_not_an_error(client: FlaskClient) -> None:
    body = client.get("/v1/entities?page=99").get_json()
    assert body["items"] == [] and body["total"] == ENTITY_COUNT


def test_browse_by_type(client: FlaskClient) -> None:
    body = client.get("/v1/entities?type=country").get_json()
    assert ids(body) == ["china", "japan", "south-korea"]


def test_search_puts_the_resolved_entity_first(client: FlaskClient) -> None:
    body = client.get("/v1/entities", query_string={"q": "Vuong Nghi"}).get_json()
    assert ids(body)[0] == "wang-yi"


def test_search_finds_names_containing_the_query(client: FlaskClient) -> None:
    body = client.get("/v1/entities", query_string={"q": "korea"}).get_json()
    assert "south-korea" in ids(body)
    assert "china" not in ids(body)


def test_search_with_type_filter(client: FlaskClient) -> None:
    body = client.get("/v1/entities", query_string={"q": "quoc", "type": "person"}).get_json()
    assert body["items"] == [] and body["total"] == 0


def test_entity_has_all_its_names_roles_and_revision(client: FlaskClient) -> None:
    response = client.get("/v1/entities/wang-yi")
    assert response.status_code == 200
    body = response.get_json()
    assert body["name"] == "Wang Yi" and body["revision"] == 1
    assert {"Wang Yi", "王毅", "Vương Nghị"} == {n["text"] for n in body["names"]}
    assert body["roles"][0]["of"] == "china"


def test_contested_names_keep_who_uses_them(client: FlaskClient) -> None:
    names = {n["text"]: n for n in client.get("/v1/entities/liancourt-rocks").get_json()["names"]}
    assert names["Takeshima"]["used_by"] == ["japan"]
    assert names["Dokdo"]["used_by"] == ["south-korea"]


def test_etag_revalidates_to_304(client: FlaskClient) -> None:
    first = client.get("/v1/entities/wang-yi")
    etag = first.headers["ETag"]
    assert etag
    again = client.get("/v1/entities/wang-yi", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""
    other = client.get("/v1/entities/wang-yi", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200
    assert client.get("/v1/entities/xi-jinping").headers["ETag"] != etag


def test_merged_id_redirects_to_its_survivor(client: FlaskClient) -> None:
    response = client.get("/v1/entities/wang-yi-diplomat")
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/v1/entities/wang-yi")


def test_get_with_a_stale_if_match_is_a_412_in_the_error_shape(client: FlaskClient) -> None:
    etag = client.get("/v1/entities/wang-yi").headers["ETag"]
    assert client.get("/v1/entities/wang-yi", headers={"If-Match": etag}).status_code == 200
    assert client.get("/v1/entities/wang-yi", headers={"If-Match": "*"}).status_code == 200
    stale = client.get("/v1/entities/wang-yi", headers={"If-Match": '"not-the-etag"'})
    assert stale.status_code == 412 and stale.mimetype == "application/json"
    assert set(stale.get_json()) == {"code", "status", "message", "errors"}
    assert stale.get_json()["code"] == 412
