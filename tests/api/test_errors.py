"""Every error path answers one JSON shape {"code", "status", "message", "errors"}, and the app
keeps serving after each of them."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.api.conftest import make_app

Call = Callable[[FlaskClient], TestResponse]


def post_raw(body: bytes | str, content_type: str = "application/json") -> Call:
    return lambda c: c.post("/v1/resolve", data=body, content_type=content_type)


def get_raw(query_string: str, path: str = "/v1/resolve") -> Call:
    """A request with the query string exactly as given (percent escapes left to the server)."""
    return lambda c: c.get(f"{path}?{query_string}")


# (what, request, expected status, location and field that must carry a message, or None)
ERROR_PATHS: list[tuple[str, Call, int, tuple[str, str] | None]] = [
    ("unknown path", lambda c: c.get("/v1/nothing-here"), 404, None),
    ("unknown entity", lambda c: c.get("/v1/entities/no-such-id"), 404, None),
    ("method not allowed", lambda c: c.delete("/v1/resolve"), 405, None),
    ("form body", post_raw("queries=x", "application/x-www-form-urlencoded"), 415, None),
    ("text body", post_raw("Vương Nghị", "text/plain"), 415, None),
    ("missing q", lambda c: c.get("/v1/resolve"), 422, ("query", "q")),
    ("empty q", lambda c: c.get("/v1/resolve?q="), 422, ("query", "q")),
    ("blank q", lambda c: c.get("/v1/resolve?q=+++"), 422, ("query", "q")),
    ("10,000-character q", lambda c: c.get("/v1/resolve", query_string={"q": "a" * 10_000}), 422,
     ("query", "q")),
    ("NUL in q", get_raw("q=Wang%00Yi"), 422, ("query", "q")),
    ("control character in q", get_raw("q=Wang%1BYi"), 422, ("query", "q")),
    ("C1 control in q", get_raw("q=Wang%C2%85Yi"), 422, ("query", "q")),
    ("unknown type", lambda c: c.get("/v1/resolve?q=Wang+Yi&type=planet"), 422, ("query", "type")),
    ("limit too big", lambda c: c.get("/v1/resolve?q=Wang+Yi&limit=51"), 422, ("query", "limit")),
    ("limit not a number", lambda c: c.get("/v1/resolve?q=Wang+Yi&limit=many"), 422, ("query", "limit")),
    ("invalid UTF-8 in the query string", get_raw("q=%FF%FEWang"), 400, None),
    ("encoded surrogate in the query string", get_raw("q=%ED%A0%80"), 400, None),
    ("batch of 1,001", post_raw(json.dumps({"queries": [{"q": "Dokdo"}] * 1001})), 422, ("json", "queries")),
    ("empty batch", post_raw('{"queries": []}'), 422, ("json", "queries")),
    ("batch item without q", post_raw('{"queries": [{"q": "Dokdo"}, {"type": "place"}]}'), 422,
     ("json", "queries")),
    ("batch item overlong", post_raw(json.dumps({"queries": [{"q": "Dokdo"}, {"q": "x" * 5000}]})), 422,
     ("json", "queries")),
    ("lone surrogate in JSON", post_raw('{"queries": [{"q": "\\ud800"}]}'), 422, ("json", "queries")),
    ("unknown field", post_raw('{"queries": [{"q": "Dokdo"}], "mode": "fast"}'), 422, ("json", "mode")),
    ("bare JSON string", post_raw('"Vương Nghị"'), 422, ("json", "_schema")),
    ("JSON null", post_raw("null"), 422, None),
    ("deeply nested JSON", post_raw("[" * 100_000 + "]" * 100_000), 400, None),
    ("nested JSON below the recursion limit", post_raw('{"queries": ' + "[" * 200 + "]" * 200 + "}"), 422,
     ("json", "queries")),
    ("broken JSON", post_raw('{"queries": [{"q": "Dokdo"'), 400, None),
    ("invalid UTF-8 body", post_raw(b'{"queries": [{"q": "\xff"}]}'), 400, None),
    ("bad page", lambda c: c.get("/v1/entities?page=0"), 422, ("query", "page")),
    ("bad per_page", lambda c: c.get("/v1/entities?per_page=1000"), 422, ("query", "per_page")),
    ("NUL in search", get_raw("q=%00", "/v1/entities"), 422, ("query", "q")),
    ("unsupported transliteration pair", lambda c: c.get("/v1/transliterate?q=abc&from=xx&to=yy"), 422,
     ("query", "to")),
    ("empty q to transliterate", lambda c: c.get("/v1/transliterate?q="), 422, ("query", "q")),
]


def assert_error_shape(response: TestResponse, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"code", "status", "message", "errors"}
    assert body["code"] == status
    assert isinstance(body["status"], str) and body["status"]
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["errors"], dict)
    assert response.headers["X-Request-Id"]
    return body  # type: ignore[no-any-return]


@pytest.mark.parametrize(("what", "call", "status", "field"), ERROR_PATHS, ids=[e[0] for e in ERROR_PATHS])
def test_error_path_has_the_one_shape(client: FlaskClient, what: str, call: Call, status: int,
                                      field: tuple[str, str] | None) -> None:
    body = assert_error_shape(call(client), status)
    if field:
        location, name = field
        assert body["errors"][location][name], body
    assert client.get("/v1/resolve?q=Dokdo").status_code == 200  # still serving


def test_405_says_what_is_allowed(client: FlaskClient) -> None:
    response = client.put("/v1/resolve", json={})
    assert_error_shape(response, 405)
    assert {"GET", "POST"} <= {m.strip() for m in response.headers["Allow"].split(",")}


def test_batch_error_names_the_bad_item(client: FlaskClient) -> None:
    body = client.post("/v1/resolve", json={"queries": [{"q": "Dokdo"}, {"q": "x" * 5000}]}).get_json()
    assert body["errors"]["json"]["queries"]["1"]["q"]


def test_body_over_the_limit_is_413(index: Any, settings: Any) -> None:
    client = make_app(index, settings, max_body_bytes=1000).test_client()
    response = client.post("/v1/resolve", json={"queries": [{"q": "Dokdo"}] * 200})
    assert_error_shape(response, 413)
    assert client.post("/v1/resolve", json={"queries": [{"q": "Dokdo"}]}).status_code == 200


def test_an_unexpected_exception_is_a_500_in_the_shape(index: Any, settings: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    app: Flask = make_app(index, settings)
    service = app.extensions["normalizer"]

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(service, "resolve", broken)
    body = assert_error_shape(app.test_client().get("/v1/resolve?q=Dokdo"), 500)
    assert "a bug" not in body["message"]  # internals stay in the log


def test_readyz_failing_is_a_503_in_the_shape(index: Any, settings: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    app: Flask = make_app(index, settings)
    monkeypatch.setattr(app.extensions["normalizer"], "readiness", lambda: {"index": True, "database": False})
    body = assert_error_shape(app.test_client().get("/readyz"), 503)
    assert body["errors"]["checks"] == {"index": True, "database": False}


def test_a_service_without_transliteration_answers_501(index: Any, settings: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    app: Flask = make_app(index, settings)
    monkeypatch.setattr(app.extensions["normalizer"], "transliterate", None)
    assert_error_shape(app.test_client().get("/v1/transliterate?q=abc"), 501)
