"""The review queue over REST as an editor works it: cards with candidates and the suggestion,
names defaulted from the item, entities found by name, variants grouped, items that close by
themselves, bulk dismissal; creating an entity with names that give no kind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from normalizer.web import create_app
from tests.api.test_curation import Editors, make_service


@pytest.fixture()
def editors(tmp_path: Path) -> Iterator[Editors]:
    settings, service = make_service(tmp_path)
    yield Editors(create_app(settings, service), service)
    service.close()


def seen(editors: Editors, *queries: str) -> dict[str, Any]:
    for query in queries:
        assert editors.client.get("/v1/resolve", query_string={"q": query}).status_code == 200
    assert editors.service.recorder is not None
    editors.service.recorder.flush()
    return {i["key"]: i for i in editors.call("GET", "/v1/review", role="viewer").get_json()["items"]}


def test_an_entity_with_names_that_give_no_kind_is_created(editors: Editors) -> None:
    created = editors.call("POST", "/v1/entities", json={"name": "Kim Jong Un", "type": "person", "names": [
        {"text": "Kim Jong Un", "lang": "en"}, {"text": "Kim Jong-eun", "lang": "en"},
        {"text": "Kim Châng Ưn", "lang": "vi"}]})
    assert created.status_code == 201, created.get_json()
    kinds = [(n["text"], n["kind"]) for n in created.get_json()["names"]]
    assert kinds == [("Kim Jong Un", "preferred"), ("Kim Jong-eun", "alias"), ("Kim Châng Ưn", "preferred")]


def test_variants_are_one_item_with_its_candidates_and_suggestion(editors: Editors) -> None:
    items = seen(editors, "Ông Vuong Nghia", "VUONG NGHIA", "vuong  nghia", "Zelenska Olena", "Choo Kyung Ho")
    item = items["vuongnghia"]
    assert item["count"] == 3 and item["kind"] == "name" and item["lang"] == "vi"
    assert item["candidates"][0]["id"] == "wang-yi" and item["candidates"][0]["explanation"]
    assert item["title"] == "Ông"
    assert items["chookyungho"]["suggestion"]["text"] == "Choo Kyung-ho"  # a Korean name's usual form
    assert items["zelenskaolena"]["candidates"] == [] and items["zelenskaolena"]["count"] == 1


def test_add_name_defaults_to_the_items_text_and_finds_the_entity_by_name(editors: Editors) -> None:
    seen(editors, "Vuong Nghia")
    done = editors.call("POST", "/v1/review/vuongnghia", json={"action": "add_name", "entity": "Wang Yi"})
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["settled_as"]["entity"] == "wang-yi"
    names = editors.client.get("/v1/entities/wang-yi").get_json()["names"]
    assert {"text": "Vuong Nghia", "lang": "vi", "kind": "alias"}.items() <= next(
        n for n in names if n["text"] == "Vuong Nghia").items()


def test_an_entity_name_that_fits_nothing_or_several_is_a_field_error(editors: Editors) -> None:
    seen(editors, "Vuong Nghia")
    for given, says in (("Nobody Known", "no entity"), ("", "id or one of its names")):
        refused = editors.call("POST", "/v1/review/vuongnghia", json={"action": "add_name", "entity": given})
        assert refused.status_code == 422 and says in refused.get_json()["errors"]["json"]["entity"][0]


def test_new_entity_from_the_suggestion_gets_the_items_text_as_a_name(editors: Editors) -> None:
    [key] = seen(editors, "Lý Cường")
    done = editors.call("POST", f"/v1/review/{key}", json={
        "action": "new_entity", "entity": {"name": "Li Qiang", "type": "person"}})
    assert done.status_code == 200, done.get_json()
    created = editors.client.get(f"/v1/entities/{done.get_json()['settled_as']['entity']}").get_json()
    assert [(n["text"], n["lang"], n["kind"]) for n in created["names"]] == [
        ("Li Qiang", "en", "preferred"), ("Lý Cường", "vi", "preferred")]


def test_a_title_with_a_country_is_a_role_item(editors: Editors) -> None:
    item = seen(editors, "Ngoại trưởng Nhật Bản")["nhatban"]
    assert item["kind"] == "role" and item["title"] == "Ngoại trưởng"
    assert item["candidates"][0]["id"] == "japan"


def test_items_close_when_the_name_is_added_elsewhere(editors: Editors) -> None:
    items = seen(editors, "Vuong Nghia", "Trung Hoa")
    assert set(items) == {"vuongnghia", "trunghoa"}
    etag = editors.etag("china")
    added = editors.call("POST", "/v1/entities/china/names", etag=etag,
                         json={"text": "Trung Hoa", "lang": "vi", "kind": "historic"})
    assert added.status_code in (200, 201), added.get_json()
    editors.service.refresh()
    left = editors.call("GET", "/v1/review", role="viewer").get_json()
    assert [i["key"] for i in left["items"]] == ["vuongnghia"] and left["total"] == 1
    closed = editors.call("GET", "/v1/review?state=settled", role="viewer").get_json()["items"]
    assert closed[0]["settled_as"] == {"action": "resolved", "entity": "china"}


def test_items_are_dismissed_in_bulk_by_editors_only(editors: Editors) -> None:
    seen(editors, "Vuong Nghia", "Trung Hoa", "Zelenska Olena")
    body = {"action": "dismiss", "keys": ["vuongnghia", "trunghoa", "not-a-key"]}
    assert editors.call("POST", "/v1/review", role="viewer", json=body).status_code == 403
    done = editors.call("POST", "/v1/review", json=body)
    assert done.status_code == 200 and done.get_json() == {"dismissed": 2}
    assert [i["key"] for i in editors.call("GET", "/v1/review").get_json()["items"]] == ["zelenskaolena"]
    too_many = editors.call("POST", "/v1/review", json={"action": "dismiss", "keys": ["k"] * 101})
    assert too_many.status_code == 422


def test_an_item_remembers_the_text_around_it_and_the_client(editors: Editors) -> None:
    text = "Hôm qua tại Hà Nội, ông Lý Cường đã gặp các nhà đầu tư trong một buổi làm việc kéo dài."
    agent = {"User-Agent": "OpenRefine/3.6.2 [8b8e9e1] Java/17"}
    assert editors.client.post("/v1/extract", json={"text": text}, headers=agent).status_code == 200
    form = {"queries": '{"q0": {"query": "Zelenska Olena"}}'}
    assert editors.client.post("/reconcile", data=form, headers=agent).status_code == 200
    assert editors.service.recorder is not None
    editors.service.recorder.flush()
    items = {i["example"]: i for i in editors.call("GET", "/v1/review", role="viewer").get_json()["items"]}
    seen_in_text = next(i for e, i in items.items() if "Lý Cường" in e)
    assert "tại Hà Nội, ông Lý Cường đã gặp các nhà đầu tư" in seen_in_text["snippet"]
    assert seen_in_text["client"] == "OpenRefine/3.6.2 · /v1/extract"
    assert items["Zelenska Olena"]["client"] == "OpenRefine/3.6.2 · /reconcile"
    assert items["Zelenska Olena"]["snippet"] is None


def test_an_unlinked_name_of_a_text_carries_its_suggestion_to_a_one_step_accept(editors: Editors) -> None:
    text = "Hôm qua tại Hà Nội, ông Quách Chấn Cường đã gặp các nhà đầu tư."
    unlinked = editors.client.post("/v1/extract", json={"text": text}).get_json()["unlinked"]
    assert ("Quách Chấn Cường", "Guo Zhenqiang") in [(m["text"], m["suggestion"]["text"]) for m in unlinked]
    assert editors.service.recorder is not None
    editors.service.recorder.flush()
    [card] = [i for i in editors.call("GET", "/v1/review", role="viewer").get_json()["items"]
              if i["example"] == "Quách Chấn Cường"]
    assert card["suggestion"]["text"] == "Guo Zhenqiang" and card["suggestion"]["origin"] == "chinese"
    done = editors.call("POST", f"/v1/review/{card['key']}", json={
        "action": "new_entity", "entity": {"name": card["suggestion"]["text"], "type": "person"}})
    assert done.status_code == 200, done.get_json()
    created = editors.client.get(f"/v1/entities/{done.get_json()['settled_as']['entity']}").get_json()
    assert {n["text"] for n in created["names"]} == {"Guo Zhenqiang", "Quách Chấn Cường"}
