"""GET /reconcile: the manifest, for both versions at once and for each alone."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from normalizer.recon import manifest
from tests.recon import specs


def _manifest(client: FlaskClient, query: str = "") -> dict[str, Any]:
    response = client.get(f"/reconcile{query}")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response.get_json()  # type: ignore[no-any-return]


def test_default_manifest_lists_both_versions_and_validates_against_both(
        client: FlaskClient, need_specs: None) -> None:
    manifest = _manifest(client)
    assert manifest["versions"] == ["0.2", "1.0-draft"]
    for version in specs.VERSIONS:
        specs.assert_valid(version, "manifest", manifest)
    # suggest is the one field whose 0.2 and 1.0 forms exclude each other.
    assert "suggest" not in manifest


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
    assert manifest["view"]["url"] == "http://localhost/v1/entities/{{id}}"


def test_unknown_version_is_a_clear_error(client: FlaskClient) -> None:
    response = client.get("/reconcile?version=9.9")
    assert response.status_code == 400
    body = response.get_json()
    assert set(body) == {"code", "status", "message", "errors"}
    assert "9.9" in body["message"] and body["errors"] == {"query": {"version": [body["message"]]}}


def test_the_view_url_leads_to_the_entity(client: FlaskClient) -> None:
    url = _manifest(client)["view"]["url"].replace("{{id}}", "wang-yi").removeprefix("http://localhost")
    assert client.get(url).get_json()["name"] == "Wang Yi"


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
        flyout = (service["flyout_service_url"] + service["flyout_service_path"]).replace("${id}", "tokyo")
        assert client.get(flyout.removeprefix(local)).get_json()["id"] == "tokyo"
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
    for checked in [version] if version else specs.VERSIONS:
        specs.assert_valid(checked, "manifest", found)
    assert "authentication" not in manifest("http://h/reconcile", "http://h", version)
