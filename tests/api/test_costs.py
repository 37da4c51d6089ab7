"""What a bad request may cost: limits and authentication come before per-item validation, and an
error reply stays small whatever the request held."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from normalizer.api import schemas
from normalizer.api.errors import MAX_ITEM_ERRORS
from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.web import create_app
from tests.store.conftest import write_gazetteer

ERROR_KEYS = {"code", "status", "message", "errors"}


def post_json(client: FlaskClient, url: str, body: str, **headers: str) -> Any:
    return client.post(url, data=body, content_type="application/json", headers=headers)


@pytest.fixture()
def no_schema_walk(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records every batch the schema is asked to load (by its number of queries)."""
    loaded: list[int] = []
    original = schemas.BatchRequest.load

    def spy(self: Any, data: Any, *args: Any, **kwargs: Any) -> Any:
        loaded.append(len(data.get("queries", [])) if isinstance(data, dict) else -1)
        return original(self, data, *args, **kwargs)

    monkeypatch.setattr(schemas.BatchRequest, "load", spy)
    return loaded


def test_a_batch_over_the_limit_is_refused_by_its_size_before_any_item_is_checked(
        client: FlaskClient, no_schema_walk: list[int]) -> None:
    body = '{"queries":[' + ",".join(['{"q":""}'] * 9_000) + "]}"  # every item invalid
    response = post_json(client, "/v1/resolve", body)
    assert response.status_code == 422
    payload = response.get_json()
    assert set(payload) == ERROR_KEYS
    assert payload["errors"] == {"json": {"queries": ["a batch has at most 1000 queries"]}}
    assert len(response.get_data()) < 500 and no_schema_walk == []


def test_a_json_body_of_too_many_objects_is_refused_while_it_is_parsed(client: FlaskClient) -> None:
    body = '{"queries":[' + ",".join(["{}"] * 200_000) + "]}"  # 600 kB, under the body limit
    response = post_json(client, "/v1/resolve", body)
    assert response.status_code == 413
    assert set(response.get_json()) == ERROR_KEYS and "objects" in response.get_json()["message"]
    assert len(response.get_data()) < 500


def test_item_errors_are_capped_with_a_count_of_the_rest(client: FlaskClient) -> None:
    body = json.dumps({"queries": [{"q": ""}] * 1000})
    response = post_json(client, "/v1/resolve", body)
    assert response.status_code == 422
    items = response.get_json()["errors"]["json"]["queries"]
    listed = [k for k in items if k.isdigit()]
    assert len(listed) == MAX_ITEM_ERRORS and listed[:3] == ["0", "1", "2"]
    assert items["_more"] == [f"{1000 - MAX_ITEM_ERRORS} more items have errors; the first "
                              f"{MAX_ITEM_ERRORS} are listed"]
    assert len(response.get_data()) < 20_000


@pytest.fixture()
def store_app(tmp_path: Path) -> Iterator[tuple[Flask, str]]:
    settings = Settings(gazetteer_dir=write_gazetteer(tmp_path / "gazetteer"), log_level="WARNING",
                        database_url=f"sqlite:///{tmp_path / 'normalizer.db'}", review_queue=False)
    service = Normalizer.from_settings(settings)
    assert service.curation is not None
    token = service.curation.create_token("alice", "editor")
    yield create_app(settings, service), token
    service.close()


def bad_entity(names: int) -> str:
    return json.dumps({"name": "X", "type": "person",
                       "names": [{"text": "", "lang": "not a tag", "kind": "?"}] * names})


def test_a_write_without_a_token_is_refused_before_its_body_is_read(store_app: tuple[Flask, str]) -> None:
    app, _ = store_app
    client = app.test_client()
    for url in ("/v1/entities", "/v1/entities/japan/names", "/v1/review/some-key"):
        response = post_json(client, url, bad_entity(20_000))
        assert response.status_code == 401, (url, response.get_data()[:300])
        assert len(response.get_data()) < 500
    response = client.patch("/v1/entities/japan", data="not json", content_type="text/plain")
    assert response.status_code == 401


def test_too_many_names_are_refused_by_count_before_any_name_is_checked(
        store_app: tuple[Flask, str]) -> None:
    app, token = store_app
    response = post_json(app.test_client(), "/v1/entities", bad_entity(5_000),
                         Authorization=f"Bearer {token}")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"json": {"names": ["an entity has at most 1000 names"]}}
    assert len(response.get_data()) < 500
