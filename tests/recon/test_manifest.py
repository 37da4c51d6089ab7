"""GET /reconcile: the manifest, for both versions at once and for each alone."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from normalizer.recon import Spaces, manifest
from tests.recon import specs


def _manifest(client: FlaskClient, query: str = "") -> dict[str, Any]:
    response = client.get(f"/reconcile{query}")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response.get_json()  # type: ignore[no-any-return]


def test_the_plain_url_gives_openrefine_3_suggest_preview_and_extend(
        client: FlaskClient, need_specs: None) -> None:
    manifest = _manifest(client)
    assert manifest["versions"] == ["0.2"]
    specs.assert_valid("0.2", "manifest", manifest)
    assert set(manifest["suggest"]) == {"entity", "type", "property"}
    assert manifest["suggest"]["property"]["service_path"] == "/suggest/property"
    assert manifest["preview"]["url"] and manifest["extend"]["propose_properties"]
    assert manifest == _manifest(client, "?version=0.2")
    # suggest is the one field whose 0.2 and 1.0 forms exclude each other: the draft has its own
    assert specs.errors("1.0-draft", "manifest", manifest)


@pytest.mark.parametrize("version", specs.VERSIONS)
def test_one_version_manifest_validates_and_offers_suggest(
        client: FlaskClient, need_specs: None, version: str) -> None:
    manifest = _manifest(client, f"?version={version}")
    assert manifest["versions"] == [version]
    specs.assert_valid(version, "manifest", manifest)
    assert manifest["suggest"]


def test_manifest_declares_types_scores_and_batch_size(client: FlaskClient) -> None:
    manifest = _manifest(client)
    types = [t["id"] for t in manifest["defaultTypes"]]
    assert types == ["person", "country", "place", "organization", "event"]
    assert manifest["standardizedScore"] is True
    assert manifest["batchSize"] == 20
    assert manifest["view"]["url"] == "http://localhost/ui/entity/{{id}}"
    assert _manifest(client, "?version=1.0-draft")["view"]["url"] == "http://localhost/ui/entity/{id}"


def test_the_id_space_is_a_setting_not_the_host_name(client: FlaskClient) -> None:
    hosts = ("a.example", "b.example:8080")
    seen = {(m["identifierSpace"], m["schemaSpace"])
            for m in (client.get("/reconcile", headers={"Host": host}).get_json() for host in hosts)}
    assert seen == {("urn:normalizer:entity:", "urn:normalizer:type:")}
    spaces = Spaces("https://ids.example/e/", "https://ids.example/t/")
    mine = manifest("http://h/reconcile", "http://h", None, spaces=spaces)
    assert (mine["identifierSpace"], mine["schemaSpace"]) == ("https://ids.example/e/", "https://ids.example/t/")


def test_unknown_version_is_a_clear_error(client: FlaskClient) -> None:
    response = client.get("/reconcile?version=9.9")
    assert response.status_code == 400
    body = response.get_json()
    assert set(body) == {"code", "status", "message", "errors"}
    assert "9.9" in body["message"] and body["errors"] == {"query": {"version": [body["message"]]}}


def test_the_view_url_is_the_entity_page_of_the_ui(client: FlaskClient) -> None:
    # (this app has no database for the UI; tests/recon/test_openrefine.py opens the page for real)
    url = _manifest(client)["view"]["url"].replace("{{id}}", "wang-yi").removeprefix("http://localhost")
    endpoint, args = client.application.url_map.bind("localhost").match(url)
    assert (endpoint, args) == ("ui.entity", {"entity_id": "wang-yi"})


def test_every_0_2_service_url_in_the_manifest_answers(client: FlaskClient, need_specs: None) -> None:
    """Follow the 0.2 manifest as OpenRefine 3.x does: service_url + service_path, URL templates."""
    manifest = _manifest(client, "?version=0.2")
    local = "http://localhost"
    for kind, schema in (("entity", "suggest-entities-response"), ("type", "suggest-types-response"),
                         ("property", "suggest-properties-response")):
        service = manifest["suggest"][kind]
        url = (service["service_url"] + service["service_path"]).removeprefix(local)
        response = client.get(url, query_string={"prefix": "co"})
        assert response.status_code == 200, url
        assert response.get_json()["result"], url
        specs.assert_valid("0.2", schema, response.get_json())
        some_id = response.get_json()["result"][0]["id"]  # what the client shows a flyout for
        flyout = (service["flyout_service_url"] + service["flyout_service_path"]).replace("${id}", some_id)
        answer = client.get(flyout.removeprefix(local))
        assert answer.status_code == 200, flyout
        assert answer.get_json()["id"] == some_id and answer.get_json()["html"]
    preview = manifest["preview"]["url"].replace("{{id}}", "tokyo").removeprefix(local)
    assert b"Tokyo" in client.get(preview).data
    propose = manifest["extend"]["propose_properties"]
    url = (propose["service_url"] + propose["service_path"]).removeprefix(local)
    specs.assert_valid("0.2", "data-extension-property-proposal",
                       client.get(url, query_string={"type": "person"}).get_json())


@pytest.mark.parametrize("version", [None, *specs.VERSIONS])
def test_a_service_that_wants_read_tokens_says_how_to_send_them(
        need_specs: None, version: str | None) -> None:
    found = manifest("http://h/reconcile", "http://h", version, token_required=True)
    assert found["authentication"]["in"] == "header" and found["authentication"]["name"] == "Authorization"
    specs.assert_valid(version or "0.2", "manifest", found)
    assert "authentication" not in manifest("http://h/reconcile", "http://h", version)
