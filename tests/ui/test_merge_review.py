"""Merging with a preview, and working the review queue."""

from __future__ import annotations

import datetime as dt
import re

from normalizer.service import Normalizer
from normalizer.store import Sighting
from tests.ui.conftest import Browser, revision_of


def text(response) -> str:  # type: ignore[no-untyped-def]
    return response.get_data(as_text=True)


def test_merge_preview_shows_what_moves_before_anything_changes(editor: Browser,
                                                                ui_service: Normalizer) -> None:
    page = text(editor.get("/ui/entity/xi-jinping/merge?into=wang-yi"))
    moved = page[page.index('class="moved"'):page.index("</ul>", page.index('class="moved"'))]
    assert "Xi Jinping" in moved and "Tập Cận Bình" in moved and "Wang Yi" not in moved
    assert 'id="confirm-merge"' in page
    assert ui_service.entity("xi-jinping") is not None  # a preview writes nothing


def test_merge_preview_refuses_a_bad_target(editor: Browser) -> None:
    for into in ("xi-jinping", "nobody-here"):
        response = editor.get(f"/ui/entity/xi-jinping/merge?into={into}")
        assert response.status_code == 422 and 'id="confirm-merge"' not in text(response)


def test_confirming_a_merge_moves_names_and_redirects_the_old_id(editor: Browser, ui_service: Normalizer
                                                                 ) -> None:
    editor.get("/ui/entity/xi-jinping/merge?into=wang-yi")
    response = editor.post("/ui/entity/xi-jinping/merge",
                           {"into": "wang-yi", "revision": str(revision_of(ui_service, "xi-jinping"))})
    assert response.status_code == 303 and response.headers["Location"] == "/ui/entity/wang-yi"
    assert "Tập Cận Bình" in [n.text for n in ui_service.entity("wang-yi").names]  # type: ignore[union-attr]
    assert ui_service.canonical_id("xi-jinping") == "wang-yi"


def test_a_stale_merge_is_refused(editor: Browser, ui_service: Normalizer) -> None:
    editor.get("/ui/entity/xi-jinping/merge?into=wang-yi")
    response = editor.post("/ui/entity/xi-jinping/merge", {"into": "wang-yi", "revision": "0"})
    assert response.status_code == 409
    assert ui_service.canonical_id("xi-jinping") == "xi-jinping"


def queue(service: Normalizer, *counts: tuple[str, int]) -> None:
    assert service.store is not None
    now = dt.datetime.now(dt.UTC)
    service.store.review.add([Sighting(example.casefold(), example, count, ("unmatched",), now, now)
                              for example, count in counts])


def test_the_queue_is_sorted_by_frequency(editor: Browser, ui_service: Normalizer) -> None:
    queue(ui_service, ("Bắc Kinh", 3), ("Lý Cường", 40), ("<i>Zelensky</i>", 7))
    page = text(editor.get("/ui/review"))
    assert page.index("Lý Cường") < page.index("&lt;i&gt;Zelensky&lt;/i&gt;") < page.index("Bắc Kinh")
    assert "<i>Zelensky" not in page


def test_add_as_name_of_an_entity(editor: Browser, ui_service: Normalizer) -> None:
    queue(ui_service, ("Vuong Nghi", 5))
    editor.get("/ui/review")
    response = editor.post("/ui/review/settle", {"key": "vuong nghi", "example": "Vuong Nghi",
                                                 "action": "add_name", "entity": "wang-yi", "lang": "vi",
                                                 "kind": "misspelling"})
    assert response.status_code == 303
    assert "Vuong Nghi" in [n.text for n in ui_service.entity("wang-yi").names]  # type: ignore[union-attr]
    assert 'class="example">Vuong Nghi<' not in text(editor.get("/ui/review"))
    assert 'class="example">Vuong Nghi<' in text(editor.get("/ui/review?state=settled"))


def test_a_conflicting_queue_item_can_be_added_as_ambiguous(editor: Browser, ui_service: Normalizer) -> None:
    queue(ui_service, ("Vương Nghị", 2))
    editor.get("/ui/review")
    request = {"key": "vương nghị", "example": "Vương Nghị", "action": "add_name", "entity": "xi-jinping",
               "lang": "vi", "kind": "alias"}
    refused = editor.post("/ui/review/settle", request)
    assert refused.status_code == 409 and "wang-yi" in text(refused)
    assert editor.post("/ui/review/settle", {**request, "ambiguous": "1"}).status_code == 303
    added = [n for n in ui_service.entity("xi-jinping").names if n.text == "Vương Nghị"]  # type: ignore[union-attr]
    assert added and added[0].ambiguous


def test_new_entity_from_a_queue_item(editor: Browser, ui_service: Normalizer) -> None:
    queue(ui_service, ("Lý Cường", 40))
    editor.get("/ui/review")
    response = editor.post("/ui/review/settle", {"key": "lý cường", "example": "Lý Cường",
                                                 "action": "new_entity", "name": "Li Qiang",
                                                 "type": "person", "lang": "vi"})
    assert response.status_code == 303
    created = ui_service.entity("li-qiang")
    assert created is not None and {n.text for n in created.names} == {"Li Qiang", "Lý Cường"}


def test_dismiss_and_a_refused_settle(editor: Browser, ui_service: Normalizer) -> None:
    queue(ui_service, ("Bắc Kinh", 3))
    editor.get("/ui/review")
    refused = editor.post("/ui/review/settle", {"key": "bắc kinh", "example": "Bắc Kinh",
                                                "action": "add_name", "entity": "nobody", "lang": "vi"})
    assert refused.status_code in (404, 422) and "Bắc Kinh" in text(refused)
    assert editor.post("/ui/review/settle", {"key": "bắc kinh", "action": "dismiss"}).status_code == 303
    assert 'class="example">Bắc Kinh<' in text(editor.get("/ui/review?state=dismissed"))
    missing = editor.post("/ui/review/settle", {"key": "never-seen", "action": "dismiss"})
    assert missing.status_code == 404


def test_a_viewer_sees_the_queue_but_cannot_settle(browser: Browser, viewer_token: str,
                                                   ui_service: Normalizer) -> None:
    queue(ui_service, ("Bắc Kinh", 3))
    browser.sign_in(viewer_token)
    page = text(browser.get("/ui/review"))
    assert "Bắc Kinh" in page and 'value="dismiss"' not in page
    assert browser.post("/ui/review/settle", {"key": "bắc kinh", "action": "dismiss"}).status_code == 403


def test_an_item_shows_its_candidates_and_adds_in_one_click(editor: Browser,
                                                                     ui_service: Normalizer) -> None:
    queue(ui_service, ("Vuong Nghia", 5))
    page = text(editor.get("/ui/review"))
    assert '<a href="/ui/entity/wang-yi">Wang Yi</a>' in page and "Thêm làm tên của Wang Yi" in page
    editor.post("/ui/review/settle", {"key": "vuong nghia", "example": "Vuong Nghia", "action": "add_name",
                                      "entity": "wang-yi"})
    added = [(n.text, n.lang, n.kind) for n in ui_service.entity("wang-yi").names]  # type: ignore[union-attr]
    assert ("Vuong Nghia", "vi", "alias") in added


def test_bulk_dismissal_needs_the_csrf_token_and_a_tick(editor: Browser, ui_service: Normalizer) -> None:
    queue(ui_service, ("Zelensky A", 3), ("Zelensky B", 2), ("Zelensky C", 1))
    editor.get("/ui/review")
    assert editor.post("/ui/review/dismiss", {"keys": "zelensky a"}, csrf=False).status_code == 400
    refused = editor.post("/ui/review/dismiss", {})
    assert refused.status_code == 422 and "Hãy chọn các mục cần bỏ qua trước." in text(refused)
    response = editor.client.post("/ui/review/dismiss", data={"csrf_token": editor.csrf,
                                                              "keys": ["zelensky a", "zelensky b"]})
    assert response.status_code == 303
    open_keys = [i.key for i in ui_service.curation.review()[0]]  # type: ignore[union-attr]
    assert open_keys == ["zelensky c"]


def test_refusals_are_in_vietnamese_and_entities_named_not_numbered(editor: Browser,
                                                                    ui_service: Normalizer) -> None:
    queue(ui_service, ("Zelensky D", 3))
    editor.get("/ui/review")
    refused = editor.post("/ui/review/settle", {"key": "zelensky d", "example": "Zelensky D",
                                                "action": "add_name", "entity": "Nobody Known"})
    assert refused.status_code == 422
    assert "thực thể: không có thực thể nào có mã hoặc tên &#39;Nobody Known&#39;" in text(refused)
    page = text(editor.get("/ui/entity/wang-yi"))
    assert '<a href="/ui/entity/china" title="china">China</a>' in page  # the country by its name


def test_role_changes_read_as_roles_in_the_history(editor: Browser, ui_service: Normalizer) -> None:
    assert ui_service.curation is not None
    role = {"title": "Minister of Foreign Affairs", "of": "china", "start": "2023-07-25"}
    ui_service.curation.update("wang-yi", {"roles": [role]}, revision_of(ui_service, "wang-yi"), "alice")
    page = text(editor.get("/ui/entity/wang-yi/history"))
    assert "Minister of Foreign Affairs · China" in page and "2023-07-25" in page
    assert "&#34;title&#34;" not in page and '"title"' not in page  # no raw JSON


def test_entity_fields_take_a_name(editor: Browser, ui_service: Normalizer) -> None:
    page = text(editor.get("/ui/entity/xi-jinping/merge?into=Wang Yi"))
    assert 'id="confirm-merge"' in page  # the survivor found by its name
    editor.get("/ui/new")
    created = editor.post("/ui/new", {"name": "Li Qiang", "type": "person", "vi_name": "Lý Cường",
                                      "description": "", "country": "Trung Quốc"})
    assert created.status_code == 303, text(created)
    assert ui_service.entity("li-qiang").country == "china"  # type: ignore[union-attr]


def test_a_card_offers_the_suggestion_and_its_alternatives_in_one_click(editor: Browser,
                                                                      ui_service: Normalizer) -> None:
    # Lý leans Chinese, but Vietnamese Lý exist: "Li Haideng" first, "Ly Hai Dang" one click away
    queue(ui_service, ("Lý Hải Đăng", 2))
    page = text(editor.get("/ui/review"))
    assert "tên Trung Quốc (Hán-Việt)" in page  # the origin, in the page's language
    one_click = r'class="one-click from-(?:suggestion|alternative)".*?name="name" value="([^"]+)"'
    offered = re.findall(one_click, page, re.S)
    assert offered[:2] == ["Li Haideng", "Ly Hai Dang"]
    accept = {"key": "lý hải đăng", "example": "Lý Hải Đăng", "action": "new_entity", "name": "Ly Hai Dang",
              "type": "person"}
    response = editor.post("/ui/review/settle", accept)
    assert response.status_code == 303
    assert ui_service.store is not None
    settled = ui_service.store.review.get("lý hải đăng")
    assert settled is not None and settled.settled_as is not None
    created = ui_service.entity(settled.settled_as["entity"])
    assert created is not None and {n.text for n in created.names} == {"Ly Hai Dang", "Lý Hải Đăng"}
