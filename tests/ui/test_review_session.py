"""A whole editor's session in a real browser (Debian's Chromium driven by Playwright): sign in,
work the 20 items of the review queue, each the way its kind asks (one click on a candidate, one
click on the suggestion, an entity typed by id or by name, a new entity typed by hand, role
references and noise dismissed in bulk or one by one, an item that closes by itself when its name
is added on an entity page), then merge two entities and undo a change."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.ui.live import CHROMIUM, QUEUE, Live, launch, live_server

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                "(apt-get install chromium; .ci/run installs it)")
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with live_server(tmp_path_factory.mktemp("session")) as server:
        yield server


@pytest.fixture()
def page(live: Live) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live.url)
        page = context.new_page()
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        yield page
        browser.close()
        assert not errors, errors  # no script error, no CSP violation


def item(page: Any, example: str) -> Any:
    return page.locator("ol.queue li.item", has=page.locator(f"strong.example:text-is('{example}')"))


def settled(page: Any, live: Live) -> None:
    page.wait_for_url("**/ui/review**")
    live.service.refresh()  # the index follows the database within refresh_seconds; now, for the test


def open_items(page: Any) -> list[str]:
    page.goto("/ui/review")
    return page.locator("ol.queue li.item strong.example").all_inner_texts()  # type: ignore[no-any-return]


def names_of(live: Live, entity_id: str) -> list[str]:
    entity = live.service.entity(entity_id)
    assert entity is not None, entity_id
    return [n.text for n in entity.names]


def test_an_editor_works_the_whole_queue(page: Any, live: Live) -> None:
    page.goto("/ui/signin")
    page.fill("#token", live.token)
    page.click("#signin button[type=submit]")
    page.wait_for_url("**/ui/")
    shown = open_items(page)
    assert len(shown) == 20 and len(QUEUE) == 22  # three spellings of Kamikawa are one item
    kamikawa = item(page, "Bà Kamikawa")
    assert "× 4" in kamikawa.inner_text()

    # 1-3: one click adds the text as a name of the closest candidate
    for example, entity_id, name in (("Nhật Bổn", "japan", "Japan"), ("Vương Di", "wang-yi", "Wang Yi"),
                                     ("Trung Hoa", "china", "China")):
        card = item(page, example)
        assert name in card.locator("table.candidates").inner_text()
        card.locator(f"form.add-to-candidate:has(input[value='{entity_id}']) button").click()
        settled(page, live)
        assert example in names_of(live, entity_id)
    assert "Vuong Nghia" in item(page, "Vuong Nghia").inner_text()
    item(page, "Vuong Nghia").locator("form.add-to-candidate button").first.click()
    settled(page, live)
    assert "Vuong Nghia" in names_of(live, "wang-yi")

    # 5-8: one click creates an entity from the suggestion: pinyin for a name read as Chinese, or
    # one of its alternatives: "Lý Cường" reads as Chinese first (Lý leans Chinese, translit.origin),
    # the unaccented Vietnamese name is one click away too
    for example, english, form in (("Lý Cường", "Ly Cuong", "from-alternative"),
                                   ("Hoàng Vĩ", "Huang Wei", "from-suggestion"),
                                   ("Lý Khắc Cường", "Li Keqiang", "from-suggestion"),
                                   ("Kim Châng Ưn", "Kim Jang-on", "from-suggestion")):
        card = item(page, example)
        assert english in card.locator(".suggestion").inner_text()
        card.locator(f"form.{form}:has(input[name=name][value='{english}']) button").click()
        settled(page, live)
        found = live.service.search_entities(example, per_page=5).items
        assert any(e.name == english and example in [n.text for n in e.names] for e in found), \
            (english, [(e.id, e.name) for e in found])

    # 9-11: new entities typed by hand
    for example, english in (("Kim Jong Un", "Kim Jong-un"), ("Putin", "Vladimir Putin"),
                             ("Zelenskyy", "Volodymyr Zelenskyy")):
        card = item(page, example)
        card.locator("details.settle summary").click()
        card.locator("form.new-entity input[name=name]").fill(english)
        card.locator("form.new-entity button").click()
        settled(page, live)
    assert "Putin" in names_of(live, "vladimir-putin")

    # 12-13: the entity given by name, then by id
    for example, given, entity_id in (("Thông tấn xã VN", "Vietnam News Agency", "vietnam-news-agency"),
                                      ("Dokdo-Takeshima", "liancourt-rocks", "liancourt-rocks")):
        card = item(page, example)
        card.locator("details.settle summary").click()
        card.locator("form.add-as input[name=entity]").fill(given)
        card.locator("form.add-as select[name=kind]").select_option("alias")
        card.locator("form.add-as button").click()
        settled(page, live)
        assert example in names_of(live, entity_id)

    # 14-16: role references are flagged, never offered as names, and dismissed together
    roles = ("Thủ tướng Nhật Bản", "Tổng thống Hàn Quốc", "Chủ tịch Trung Quốc")
    for example in roles:
        card = item(page, example)
        assert card.locator(".tag.role").count() == 1 and card.locator("p.note").count() == 1
        assert card.locator("form.add-to-candidate").count() == 0
        card.locator("input.tick").check()
    page.click("#bulk button[type=submit]")
    page.wait_for_url("**/ui/review**")
    assert "3" in page.inner_text(".notice")
    assert not set(roles) & set(open_items(page))

    # 17-18: noise dismissed one by one
    for example in ("Bắc Kinh", "Đại Hàn"):
        card = item(page, example)
        card.locator("details.settle summary").click()
        card.locator("form.dismiss button").click()
        settled(page, live)

    # 19: a name added on an entity page closes its queue item by itself
    page.goto("/ui/entity/liancourt-rocks")
    page.fill("#add-text", "Đảo Độc")
    page.fill("#add-lang", "vi")
    page.select_option("#add-kind", "alias")
    page.click("#add-name button[type=submit]")
    page.wait_for_url("**/ui/entity/liancourt-rocks")
    live.service.refresh()
    assert "Đảo Độc" not in open_items(page)

    # 20: the name's variants become one name: the example as first seen
    item(page, "Bà Kamikawa").locator("details.settle summary").click()
    item(page, "Bà Kamikawa").locator("form.new-entity input[name=name]").fill("Yoko Kamikawa")
    item(page, "Bà Kamikawa").locator("form.new-entity button").click()
    settled(page, live)
    assert open_items(page) == []
    assert "Hàng chờ trống" in page.inner_text("ol.queue")
    page.goto("/ui/review?state=settled")
    assert "Japan" in page.inner_text("ol.queue")  # settled items link to entities by name

    # merge the duplicate made from the suggestion into the one typed by hand, then undo a change
    page.goto("/ui/entity/kim-jang-on")
    page.click(".actions >> text=Gộp")
    page.fill("#into", "kim-jong-un")
    page.click("#merge-pick button")
    page.wait_for_selector("#merge-preview")
    assert "Kim Châng Ưn" in page.inner_text("ul.moved")
    page.click("#confirm-merge")
    page.wait_for_url("**/ui/entity/kim-jong-un")
    assert "Kim Châng Ưn" in page.inner_text("main")
    page.goto("/ui/entity/wang-yi/history")
    page.click("ol.history li >> nth=1 >> text=Khôi phục phiên bản này")  # before "Vuong Nghia"
    page.wait_for_url("**/history")
    live.service.refresh()
    assert "Vuong Nghia" not in names_of(live, "wang-yi") and "Vương Di" in names_of(live, "wang-yi")
