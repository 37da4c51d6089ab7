"""Editing: field errors next to their fields, stale edits refused, name conflicts, escaping,
history with diffs and revert."""

from __future__ import annotations

import html
import re

from normalizer.service import Normalizer
from tests.ui.conftest import Browser, revision_of


def text(response) -> str:  # type: ignore[no-untyped-def]
    return response.get_data(as_text=True)


def edit_form(browser: Browser, entity_id: str) -> dict[str, str]:
    """The edit form's fields as the page rendered them (inputs, selects, checked boxes)."""
    page = text(browser.get(f"/ui/entity/{entity_id}/edit"))
    form = page[page.index('id="edit"'):page.index("</form>", page.index('id="edit"'))]
    inputs = re.finditer(r'<input[^>]*name="([^"]+)" value="([^"]*)"[^>]*>', form)
    fields = {m.group(1): m.group(2) for m in inputs
              if 'type="checkbox"' not in m.group(0) or " checked" in m.group(0)}
    for name, options in re.findall(r'<select[^>]*name="([^"]+)">(.*?)</select>', form, re.S):
        fields[name] = re.search(r'<option value="([^"]*)" selected', options).group(1)  # type: ignore[union-attr]
    fields.pop("csrf_token", None)
    return {k: html.unescape(v) for k, v in fields.items()}


def test_an_edit_is_saved_and_recorded(editor: Browser, ui_service: Normalizer) -> None:
    form = edit_form(editor, "wang-yi")
    form.update({"description": "Foreign minister of China", "names-2-text": "Vương Nghị"})
    response = editor.post("/ui/entity/wang-yi/edit", form)
    assert response.status_code == 303, text(response)
    assert ui_service.entity("wang-yi").description == "Foreign minister of China"  # type: ignore[union-attr]
    page = text(editor.get("/ui/entity/wang-yi/history"))
    assert "Foreign minister of China" in page and "alice" in page


def test_field_errors_show_next_to_their_fields(editor: Browser, ui_service: Normalizer) -> None:
    form = edit_form(editor, "wang-yi")
    form.update({"names-1-lang": "not a tag!", "name": ""})
    response = editor.post("/ui/entity/wang-yi/edit", form)
    assert response.status_code == 422
    page = text(response)
    lang_field = page.index('name="names-1-lang"')
    error = page.index('class="field-error"', lang_field)
    assert error < page.index('name="names-1-kind"')  # the message sits right after its field
    assert 'value="not a tag!"' in page  # what the editor typed is kept
    assert ui_service.entity("wang-yi").names[1].lang == "zh-Hans"  # type: ignore[union-attr]


def test_removing_a_row_keeps_errors_on_the_right_row(editor: Browser) -> None:
    form = edit_form(editor, "wang-yi")
    form.update({"names-0-remove": "1", "names-2-lang": "??"})
    page = text(editor.post("/ui/entity/wang-yi/edit", form))
    lang_field = page.index('name="names-2-lang"')
    assert page.index('class="field-error"', lang_field) < page.index('name="names-2-kind"')


def test_a_stale_edit_shows_the_conflict_instead_of_overwriting(editor: Browser, ui_service: Normalizer
                                                                ) -> None:
    mine = edit_form(editor, "wang-yi")
    theirs = edit_form(editor, "wang-yi")
    theirs["description"] = "Their description"
    assert editor.post("/ui/entity/wang-yi/edit", theirs).status_code == 303
    mine["description"] = "My description"
    response = editor.post("/ui/entity/wang-yi/edit", mine)
    assert response.status_code == 409
    page = text(response)
    assert 'id="stale"' in page and "Their description" in page  # what changed meanwhile
    assert ui_service.entity("wang-yi").description == "Their description"  # type: ignore[union-attr]


def test_adding_a_conflicting_name_warns_and_allows_marking_it_ambiguous(editor: Browser,
                                                                          ui_service: Normalizer) -> None:
    revision = str(revision_of(ui_service, "xi-jinping"))
    name = {"text": "Vương Nghị", "lang": "vi", "kind": "alias", "revision": revision}
    response = editor.post("/ui/entity/xi-jinping/names", name)
    assert response.status_code == 409
    page = text(response)
    assert 'id="conflict"' in page and 'href="/ui/entity/wang-yi"' in page and 'id="mark-ambiguous"' in page
    again = editor.post("/ui/entity/xi-jinping/names", {**name, "ambiguous": "1"})
    assert again.status_code == 303
    added = [n for n in ui_service.entity("xi-jinping").names if n.text == "Vương Nghị"]  # type: ignore[union-attr]
    assert added and added[0].ambiguous


def test_a_bad_new_name_shows_its_error_by_the_field(editor: Browser) -> None:
    response = editor.post("/ui/entity/wang-yi/names", {"text": "Wang", "lang": "!!", "kind": "alias",
                                                        "revision": "1"})
    assert response.status_code == 422
    page = text(response)
    assert page.index('class="field-error"', page.index('id="add-lang"')) < page.index('id="add-kind"')


def test_a_stored_script_is_shown_as_text(editor: Browser, ui_service: Normalizer) -> None:
    evil = "<script>alert(1)</script>"
    response = editor.post("/ui/entity/wang-yi/names", {"text": evil, "lang": "vi", "kind": "misspelling",
                                                        "revision": str(revision_of(ui_service, "wang-yi"))})
    assert response.status_code == 303
    form = edit_form(editor, "wang-yi")
    form["description"] = '"><img src=x onerror=alert(2)>'
    assert editor.post("/ui/entity/wang-yi/edit", form).status_code == 303
    for url in ("/ui/entity/wang-yi", "/ui/entity/wang-yi/history", "/ui/entity/wang-yi/edit"):
        page = text(editor.get(url))
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url
        assert "<script>alert" not in page and "<img src=x" not in page, url
    notice = text(editor.get("/ui/?q=alert"))
    assert "<script>alert" not in notice


def test_removing_a_name(editor: Browser, ui_service: Normalizer) -> None:
    assert ui_service.curation is not None
    found = ui_service.curation.get("vietnam-news-agency")
    assert found is not None
    name_id = found.name_ids[2]  # TTXVN
    response = editor.post(f"/ui/entity/vietnam-news-agency/names/{name_id}/remove",
                           {"revision": str(found.revision)})
    assert response.status_code == 303
    assert "TTXVN" not in [n.text for n in ui_service.entity("vietnam-news-agency").names]  # type: ignore[union-attr]


def test_history_shows_diffs_and_reverts_in_one_click(editor: Browser, ui_service: Normalizer) -> None:
    form = edit_form(editor, "japan")
    form["description"] = "Island country"
    editor.post("/ui/entity/japan/edit", form)
    page = text(editor.get("/ui/entity/japan/history"))
    assert 'class="to">Island country<' in page
    revert = re.search(r'name="revision" value="(\d+)">\s*<input type="hidden" name="expected" value="(\d+)"',
                       page)
    assert revert is not None and revert.group(1) == "1"
    response = editor.post("/ui/entity/japan/revert", {"revision": revert.group(1),
                                                       "expected": revert.group(2)})
    assert response.status_code == 303
    assert ui_service.entity("japan").description is None  # type: ignore[union-attr]
    assert "revert" in text(editor.get("/ui/entity/japan/history"))


def test_a_stale_revert_is_refused(editor: Browser, ui_service: Normalizer) -> None:
    form = edit_form(editor, "japan")
    form["description"] = "Island country"
    editor.post("/ui/entity/japan/edit", form)
    editor.get("/ui/entity/japan/history")
    response = editor.post("/ui/entity/japan/revert", {"revision": "1", "expected": "1"})
    assert response.status_code == 409
    assert ui_service.entity("japan").description == "Island country"  # type: ignore[union-attr]


def test_roles_are_edited_with_their_errors_by_the_field(editor: Browser, ui_service: Normalizer) -> None:
    form = edit_form(editor, "wang-yi")
    assert form["roles-0-title"] == "Minister of Foreign Affairs" and form["roles-0-of"] == "china"
    bad = {**form, "roles-new-title": "Director", "roles-new-of": "no-such-office"}
    page = text(editor.post("/ui/entity/wang-yi/edit", bad))
    error = page.index('class="field-error"', page.index('name="roles-1-of"'))
    assert error < page.index('name="roles-1-start"')
    good = {**form, "roles-0-remove": "1", "roles-new-title": "Director", "roles-new-of": "china",
            "roles-new-start": "2022-01-01"}
    assert editor.post("/ui/entity/wang-yi/edit", good).status_code == 303
    roles = ui_service.entity("wang-yi").roles  # type: ignore[union-attr]
    assert [(r.title, r.of, r.start) for r in roles] == [("Director", "china", "2022-01-01")]


def test_a_new_entity_with_field_errors_then_created(editor: Browser, ui_service: Normalizer) -> None:
    editor.get("/ui/new")
    refused = editor.post("/ui/new", {"name": "Li Qiang", "vi_name": "???", "type": "person"})
    assert refused.status_code == 422
    page = text(refused)
    assert page.index('class="field-error"', page.index('id="n-vi"')) < page.index('id="n-type"')
    page = text(editor.post("/ui/new", {"name": "Li Qiang", "type": "person", "country": "atlantis"}))
    assert page.index('class="field-error"', page.index('id="n-country"')) < page.index('id="n-description"')
    conflict = editor.post("/ui/new", {"name": "Li Qiang", "vi_name": "Vương Nghị", "type": "person"})
    assert conflict.status_code == 409 and 'href="/ui/entity/wang-yi"' in text(conflict)
    created = editor.post("/ui/new", {"name": "Li Qiang", "vi_name": "Lý Cường", "type": "person",
                                      "country": "china"})
    assert created.status_code == 303 and created.headers["Location"] == "/ui/entity/li-qiang"
    assert {n.text for n in ui_service.entity("li-qiang").names} == {"Li Qiang", "Lý Cường"}  # type: ignore[union-attr]


def test_delete_and_restore(editor: Browser, ui_service: Normalizer) -> None:
    editor.get("/ui/entity/japan/edit")
    response = editor.post("/ui/entity/japan/delete", {"revision": str(revision_of(ui_service, "japan"))})
    assert response.status_code == 303 and ui_service.entity("japan") is None
    page = text(editor.get("/ui/entity/japan"))
    assert 'id="restore"' in page
    stale = editor.post("/ui/entity/japan/delete", {"revision": "1", "restore": "1"})
    assert stale.status_code == 409 and ui_service.entity("japan") is None
    editor.get("/ui/entity/japan")
    restored = editor.post("/ui/entity/japan/delete", {"revision": str(revision_of(ui_service, "japan")),
                                                       "restore": "1"})
    assert restored.status_code == 303 and ui_service.entity("japan") is not None


def test_adding_a_name_to_a_deleted_entity_is_refused_with_a_page(editor: Browser,
                                                                  ui_service: Normalizer) -> None:
    editor.get("/ui/entity/japan/edit")
    editor.post("/ui/entity/japan/delete", {"revision": str(revision_of(ui_service, "japan"))})
    editor.get("/ui/entity/japan")
    response = editor.post("/ui/entity/japan/names", {"text": "Nhật", "lang": "vi", "kind": "abbreviation",
                                                      "revision": str(revision_of(ui_service, "japan"))})
    assert response.status_code == 409 and "undelete" in text(response)
