"""POST /v1/extract: the mentions of `Normalizer.extract`, its refusals in the one error shape."""

from __future__ import annotations

from dataclasses import replace

from flask.testing import FlaskClient

from normalizer.gazetteer import GazetteerIndex
from normalizer.service import Normalizer
from normalizer.settings import Settings
from tests.api.conftest import make_app

TEXT = "Ngoại trưởng Vương Nghị gặp người đồng cấp Nhật Bản tại Hàn Quốc. Ông Vương cho biết."


def test_extract_answers_as_the_service(client: FlaskClient, index: GazetteerIndex) -> None:
    response = client.post("/v1/extract", json={"text": TEXT})
    assert response.status_code == 200
    assert response.json == Normalizer(index).extract(TEXT).to_dict()
    found = [(m["text"], m["match"]["id"], m.get("coref", False)) for m in response.json["mentions"]]
    assert found == [("Vương Nghị", "wang-yi", False), ("Nhật Bản", "japan", False),
                     ("Hàn Quốc", "south-korea", False), ("Vương", "wang-yi", True)]


def test_types_and_date_narrow_and_settle(client: FlaskClient) -> None:
    response = client.post("/v1/extract", json={"text": TEXT, "types": ["country"], "date": "2024-01-02"})
    assert [m["match"]["id"] for m in response.json["mentions"]] == ["japan", "south-korea"]


def test_refusals_have_the_error_shape(client: FlaskClient) -> None:
    for body, field in [({}, "text"), ({"text": 5}, "text"), ({"text": "a\x00b"}, "text"),
                        ({"text": "x", "types": ["alien"]}, "types"),
                        ({"text": "x", "date": "2024-13-01"}, "date"), ({"text": "x", "extra": 1}, "extra")]:
        response = client.post("/v1/extract", json=body)
        assert response.status_code == 422, body
        assert set(response.json) == {"code", "status", "message", "errors"}
        assert field in response.json["errors"]["json"], body
    assert client.post("/v1/extract", data="text", content_type="text/plain").status_code == 415
    assert client.get("/v1/extract").status_code == 405


def test_a_text_over_the_limit_is_413(index: GazetteerIndex, settings: Settings) -> None:
    small = replace(settings, max_text_bytes=100)
    client = make_app(index, small).test_client()
    response = client.post("/v1/extract", json={"text": "ấ" * 34})  # 102 bytes of UTF-8
    assert response.status_code == 413
    assert response.json["errors"] == {"json": {"text": ["a text has at most 100 bytes of UTF-8"]}}
    assert client.post("/v1/extract", json={"text": "ấ" * 33}).status_code == 200


def test_the_openapi_document_describes_extract(client: FlaskClient) -> None:
    operation = client.get("/openapi.json").json["paths"]["/v1/extract"]["post"]
    assert {"200", "413", "422"} <= set(operation["responses"])
