"""Whatever an editor's browser sends, the UI answers with a page, never a server error."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ui.conftest import Browser

POSTS = ("/ui/entity/wang-yi/edit", "/ui/entity/wang-yi/names", "/ui/entity/wang-yi/names/1/remove",
         "/ui/entity/wang-yi/names/99999999999999999999999/remove", "/ui/entity/wang-yi/merge",
         "/ui/entity/wang-yi/revert", "/ui/review/settle", "/ui/try", "/ui/lang", "/ui/signin", "/ui/new",
         "/ui/entity/wang-yi/delete")
GETS = ("/ui/?q={v}&type={v}&page={v}", "/ui/entity/{v}", "/ui/entity/{v}/history?page={v}",
        "/ui/entity/wang-yi/merge?into={v}", "/ui/try?q={v}", "/ui/review?state={v}&page={v}",
        "/ui/entity/wang-yi/history?page=99999999999999999999")
FIELDS = ("name", "vi_name", "restore", "type", "description", "country", "revision", "expected",
          "names-count", "names-0-text", "names-0-lang", "names-0-kind", "names-0-used_by", "text", "lang",
          "kind", "used_by", "into", "key", "action", "entity", "example", "token", "next")
TRICKY = ["", "0", "-1", "1" * 30, "wang-yi", "alias", "add_name", "new_entity", "dismiss", "%", "\x00",
          "²"]  # "²" is a digit to str.isdigit but not to int()
values = st.one_of(st.text(max_size=40), st.sampled_from(TRICKY))


def test_bad_forms_never_make_a_server_error(editor: Browser) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(POSTS), st.dictionaries(st.sampled_from(FIELDS), values, max_size=8))
    def post(url: str, form: dict[str, str]) -> None:
        editor.get("/ui/entity/wang-yi")
        response = editor.post(url, form)
        assert response.status_code < 500, (url, form, response.get_data(as_text=True)[-500:])

    post()


def test_bad_addresses_never_make_a_server_error(editor: Browser) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(GETS), st.one_of(st.sampled_from(TRICKY), st.text(max_size=30)))
    def get(template: str, value: str) -> None:
        response = editor.get(template.format(v=quote(value, safe="")))
        assert response.status_code < 500, (template, value)

    get()
