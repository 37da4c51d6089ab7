"""A fresh service per test over a temporary SQLite database and the small test gazetteer, an app
around it, editor and viewer tokens, and a client that signs in and reads CSRF tokens."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.web import create_app
from tests.api.conftest import GAZETTEER
from tests.gazetteers import write_yaml

SECRET = "test-secret-key-" + "x" * 40
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="session")
def ui_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_yaml(tmp_path_factory.mktemp("ui-gazetteer"), GAZETTEER)


def settings_for(gazetteer: Path, database: Path) -> Settings:
    return Settings(gazetteer_dir=gazetteer, database_url=f"sqlite:///{database}", secret_key=SECRET,
                    review_queue=False, refresh_seconds=0.05, log_level="WARNING")


@pytest.fixture(scope="session")
def loaded_database(ui_gazetteer: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the test gazetteer loaded once; each test works on its own copy."""
    database = tmp_path_factory.mktemp("ui-db") / "template.db"
    service = Normalizer.from_settings(settings_for(ui_gazetteer, database))
    assert service.store is not None
    service.store.close()  # checkpoints the WAL: the one file holds everything
    return database


@pytest.fixture()
def ui_settings(ui_gazetteer: Path, loaded_database: Path, tmp_path: Path) -> Settings:
    database = tmp_path / "ui.db"
    shutil.copyfile(loaded_database, database)
    return settings_for(ui_gazetteer, database)


@pytest.fixture()
def ui_service(ui_settings: Settings) -> Iterator[Normalizer]:
    service = Normalizer.from_settings(ui_settings)
    yield service
    assert service.store is not None
    service.store.close()


@pytest.fixture()
def ui_app(ui_settings: Settings, ui_service: Normalizer) -> Flask:
    return create_app(ui_settings, ui_service)


@pytest.fixture()
def editor_token(ui_service: Normalizer) -> str:
    assert ui_service.curation is not None
    return ui_service.curation.create_token("alice", "editor")


@pytest.fixture()
def viewer_token(ui_service: Normalizer) -> str:
    assert ui_service.curation is not None
    return ui_service.curation.create_token("victor", "viewer")


class Browser:
    """A test client that keeps the last page's CSRF token and posts forms with it."""

    def __init__(self, client: FlaskClient):
        self.client = client
        self.csrf = ""

    def get(self, url: str, **kwargs: Any) -> Any:
        response = self.client.get(url, **kwargs)
        found = CSRF.search(response.get_data(as_text=True))
        if found:
            self.csrf = found.group(1)
        return response

    def post(self, url: str, data: dict[str, str] | None = None, csrf: bool = True, **kwargs: Any) -> Any:
        form = dict(data or {})
        if csrf:
            if not self.csrf:
                self.get("/ui/signin")
            form.setdefault("csrf_token", self.csrf)
        response = self.client.post(url, data=form, **kwargs)
        found = CSRF.search(response.get_data(as_text=True))
        if found:
            self.csrf = found.group(1)
        return response

    def sign_in(self, token: str) -> Any:
        self.get("/ui/signin")
        response = self.post("/ui/signin", {"token": token, "next": "/ui/"})
        assert response.status_code == 303, response.get_data(as_text=True)
        self.get("/ui/")
        return response


@pytest.fixture()
def browser(ui_app: Flask) -> Browser:
    return Browser(ui_app.test_client())


@pytest.fixture()
def editor(browser: Browser, editor_token: str) -> Browser:
    browser.sign_in(editor_token)
    return browser


def revision_of(service: Normalizer, entity_id: str) -> int:
    assert service.curation is not None
    found = service.curation.get(entity_id)
    assert found is not None
    return found.revision
