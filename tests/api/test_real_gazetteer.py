"""Smoke test on the real gazetteer: the app starts on it and resolves names from the seed articles."""

from __future__ import annotations

import pytest
from flask import Flask

from normalizer.settings import Settings
from normalizer.web import create_app


@pytest.fixture(scope="module")
def real_app() -> Flask:
    return create_app(Settings())


@pytest.mark.parametrize(("query", "entity_id"), [
    ("Ngoại trưởng Vương Nghị", "wang-yi"),
    ("tap can binh", "xi-jinping"),
    ("Hàn Quốc", "south-korea"),
])
def test_real_gazetteer_resolves_seed_names(real_app: Flask, query: str, entity_id: str) -> None:
    body = real_app.test_client().get("/v1/resolve", query_string={"q": query}).get_json()
    assert body["match"]["id"] == entity_id, body


def test_real_gazetteer_is_ready_and_browsable(real_app: Flask) -> None:
    client = real_app.test_client()
    assert client.get("/readyz").status_code == 200
    page = client.get("/v1/entities?type=country&per_page=5").get_json()
    assert page["total"] > 100 and len(page["items"]) == 5
