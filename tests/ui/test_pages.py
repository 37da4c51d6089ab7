"""Every page answers with HTML in the session's language; reads need no sign-in."""

from __future__ import annotations

from normalizer.service import Normalizer
from tests.ui.conftest import Browser


def text(response) -> str:  # type: ignore[no-untyped-def]
    return response.get_data(as_text=True)


def test_search_lists_entities_and_filters_by_type(browser: Browser) -> None:
    everything = text(browser.get("/ui/"))
    assert "Wang Yi" in everything and "China" in everything
    people = browser.get("/ui/?type=person")
    assert people.status_code == 200
    assert "Wang Yi" in text(people) and "Liancourt Rocks" not in text(people)
    found = text(browser.get("/ui/?q=V%C6%B0%C6%A1ng+Ngh%E1%BB%8B"))
    assert "/ui/entity/wang-yi" in found and "/ui/entity/japan" not in found


def test_search_ignores_an_unknown_type_and_a_bad_page(browser: Browser) -> None:
    assert browser.get("/ui/?type=planet&page=zz").status_code == 200


def test_entity_page_groups_names_by_language_with_kind_used_by_and_source(browser: Browser) -> None:
    page = text(browser.get("/ui/entity/liancourt-rocks"))
    assert page.index('<span class="lang">en</span>') < page.index('<span class="lang">ja-Latn</span>')
    assert "Takeshima" in page and 'href="/ui/entity/japan"' in page and "editorial" in page
    roles = text(browser.get("/ui/entity/wang-yi"))
    assert "Minister of Foreign Affairs" in roles and 'href="/ui/entity/china"' in roles
    assert 'href="/ui/entity/wang-yi/history"' in roles


def test_unknown_entity_is_an_html_404(browser: Browser) -> None:
    response = browser.get("/ui/entity/nobody-at-all")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "nobody-at-all" in text(response)


def test_history_page_lists_the_load(browser: Browser) -> None:
    page = browser.get("/ui/entity/wang-yi/history")
    assert page.status_code == 200 and "gazetteer-load" in text(page)
    assert browser.get("/ui/entity/nobody/history").status_code == 404


def test_try_it_resolves_a_name(browser: Browser) -> None:
    page = text(browser.get("/ui/try?q=Ngo%E1%BA%A1i+tr%C6%B0%E1%BB%9Fng+V%C6%B0%C6%A1ng+Ngh%E1%BB%8B"))
    assert 'class="status matched"' in page and "/ui/entity/wang-yi" in page


def test_try_it_highlights_mentions_of_a_paragraph(browser: Browser) -> None:
    paragraph = "Ngoại trưởng Vương Nghị gặp ông Tập Cận Bình <b>hôm qua</b>."
    page = text(browser.post("/ui/try", {"text": paragraph}))
    assert '<mark class="matched" title="Wang Yi (wang-yi)">Vương Nghị</mark>' in page
    assert "&lt;b&gt;hôm qua&lt;/b&gt;" in page and "<b>hôm qua" not in page


def test_try_it_refuses_an_overlong_paste_without_crashing(browser: Browser) -> None:
    response = browser.post("/ui/try", {"text": "x" * 100_001})
    assert response.status_code == 413 and "100000" in text(response)


def test_pages_carry_security_headers(browser: Browser) -> None:
    response = browser.get("/ui/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_are_served(browser: Browser) -> None:
    assert browser.get("/ui/static/ui.js").status_code == 200
    assert browser.get("/ui/static/ui.css").status_code == 200


def test_the_api_keeps_its_json_errors(browser: Browser) -> None:
    response = browser.get("/v1/entities/nobody")
    assert response.status_code == 404 and response.is_json


def test_a_merged_id_redirects_to_the_survivor(editor: Browser, ui_service: Normalizer) -> None:
    assert ui_service.curation is not None
    revision = ui_service.curation.get("xi-jinping").revision  # type: ignore[union-attr]
    ui_service.curation.merge("xi-jinping", "wang-yi", revision, "test")
    response = editor.get("/ui/entity/xi-jinping")
    assert response.status_code == 303 and response.headers["Location"].endswith("/ui/entity/wang-yi")
