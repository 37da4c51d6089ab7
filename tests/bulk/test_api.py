"""POST /v1/csv: a CSV body or upload in, the normalized CSV streamed out, JSON errors."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from flask import Flask

from normalizer.api import register_api
from normalizer.service import CsvInputError

ERROR_KEYS = {"code", "status", "message", "errors"}


@pytest.fixture(scope="module")
def client(small_service):
    app = Flask("test-csv")
    register_api(app, small_service, small_service.settings)
    return app.test_client()


def rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))


def test_text_csv_body_streams_back_normalized(client):
    response = client.post("/v1/csv?column=name", data="id;name\n1;Vương Nghị\n2;\n".encode(),
                           content_type="text/csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.is_streamed
    out = rows(response.data)
    assert out[0][:3] == ["id", "name", "entity_id"]
    assert out[1][:4] == ["1", "Vương Nghị", "wang-yi", "Wang Yi"]
    assert out[2][6] == "empty"


def test_multipart_upload_in_utf16(client):
    data = {"file": (io.BytesIO("name\nHàn Quốc\n".encode("utf-16")), "in.csv")}
    response = client.post("/v1/csv?column=1&type=country", data=data, content_type="multipart/form-data")
    assert response.status_code == 200
    assert rows(response.data)[1][:2] == ["Hàn Quốc", "south-korea"]


@pytest.mark.parametrize(("query", "body", "code", "field"), [
    ("column=nom", b"id,name\n1,x\n", 422, "column"),
    ("column=name&encoding=latin-9", b"name\nx\n", 422, "encoding"),
    ("column=name&type=planet", b"name\nx\n", 422, "type"),
    ("column=name", b"", 400, None),
    ("", b"name\nx\n", 422, "column"),
])
def test_errors_have_the_one_shape(client, query, body, code, field):
    response = client.post(f"/v1/csv?{query}", data=body, content_type="text/csv")
    assert response.status_code == code
    payload = response.get_json()
    assert set(payload) == ERROR_KEYS and payload["code"] == code
    if field:
        assert field in payload["errors"]["query"]


def test_column_error_names_the_available_columns(client):
    response = client.post("/v1/csv?column=nom", data=b"id,name\n1,x\n", content_type="text/csv")
    assert response.get_json()["message"] == "column 'nom' not found; available columns: 'id', 'name'"


def test_past_the_size_limit_is_413_json(client, small_service, monkeypatch):
    monkeypatch.setattr(small_service, "settings", replace(small_service.settings, max_csv_bytes=100))
    response = client.post("/v1/csv?column=name", data=b"name\n" + b"Wang Yi\n" * 50,
                           content_type="text/csv")
    assert response.status_code == 413
    payload = response.get_json()
    assert set(payload) == ERROR_KEYS and payload["code"] == 413


def test_multipart_without_file_is_400(client):
    response = client.post("/v1/csv?column=name", data={"other": "x"}, content_type="multipart/form-data")
    assert response.status_code == 400 and set(response.get_json()) == ERROR_KEYS


def test_openapi_documents_the_endpoint(client):
    spec = client.get("/openapi.json").get_json()
    post = spec["paths"]["/v1/csv"]["post"]
    assert "text/csv" in post["requestBody"]["content"]
    assert "text/csv" in post["responses"]["200"]["content"]
    assert {p["name"] for p in post["parameters"]} >= {"column", "type", "encoding", "delimiter"}


def test_csv_limit_is_its_own_not_the_json_body_limit(small_service):
    app = Flask("test-csv-limit")
    register_api(app, small_service, replace(small_service.settings, max_body_bytes=50))
    body = b"name\n" + b"Wang Yi\n" * 30  # 245 bytes: past the JSON limit, within the CSV one
    response = app.test_client().post("/v1/csv?column=name", data=body, content_type="text/csv")
    assert response.status_code == 200 and len(rows(response.data)) == 31


def test_csv_streams_at_info_level_and_is_logged_when_the_stream_ends(small_service, caplog):
    app = Flask("test-csv-info")
    register_api(app, small_service, replace(small_service.settings, log_level="INFO"))
    body = "name\nVương Nghị\n".encode() + b"Wang Yi\n" * 5000
    with caplog.at_level("INFO", logger="normalizer.access"):
        response = app.test_client().post("/v1/csv?column=name", data=body, content_type="text/csv",
                                          buffered=False)
        assert response.status_code == 200 and response.is_streamed  # not buffered for the log
        assert not [r for r in caplog.records if r.name == "normalizer.access"]  # not logged yet
        sent = b"".join(response.response)
        response.close()
    [record] = [r for r in caplog.records if r.name == "normalizer.access"]
    assert record.fields["bytes"] == len(sent) and record.fields["complete"] is True
    assert record.fields["status"] == 200 and record.fields["latency_ms"] > 0
    assert len(rows(sent)) == 5002


def test_a_csv_that_breaks_part_way_streams_its_rows_then_breaks_off(small_service, caplog):
    app = Flask("test-csv-broken")
    register_api(app, small_service, replace(small_service.settings, log_level="INFO"))
    body = "name\nVương Nghị\n".encode() + b"Wang Yi\n" * 3 + b'"' + b"a" * 200_000 + b"\n"
    with caplog.at_level("INFO", logger="normalizer.access"):
        response = app.test_client().post("/v1/csv?column=name", data=body, content_type="text/csv",
                                          buffered=False)
        assert response.status_code == 200
        received = []
        with pytest.raises(CsvInputError):
            for chunk in response.response:
                received.append(chunk)
        response.close()
    assert [r[:3] for r in rows(b"".join(received))[:2]] == [["name", "entity_id", "entity_name"],
                                                            ["Vương Nghị", "wang-yi", "Wang Yi"]]
    [record] = [r for r in caplog.records if r.name == "normalizer.access"]
    assert record.fields["complete"] is False
