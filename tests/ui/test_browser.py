"""The UI in a real browser (Debian's Chromium driven by Playwright): sign in, search as you type,
edit a name, see the history, revert, work a review item, merge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.live import CHROMIUM, Live, launch, live_server

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                "(apt-get install chromium; .ci/run installs it)")
sync_api = pytest.importorskip("playwright.sync_api")
# A refused form is answered with its page and status 409 or 422; Chromium logs those statuses.
REFUSED_FORM = ("status of 409 (CONFLICT)", "status of 422 (UNPROCESSABLE ENTITY)")


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with live_server(tmp_path_factory.mktemp("live")) as server:
        yield server


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture()
def page(chromium: Any, live: Live) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=live.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" and not
            msg.text.endswith(REFUSED_FORM) else None)
    yield page
    context.close()
    assert not errors, errors  # no script error and no CSP violation on any page


def sign_in(page: Any, live: Live) -> None:
    page.goto("/ui/signin")
    page.fill("#token", live.token)
    page.click("#signin button[type=submit]")
    page.wait_for_url("**/ui/")
    assert "alice" in page.inner_text("header")


def test_sign_in_and_out(page: Any, live: Live) -> None:
    sign_in(page, live)
    page.click("text=Đăng xuất")
    page.wait_for_url("**/ui/")
    assert "alice" not in page.inner_text("header")


def test_search_as_you_type_with_a_type_filter(page: Any) -> None:
    page.goto("/ui/")
    page.fill("#search input[name=q]", "Takeshima")
    sync_api.expect(page.locator("#results li")).to_have_count(1)  # no eval: the CSP forbids it
    assert "Liancourt Rocks" in page.inner_text("#results")
    page.select_option("#search select[name=type]", "person")
    page.wait_for_selector("#results li.empty")
    page.fill("#search input[name=q]", "Vương")
    page.wait_for_selector("#results a[href='/ui/entity/wang-yi']")
    assert "người" in page.inner_text("#results")  # the type's label in the page's language
    page.click("#results a[href='/ui/entity/wang-yi']")
    page.wait_for_url("**/ui/entity/wang-yi")
    assert "Wang Yi" in page.inner_text("h1")


def test_edit_a_name_see_the_history_and_revert(page: Any, live: Live) -> None:
    sign_in(page, live)
    page.goto("/ui/entity/vietnam-news-agency/edit")
    page.fill("#names-2-text", "TTX VN")
    page.click("#edit button[type=submit]")
    page.wait_for_url("**/ui/entity/vietnam-news-agency")
    assert "TTX VN" in page.inner_text("section.lang-group >> nth=0")  # Vietnamese names come first
    page.click("text=Lịch sử")
    page.wait_for_url("**/history")
    assert "TTX VN" in page.inner_text("ol.history li >> nth=0")
    page.click("ol.history li >> nth=1 >> text=Khôi phục phiên bản này")
    page.wait_for_url("**/history")
    assert "revert" in page.content() or "khôi phục" in page.inner_text("ol.history li >> nth=0")
    entity = live.service.entity("vietnam-news-agency")
    assert entity is not None and "TTXVN" in [n.text for n in entity.names]


def test_adding_a_conflicting_name_warns_while_typing(page: Any, live: Live) -> None:
    sign_in(page, live)
    page.goto("/ui/entity/japan")
    page.fill("#add-text", "Dokdo")
    sync_api.expect(page.locator("#conflict-hint")).to_contain_text("liancourt-rocks")
    page.select_option("#add-kind", "alias")
    page.click("#add-name button[type=submit]")
    page.wait_for_selector("#conflict")
    assert "Liancourt Rocks" in page.inner_text("#conflict")  # names, not ids


def test_work_a_review_item(page: Any, live: Live) -> None:
    sign_in(page, live)
    page.goto("/ui/review")
    first = page.locator("ol.queue li.item").first
    assert "Lý Cường" in first.inner_text()  # the most often seen comes first
    item = page.locator("ol.queue li.item", has_text="Vuong Nghia")
    item.locator("details.settle summary").click()  # another entity than the candidates shown
    item.locator("form.add-as input[name=entity]").fill("Vương")  # the entity search offers matching ids
    sync_api.expect(item.locator("datalist option[value='wang-yi']")).to_have_count(1)
    item.locator("form.add-as input[name=entity]").fill("wang-yi")
    item.locator("select[name=kind]").select_option("misspelling")
    item.locator("form.add-as button").click()
    page.wait_for_url("**/ui/review**")
    assert page.locator("ol.queue li.item", has_text="Vuong Nghia").count() == 0
    entity = live.service.entity("wang-yi")
    assert entity is not None and "Vuong Nghia" in [n.text for n in entity.names]


def test_merge_with_a_preview(page: Any, live: Live) -> None:
    sign_in(page, live)
    page.goto("/ui/entity/xi-jinping")
    page.click(".actions >> text=Gộp")
    page.fill("#into", "china")
    page.click("#merge-pick button")
    page.wait_for_selector("#merge-preview")
    assert "Tập Cận Bình" in page.inner_text("ul.moved")
    page.click("#confirm-merge")
    page.wait_for_url("**/ui/entity/china")
    assert "Tập Cận Bình" in page.inner_text("main")
    page.goto("/ui/entity/xi-jinping")
    assert page.url.endswith("/ui/entity/china")


def test_try_it_highlights_mentions(page: Any, tmp_path: Path) -> None:
    page.goto("/ui/try")
    page.fill("#extract textarea", "Ngoại trưởng Vương Nghị gặp <script>alert(1)</script> Tập Cận Bình.")
    page.click("#extract button")
    page.wait_for_selector("#extraction mark.matched")
    marks = page.locator("#extraction .highlighted mark").all_inner_texts()
    assert "Vương Nghị" in marks and "Tập Cận Bình" in marks
    assert "<script>alert(1)</script>" in page.inner_text("#extraction .highlighted")
