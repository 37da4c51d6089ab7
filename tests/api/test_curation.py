"""Editors' REST over a real store: tokens and roles, If-Match, field errors, conflicts, merges
with 308, revert, history, the change feed and the review queue. Every error has the one shape."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.test import TestResponse

from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.translit.data import tables
from normalizer.web import create_app
from tests.store.conftest import write_gazetteer

KIM = {"name": "Kim Jong Un", "type": "person",
       "names": [{"text": "Kim Jong Un", "lang": "en", "kind": "preferred", "family": "Kim"}]}
ERROR_KEYS = {"code", "status", "message", "errors"}


class Editors:
    """A test client with tokens of each role."""

    def __init__(self, app: Flask, service: Normalizer):
        assert service.curation is not None
        self.client = app.test_client()
        self.service = service
        self.tokens = {role: service.curation.create_token(role, role)
                       for role in ("viewer", "editor", "admin")}

    def call(self, method: str, url: str, role: str | None = "editor", etag: str | None = None,
             **kwargs: Any) -> TestResponse:
        headers = dict(kwargs.pop("headers", {}))
        if role:
            headers["Authorization"] = f"Bearer {self.tokens[role]}"
        if etag:
            headers["If-Match"] = etag
        response = self.client.open(url, method=method, headers=headers, **kwargs)
        if response.status_code >= 400:
            assert set(response.get_json()) == ERROR_KEYS, response.get_json()
        return response

    def etag(self, entity_id: str) -> str:
        response = self.client.get(f"/v1/entities/{entity_id}/names")
        assert response.status_code == 200
        return response.headers["ETag"]


def make_service(tmp_path: Path, **changes: Any) -> tuple[Settings, Normalizer]:
    settings = Settings(gazetteer_dir=write_gazetteer(tmp_path / "gazetteer"), log_level="WARNING",
                        database_url=f"sqlite:///{tmp_path / 'normalizer.db'}", **changes)
    return settings, Normalizer.from_settings(settings)


@pytest.fixture()
def editors(tmp_path: Path) -> Iterator[Editors]:
    settings, service = make_service(tmp_path)
    yield Editors(create_app(settings, service), service)
    service.close()


def test_writes_need_a_token_of_an_editor(editors: Editors) -> None:
    anonymous = editors.call("POST", "/v1/entities", role=None, json=KIM)
    assert anonymous.status_code == 401 and anonymous.headers["WWW-Authenticate"].startswith("Bearer")
    assert editors.call("POST", "/v1/entities", role="viewer", json=KIM).status_code == 403
    bogus = editors.client.post("/v1/entities", json=KIM, headers={"Authorization": "Bearer nope"})
    assert bogus.status_code == 401
    assert editors.call("POST", "/v1/entities", role="admin", json=KIM).status_code == 201


def test_a_revoked_token_stops_working(editors: Editors) -> None:
    assert editors.service.curation is not None
    editors.service.curation.revoke_token("editor")
    assert editors.call("POST", "/v1/entities", json=KIM).status_code == 401


def test_create_answers_201_with_location_and_the_etag_get_sends(editors: Editors) -> None:
    created = editors.call("POST", "/v1/entities", json=KIM)
    assert created.status_code == 201
    assert created.headers["Location"] == "/v1/entities/kim-jong-un"
    body = created.get_json()
    assert body["revision"] == 1 and body["deleted"] is False and isinstance(body["names"][0]["id"], int)
    fetched = editors.client.get(created.headers["Location"])
    assert fetched.status_code == 200 and fetched.headers["ETag"] == created.headers["ETag"]


def test_patch_needs_if_match_and_refuses_a_stale_one(editors: Editors) -> None:
    etag = editors.etag("japan")
    assert editors.call("PATCH", "/v1/entities/japan", json={"description": "x"}).status_code == 428
    done = editors.call("PATCH", "/v1/entities/japan", etag=etag, json={"description": "island country"})
    assert done.status_code == 200 and done.get_json()["revision"] == 2
    stale = editors.call("PATCH", "/v1/entities/japan", etag=etag, json={"description": "lost"})
    assert stale.status_code == 412
    again = editors.call("PATCH", "/v1/entities/japan", etag=done.headers["ETag"], json={"description": "y"})
    assert again.status_code == 200
    assert editors.client.get("/v1/entities/japan").get_json()["description"] == "y"


@pytest.mark.parametrize(("payload", "path"), [
    ({**KIM, "type": "alien"}, ["type"]),
    ({**KIM, "name": ""}, ["name"]),
    ({**KIM, "names": [{"text": "Kim", "lang": "en", "kind": "preferred"},
                       {"text": "김정은", "lang": "ko KR", "kind": "native"}]}, ["names", "1", "lang"]),
    ({**KIM, "names": [{"text": f"Kim {i}", "lang": "en", "kind": "alias"} for i in range(10_000)]},
     ["names"]),
    ({**KIM, "names": [{"text": "Kim", "lang": "vi", "kind": "preferred"}]}, ["names"]),
    ({**KIM, "country": "north-korea"}, ["country"]),
    ({**KIM, "colour": "red"}, ["colour"]),
    ({"name": "Kim"}, ["type"]),
])
def test_invalid_payloads_get_422_with_field_errors(editors: Editors, payload: dict[str, Any],
                                                    path: list[str]) -> None:
    response = editors.call("POST", "/v1/entities", json=payload)
    assert response.status_code == 422, response.get_json()
    node = response.get_json()["errors"]["json"]
    for part in path:
        node = node[part]
    assert node


def test_a_strong_name_of_another_entity_is_a_409_naming_it(editors: Editors) -> None:
    taken = {"text": "Vương Nghị", "lang": "vi", "kind": "alias"}
    conflict = editors.call("POST", "/v1/entities/xi-jinping/names", etag=editors.etag("xi-jinping"),
                            json=taken)
    assert conflict.status_code == 409 and "wang-yi" in conflict.get_json()["message"]
    ok = editors.call("POST", "/v1/entities/xi-jinping/names", etag=editors.etag("xi-jinping"),
                      json={**taken, "ambiguous": True})
    assert ok.status_code == 200


def test_names_as_get_shows_them_can_be_sent_back(editors: Editors) -> None:
    shown = editors.client.get("/v1/entities/japan/names")
    names = [*shown.get_json()["names"], {"text": "Nhật", "lang": "vi", "kind": "abbreviation"}]
    done = editors.call("PATCH", "/v1/entities/japan", etag=shown.headers["ETag"], json={"names": names})
    assert done.status_code == 200
    kept = [n["id"] for n in done.get_json()["names"][:2]]
    assert kept == [n["id"] for n in shown.get_json()["names"]]


def test_names_are_added_and_removed_by_id(editors: Editors) -> None:
    added = editors.call("POST", "/v1/entities/japan/names", etag=editors.etag("japan"),
                         json={"text": "Nhật", "lang": "vi", "kind": "abbreviation"})
    assert added.status_code == 200
    name_id = added.get_json()["names"][-1]["id"]
    removed = editors.call("DELETE", f"/v1/entities/japan/names/{name_id}", etag=added.headers["ETag"])
    assert removed.status_code == 200 and [n["id"] for n in removed.get_json()["names"]] == [
        n["id"] for n in added.get_json()["names"][:-1]]
    missing = editors.call("DELETE", f"/v1/entities/japan/names/{name_id}", etag=removed.headers["ETag"])
    assert missing.status_code == 404


def test_merge_redirects_the_old_id_everywhere_and_resolve_uses_the_survivor(editors: Editors) -> None:
    created = editors.call("POST", "/v1/entities", json={**KIM, "names": [
        *KIM["names"], {"text": "Kim Châng Ưn", "lang": "vi", "kind": "preferred"}]})
    merged = editors.call("POST", "/v1/entities/kim-jong-un/merge", etag=created.headers["ETag"],
                          json={"into": "xi-jinping"})
    assert merged.status_code == 200 and merged.get_json()["id"] == "xi-jinping"
    for method, url in [("GET", "/v1/entities/kim-jong-un"), ("PATCH", "/v1/entities/kim-jong-un"),
                        ("POST", "/v1/entities/kim-jong-un/names"),
                        ("GET", "/v1/entities/kim-jong-un/names")]:
        response = editors.call(method, url, json={} if method != "GET" else None)
        assert response.status_code == 308, (method, url)
        assert response.headers["Location"] == url.replace("kim-jong-un", "xi-jinping")
    editors.service.refresh()
    assert editors.client.get("/v1/resolve?q=Kim Châng Ưn").get_json()["match"]["id"] == "xi-jinping"


def test_delete_is_soft_and_undone(editors: Editors) -> None:
    deleted = editors.call("DELETE", "/v1/entities/japan", etag=editors.etag("japan"))
    assert deleted.status_code == 200 and deleted.get_json()["deleted"] is True
    assert editors.client.get("/v1/entities/japan").status_code == 404
    back = editors.call("POST", "/v1/entities/japan/undelete", etag=deleted.headers["ETag"])
    assert back.status_code == 200 and editors.client.get("/v1/entities/japan").status_code == 200


def history_total(editors: Editors, entity_id: str) -> int:
    return int(editors.client.get(f"/v1/entities/{entity_id}/history").get_json()["total"])


def test_writes_that_change_nothing_make_no_revision_and_no_audit_row(editors: Editors) -> None:
    etag, before = editors.etag("japan"), history_total(editors, "japan")
    current = editors.client.get("/v1/entities/japan/names").get_json()
    for method, url, body in [("PATCH", "/v1/entities/japan", {}),
                              ("PATCH", "/v1/entities/japan", {"name": "Japan", "type": "country"}),
                              ("PATCH", "/v1/entities/japan", {"names": current["names"]}),
                              ("POST", "/v1/entities/japan/undelete", None)]:
        response = editors.call(method, url, etag=etag, json=body)
        assert response.status_code == 200, (method, body, response.get_json())
        assert response.get_json() == current and response.headers["ETag"] == etag, (method, body)
    assert history_total(editors, "japan") == before
    revision = editors.client.get("/v1/changes?since=0&limit=100").get_json()["revision"]
    deleted = editors.call("DELETE", "/v1/entities/japan", etag=etag)
    again = editors.call("DELETE", "/v1/entities/japan", etag=deleted.headers["ETag"])
    assert again.status_code == 200 and again.headers["ETag"] == deleted.headers["ETag"]
    assert history_total(editors, "japan") == before + 1
    assert editors.client.get("/v1/changes?since=0&limit=100").get_json()["revision"] == revision + 1


def test_writes_to_a_deleted_entity_are_refused_until_it_is_undeleted(editors: Editors) -> None:
    name_id = editors.client.get("/v1/entities/japan/names").get_json()["names"][-1]["id"]
    deleted = editors.call("DELETE", "/v1/entities/japan", etag=editors.etag("japan"))
    etag, before = deleted.headers["ETag"], history_total(editors, "japan")
    for method, url, body in [("PATCH", "/v1/entities/japan", {"description": "x"}),
                              ("POST", "/v1/entities/japan/names", {"text": "Nhật", "lang": "vi",
                                                                    "kind": "abbreviation"}),
                              ("DELETE", f"/v1/entities/japan/names/{name_id}", None),
                              ("POST", "/v1/entities/japan/merge", {"into": "china"})]:
        response = editors.call(method, url, etag=etag, json=body)
        assert response.status_code == 409, (method, url, response.get_json())
        assert "deleted" in response.get_json()["message"]
    assert history_total(editors, "japan") == before
    back = editors.call("POST", "/v1/entities/japan/undelete", etag=etag)
    done = editors.call("PATCH", "/v1/entities/japan", etag=back.headers["ETag"], json={"description": "x"})
    assert done.status_code == 200 and done.get_json()["description"] == "x"


def test_revert_history_and_changes(editors: Editors) -> None:
    first = editors.etag("china")
    changed = editors.call("PATCH", "/v1/entities/china", etag=first, json={"name": "PRC"})
    reverted = editors.call("POST", "/v1/entities/china/revert", etag=changed.headers["ETag"],
                            json={"revision": 1})
    assert reverted.status_code == 200 and reverted.get_json()["name"] == "China"
    assert reverted.get_json()["revision"] == 3
    history = editors.client.get("/v1/entities/china/history?per_page=2").get_json()
    assert history["total"] == 3 and len(history["items"]) == 2
    assert [(i["action"], i["actor"]) for i in history["items"]] == [
        ("revert", "editor"), ("update", "editor")]
    assert history["items"][1]["diff"] == {"name": {"from": "China", "to": "PRC"}}
    feed = editors.client.get("/v1/changes?since=4").get_json()
    assert [c["seq"] for c in feed["changes"]] == [5, 6] and feed["next"] == 6 == feed["revision"]
    assert editors.client.get("/v1/changes?since=6").get_json()["changes"] == []
    missing = editors.call("POST", "/v1/entities/china/revert", etag=reverted.headers["ETag"],
                           json={"revision": 99})
    assert missing.status_code == 404


def test_numbers_past_what_the_database_stores_are_refused_not_crashed(editors: Editors) -> None:
    huge = 2**64  # found by schemathesis: it reached SQLite and overflowed (a 500)
    assert editors.client.get(f"/v1/changes?since={huge}").status_code == 422
    china = editors.client.get("/v1/entities/china")
    revert = editors.call("POST", "/v1/entities/china/revert", etag=china.headers["ETag"],
                          json={"revision": huge})
    assert revert.status_code == 422 and "revision" in revert.get_json()["errors"]["json"]
    assert editors.call("DELETE", f"/v1/entities/china/names/{huge}",
                        etag=china.headers["ETag"]).status_code == 404


def test_a_warm_app_has_loaded_the_tables_and_recorded_nothing(tmp_path: Path) -> None:
    settings, service = make_service(tmp_path)
    app = create_app(settings, service, warm=True)
    assert tables.cache_info().currsize == 1  # the transliteration tables are in memory
    assert service.recorder is not None
    service.recorder.flush()
    assert app.test_client().get("/v1/resolve?q=Nobody+Atall").status_code == 200
    assert service.curation is not None and service.curation.review()[1] == 0
    service.close()


def test_the_review_queue_lists_and_settles(editors: Editors) -> None:
    for _ in range(3):
        editors.client.get("/v1/resolve?q=Trung Hoa")
    editors.client.post("/v1/resolve", json={"queries": [{"q": "Nguyễn Văn Zzz"}]})
    assert editors.service.recorder is not None
    editors.service.recorder.flush()
    anonymous = editors.call("GET", "/v1/review", role=None)
    assert anonymous.status_code == 401 and "trung" not in anonymous.get_data(as_text=True)
    queue = editors.call("GET", "/v1/review", role="viewer").get_json()
    assert [(i["key"], i["count"]) for i in queue["items"]] == [("trunghoa", 3), ("nguyenvanzzz", 1)]
    viewer = editors.call("POST", "/v1/review/trunghoa", role="viewer", json={"action": "dismiss"})
    assert viewer.status_code == 403
    settled = editors.call("POST", "/v1/review/trunghoa", json={
        "action": "add_name", "entity": "china", "name": {"lang": "vi", "kind": "historic"}})
    assert settled.status_code == 200 and settled.get_json()["state"] == "settled"
    assert editors.call("POST", "/v1/review/nothing here", json={"action": "dismiss"}).status_code == 404
    assert editors.call("POST", "/v1/review/nguyenvanzzz", json={"action": "shrug"}).status_code == 422
    assert editors.call("GET", "/v1/review").get_json()["total"] == 1


def test_reads_can_require_a_token(tmp_path: Path) -> None:
    settings, service = make_service(tmp_path, read_token_required=True)
    client = Editors(create_app(settings, service), service)
    assert client.call("GET", "/v1/resolve?q=Wang Yi", role=None).status_code == 401
    assert client.call("GET", "/v1/resolve?q=Wang Yi", role="viewer").status_code == 200
    assert client.call("GET", "/healthz", role=None).status_code == 200
    assert client.call("GET", "/openapi.json", role=None).status_code == 200
    assert client.call("GET", "/reconcile", role=None).status_code == 200  # the spec's public manifest
    assert client.call("GET", "/reconcile?queries={}", role=None).status_code == 401
    ui_page = client.client.get("/ui/")  # the UI has its own sign-in page, not the API's JSON 401
    assert ui_page.mimetype == "text/html"
    service.close()


def test_the_openapi_document_lists_the_editors_api(editors: Editors) -> None:
    paths = editors.client.get("/openapi.json").get_json()["paths"]
    for path, method in [("/v1/entities", "post"), ("/v1/entities/{entity_id}", "patch"),
                         ("/v1/entities/{entity_id}", "delete"), ("/v1/entities/{entity_id}/merge", "post"),
                         ("/v1/entities/{entity_id}/revert", "post"),
                         ("/v1/entities/{entity_id}/history", "get"),
                         ("/v1/changes", "get"), ("/v1/review", "get"), ("/v1/review/{key}", "post"),
                         ("/v1/entities/{entity_id}/names/{name_id}", "delete")]:
        assert method in paths[path], (path, method)
    assert "get" in paths["/v1/entities"] and "get" in paths["/v1/entities/{entity_id}"]


def test_a_service_without_a_store_has_no_editors_api(tmp_path: Path) -> None:
    _, service = make_service(tmp_path)
    bare = create_app(replace(Settings(), log_level="WARNING"), Normalizer(service.index))
    assert bare.test_client().post("/v1/entities", json=KIM).status_code in (404, 405)
    service.close()


def test_concurrent_editors_over_rest_lose_no_update(editors: Editors) -> None:
    """4 editors x 20 increments of one entity, each redone on 412: every increment lands once."""
    import threading

    def editor() -> None:
        client = editors.client.application.test_client()
        auth = {"Authorization": f"Bearer {editors.tokens['editor']}"}
        for _ in range(20):
            while True:
                shown = client.get("/v1/entities/japan/names")
                count = int(shown.get_json().get("external_ids", {}).get("edits", "0"))
                done = client.patch("/v1/entities/japan", json={"external_ids": {"edits": str(count + 1)}},
                                    headers={**auth, "If-Match": shown.headers["ETag"]})
                if done.status_code == 200:
                    break
                assert done.status_code == 412, done.get_json()

    threads = [threading.Thread(target=editor) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    final = editors.client.get("/v1/entities/japan").get_json()
    assert final["external_ids"]["edits"] == "80" and final["revision"] == 81
    assert editors.client.get("/v1/entities/japan/history").get_json()["total"] == 81
