"""Sign-in with a token, the session cookie (name and role only), CSRF on every form, roles."""

from __future__ import annotations

from dataclasses import replace

from flask import Flask
from itsdangerous import URLSafeTimedSerializer

from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.web import create_app
from tests.ui.conftest import SECRET, Browser


def session_cookie(response) -> str:  # type: ignore[no-untyped-def]
    return next(v for v in response.headers.getlist("Set-Cookie") if v.startswith("normalizer_ui="))


def decode(cookie: str, app: Flask) -> dict:  # type: ignore[type-arg]
    value = cookie.split(";")[0].split("=", 1)[1]
    interface = app.session_interface
    serializer = URLSafeTimedSerializer(SECRET, salt=interface.salt,  # type: ignore[attr-defined]
                                        serializer=interface.serializer,  # type: ignore[attr-defined]
                                        signer_kwargs={"key_derivation": "hmac", "digest_method":
                                                       interface.digest_method})  # type: ignore[attr-defined]
    return serializer.loads(value)  # type: ignore[no-any-return]


def test_sign_in_keeps_only_name_and_role_in_a_strict_cookie(browser: Browser, editor_token: str,
                                                             ui_app: Flask) -> None:
    browser.get("/ui/signin")
    response = browser.post("/ui/signin", {"token": editor_token, "next": "/ui/entity/wang-yi"})
    assert response.status_code == 303 and response.headers["Location"] == "/ui/entity/wang-yi"
    cookie = session_cookie(response)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert editor_token not in cookie
    stored = decode(cookie, ui_app)
    assert stored["editor"] == {"name": "alice", "role": "editor"}
    assert editor_token not in repr(stored)
    assert "alice" in browser.get("/ui/").get_data(as_text=True)


def test_the_cookie_is_secure_over_https(ui_app: Flask, editor_token: str) -> None:
    browser = Browser(ui_app.test_client())
    browser.get("/ui/signin", base_url="https://localhost")
    response = browser.post("/ui/signin", {"token": editor_token}, base_url="https://localhost")
    assert "Secure" in session_cookie(response)
    proxied = Browser(ui_app.test_client())
    proxied.get("/ui/signin")
    response = proxied.post("/ui/signin", {"token": editor_token}, headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in session_cookie(response)


def test_a_wrong_token_is_refused(browser: Browser) -> None:
    browser.get("/ui/signin")
    response = browser.post("/ui/signin", {"token": "not-a-token"})
    assert response.status_code == 401 and "không tồn tại" in response.get_data(as_text=True)
    assert browser.get("/ui/entity/wang-yi/edit").status_code == 401


def test_sign_in_does_not_redirect_off_site(browser: Browser, editor_token: str) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "/v1/entities"):
        browser.get("/ui/signin")  # sign-in renews the CSRF token: read the new one
        response = browser.post("/ui/signin", {"token": editor_token, "next": target})
        assert response.headers["Location"] == "/ui/", target


def test_sign_out_is_a_post_and_forgets_the_editor(editor: Browser) -> None:
    assert editor.client.get("/ui/signout").status_code == 405
    response = editor.post("/ui/signout")
    assert response.status_code == 303
    page = editor.get("/ui/").get_data(as_text=True)
    assert "alice" not in page and "/ui/signin" in page


def test_forms_without_the_csrf_token_are_refused(editor: Browser, ui_service: Normalizer,
                                                  editor_token: str) -> None:
    fresh = Browser(editor.client.application.test_client())
    assert fresh.post("/ui/signin", {"token": editor_token}, csrf=False).status_code == 400
    assert fresh.post("/ui/signin", {"token": editor_token, "csrf_token": "forged"}, csrf=False
                      ).status_code == 400
    name = {"text": "Vương Nghị Mới", "lang": "vi", "kind": "alias", "revision": "1"}
    refused = editor.post("/ui/entity/wang-yi/names", name, csrf=False)
    assert refused.status_code == 400
    assert refused.mimetype == "text/html" and "Biểu mẫu đã hết hạn" in refused.get_data(as_text=True)
    assert "Vương Nghị Mới" not in [n.text for n in ui_service.entity("wang-yi").names]  # type: ignore[union-attr]
    assert editor.post("/ui/entity/wang-yi/names", name).status_code == 303


def test_the_csrf_token_changes_at_sign_in(browser: Browser, editor_token: str) -> None:
    browser.get("/ui/signin")
    before = browser.csrf
    browser.sign_in(editor_token)
    assert browser.csrf and browser.csrf != before


def test_a_viewer_can_read_but_not_edit(browser: Browser, viewer_token: str, ui_service: Normalizer) -> None:
    browser.sign_in(viewer_token)
    page = browser.get("/ui/entity/wang-yi").get_data(as_text=True)
    assert "victor" in page and "/ui/entity/wang-yi/edit" not in page and 'id="add-name"' not in page
    assert browser.get("/ui/entity/wang-yi/edit").status_code == 403
    response = browser.post("/ui/entity/wang-yi/names", {"text": "Vương Nghị Mới", "lang": "vi",
                                                          "kind": "alias", "revision": "1"})
    assert response.status_code == 403
    assert len(ui_service.entity("wang-yi").names) == 3  # type: ignore[union-attr]


def test_writing_needs_a_sign_in(browser: Browser) -> None:
    browser.get("/ui/")
    response = browser.post("/ui/entity/wang-yi/names", {"text": "X", "lang": "vi", "revision": "1"})
    assert response.status_code == 401 and 'id="signin"' in response.get_data(as_text=True)
    assert browser.get("/ui/review").status_code == 401


def test_a_revoked_token_stops_working_at_once(editor: Browser, ui_service: Normalizer) -> None:
    assert ui_service.curation is not None
    ui_service.curation.revoke_token("alice")
    assert editor.get("/ui/entity/wang-yi/edit").status_code == 401
    assert "alice" not in editor.get("/ui/").get_data(as_text=True)


def test_language_switch_and_default_vietnamese(browser: Browser) -> None:
    assert "Tìm kiếm" in browser.get("/ui/").get_data(as_text=True)
    response = browser.post("/ui/lang", {"lang": "en", "next": "/ui/entity/china"})
    assert response.headers["Location"] == "/ui/entity/china"
    page = browser.get("/ui/").get_data(as_text=True)
    assert "Search the gazetteer" in page and '<html lang="en">' in page
    browser.post("/ui/lang", {"lang": "xx"})
    assert '<html lang="en">' in browser.get("/ui/").get_data(as_text=True)


def test_with_read_tokens_required_every_page_needs_a_sign_in(ui_settings: Settings, ui_service: Normalizer,
                                                              viewer_token: str) -> None:
    app = create_app(replace(ui_settings, read_token_required=True), ui_service)
    browser = Browser(app.test_client())  # the API lets /ui/ through to the UI's own sign-in
    assert browser.get("/ui/entity/wang-yi").status_code == 401
    assert browser.get("/ui/try?q=x").status_code == 401
    browser.sign_in(viewer_token)
    assert browser.get("/ui/entity/wang-yi").status_code == 200


def test_a_next_with_line_breaks_redirects_safely(browser: Browser, editor_token: str) -> None:
    for target in ("/ui/\r\nSet-Cookie: x=1", "/ui/entity/china\n", "/ui/\x00", "/ui/\x7f"):
        browser.get("/ui/signin")
        response = browser.post("/ui/signin", {"token": editor_token, "next": target})
        assert response.status_code == 303 and response.headers["Location"] == "/ui/", repr(target)
        browser.get("/ui/")  # the CSRF token of the new session
        response = browser.post("/ui/lang", {"lang": "en", "next": target})
        assert response.status_code == 303 and response.headers["Location"] == "/ui/", repr(target)


def test_a_revoked_token_ends_the_session_on_every_page_at_once(browser: Browser, viewer_token: str,
                                                                ui_service: Normalizer) -> None:
    browser.sign_in(viewer_token)
    assert browser.get("/ui/review").status_code == 200
    assert "victor" in browser.get("/ui/entity/wang-yi").get_data(as_text=True)
    assert ui_service.curation is not None
    ui_service.curation.revoke_token("victor")
    assert browser.get("/ui/review").status_code == 401  # reads, not only writes
    assert "victor" not in browser.get("/ui/entity/wang-yi").get_data(as_text=True)


def test_a_database_that_is_down_gives_a_503_page_even_to_a_signed_in_editor(
        editor: Browser, ui_service: Normalizer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    def down(*args: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    assert ui_service.curation is not None
    monkeypatch.setattr(ui_service.curation, "token_role", down)
    monkeypatch.setattr(ui_service.curation, "get", down)
    response = editor.get("/ui/entity/wang-yi")
    assert response.status_code == 503 and "Cơ sở dữ liệu" in response.get_data(as_text=True)
    monkeypatch.undo()
    assert "alice" in editor.get("/ui/entity/wang-yi").get_data(as_text=True)  # still signed in
