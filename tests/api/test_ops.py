"""Health, readiness, metrics, request ids, JSON-lines logs, CORS and the documentation."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from normalizer.api.observability import JsonLines
from tests.api.conftest import make_app


def test_healthz_and_readyz(client: FlaskClient) -> None:
    assert client.get("/healthz").get_json()["status"] == "ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json()["checks"]["index"] is True


def metric(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_latency_and_outcomes(client: FlaskClient) -> None:
    before = client.get("/metrics").get_data(as_text=True)
    client.get("/v1/resolve?q=Dokdo")
    client.get("/v1/resolve?q=")
    after = client.get("/metrics").get_data(as_text=True)
    ok = {"endpoint": "/v1/resolve", "method": "GET", "status": "200"}
    bad = {**ok, "status": "422"}
    requests = "normalizer_http_requests_total"
    assert metric(after, requests, **ok) == metric(before, requests, **ok) + 1
    assert metric(after, requests, **bad) == metric(before, requests, **bad) + 1
    latency = "normalizer_http_request_duration_seconds_count"
    assert metric(after, latency, endpoint="/v1/resolve", status="200") >= 1
    outcome = {"status": "matched", "method": "exact"}
    assert metric(after, "normalizer_resolve_outcomes_total", **outcome) == metric(
        before, "normalizer_resolve_outcomes_total", **outcome) + 1


def test_unknown_paths_share_one_metric_label(client: FlaskClient) -> None:
    client.get("/random-path-123")
    text = client.get("/metrics").get_data(as_text=True)
    assert "random-path-123" not in text
    assert metric(text, "normalizer_http_requests_total", endpoint="unmatched", status="404") >= 1


def test_request_id_is_echoed_when_valid_and_made_otherwise(client: FlaskClient) -> None:
    assert client.get("/healthz", headers={"X-Request-Id": "job-42.7"}).headers["X-Request-Id"] == "job-42.7"
    made = client.get("/healthz", headers={"X-Request-Id": "bad id\twith spaces"}).headers["X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert client.get("/healthz").headers["X-Request-Id"] != made


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(JsonLines().format(record)))


def test_access_log_is_one_json_line_with_latency_and_request_id(client: FlaskClient) -> None:
    records = Records()
    logger = logging.getLogger("normalizer.access")
    logger.addHandler(records)
    try:
        client.get("/v1/resolve?q=Dokdo", headers={"X-Request-Id": "trace-1"})
    finally:
        logger.removeHandler(records)
    (line,) = records.lines
    assert line["request_id"] == "trace-1"
    assert line["status"] == 200 and line["method"] == "GET" and line["path"] == "/v1/resolve"
    assert isinstance(line["latency_ms"], float) and line["latency_ms"] > 0
    assert line["level"] == "info" and line["ts"]


def test_cors_is_off_by_default(client: FlaskClient) -> None:
    response = client.get("/v1/resolve?q=Dokdo", headers={"Origin": "https://example.org"})
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize(("configured", "origin", "allowed"), [
    ("https://example.org", "https://example.org", True),
    ("https://example.org, https://other.example", "https://evil.example", False),
    ("*", "https://anyone.example", True),
])
def test_cors_allows_only_configured_origins(index: Any, settings: Any, configured: str, origin: str,
                                             allowed: bool) -> None:
    client = make_app(index, settings, cors_origins=configured).test_client()
    response = client.get("/v1/resolve?q=Dokdo", headers={"Origin": origin})
    assert ("Access-Control-Allow-Origin" in response.headers) is allowed
    if allowed:
        assert "X-Request-Id" in response.headers["Access-Control-Expose-Headers"]


def test_openapi_document_describes_the_api(client: FlaskClient) -> None:
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"get", "post"} <= set(spec["paths"]["/v1/resolve"])
    for path in ("/v1/entities", "/v1/entities/{entity_id}", "/v1/transliterate", "/healthz", "/readyz",
                 "/metrics"):
        assert path in spec["paths"]
    error = spec["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"code", "status", "message", "errors"}
    resolution = spec["components"]["schemas"]["Resolution"]
    assert resolution["properties"]["match"].get("nullable") or "anyOf" in resolution["properties"]["match"]


def test_docs_page_is_served_from_the_package_without_external_resources(client: FlaskClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "openapi.json" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


def test_docs_page_sends_the_security_headers_of_the_ui(client: FlaskClient) -> None:
    for path in ("/docs", "/docs/docs.js", "/docs/docs.css"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers.get("Content-Security-Policy", "")
        assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy, path
        assert "unsafe-inline" not in policy
        assert response.headers.get("X-Content-Type-Options") == "nosniff", path
        assert response.headers.get("Referrer-Policy") == "same-origin", path
    assert policy == client.get("/ui/").headers["Content-Security-Policy"]  # the UI's own policy
    page = client.get("/docs").get_data(as_text=True)
    assert "<script>" not in page and "<style>" not in page  # the policy allows no inline code
