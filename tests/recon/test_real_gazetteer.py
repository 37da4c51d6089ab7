"""Smoke test on the real gazetteer: names from the seed articles reconcile as OpenRefine sends them."""

from __future__ import annotations

import json

import pytest
from flask import Flask

from normalizer.service import Normalizer, load_index
from normalizer.settings import Settings
from normalizer.web import create_app
from tests.recon import specs


@pytest.fixture(scope="module")
def real_app() -> Flask:
    # The YAML gazetteer itself, without a database: other tests write to the shared one.
    settings = Settings(log_level="WARNING")
    return create_app(settings, Normalizer(load_index(settings.gazetteer_dir), settings))


def test_seed_names_reconcile_through_a_0_2_batch(real_app: Flask) -> None:
    queries = {
        "q0": {"query": "Ngoại trưởng Vương Nghị"},
        "q1": {"query": "tap can binh", "type": "person"},
        "q2": {"query": "Kishida Fumio", "properties": [{"pid": "country", "v": "Nhật Bản"}]},
        "q3": {"query": "Takeshima"},
        "q4": {"query": "TTXVN", "type": "organization"},
    }
    response = real_app.test_client().post("/reconcile", data={"queries": json.dumps(queries)})
    body = response.get_json()
    if specs.available():
        specs.assert_valid("0.2", "reconciliation-result-batch", body)
    top = {key: (r["result"][0]["id"], r["result"][0]["match"]) for key, r in body.items()}
    assert top == {"q0": ("wang-yi", True), "q1": ("xi-jinping", True), "q2": ("fumio-kishida", True),
                   "q3": ("liancourt-rocks", True), "q4": ("vietnam-news-agency", True)}
    kishida = body["q2"]["result"][0]
    assert {"id": "country", "name": "country fits any of 'Nhật Bản'", "value": True} in kishida["features"]


def test_preview_and_extension_on_real_entities(real_app: Flask) -> None:
    client = real_app.test_client()
    html = client.get("/reconcile/preview", query_string={"id": "wang-yi"}).get_data(as_text=True)
    assert "Vương Nghị" in html and "王毅" in html
    rows = client.post("/reconcile/extend", json={"ids": ["japan", "fumio-kishida"], "properties": [
        {"id": "iso3166"}, {"id": "country"}]}).get_json()["rows"]
    assert rows[0]["properties"][0]["values"] == [{"str": "JP"}]
    assert rows[1]["properties"][1]["values"] == [{"id": "japan", "name": "Japan"}]
