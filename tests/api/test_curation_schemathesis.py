"""Requests generated from /openapi.json against an app with a database: the editors' API answers
no 5xx and only documented statuses and shapes, anonymous (writes get their documented 401) and
with an editor's token (writes reach their checks: If-Match, as declared, then the fields)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings

from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.web import create_app
from tests.api.test_schemathesis import CHECKS
from tests.store.conftest import write_gazetteer

EDITORS_PATHS = r"^/v1/(entities|changes|review)"


@pytest.fixture(scope="module")
def store_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    root = tmp_path_factory.mktemp("curation-schema")
    config = Settings(gazetteer_dir=write_gazetteer(root / "gazetteer"), log_level="WARNING",
                      database_url=f"sqlite:///{root / 'normalizer.db'}")
    service = Normalizer.from_settings(config)
    yield create_app(config, service)
    service.close()


@pytest.fixture(scope="module")
def editor_token(store_app: Flask) -> str:
    service = store_app.extensions["normalizer"]
    return str(service.curation.create_token("schemathesis", "editor"))


@pytest.fixture(scope="module")
def store_schema(store_app: Flask) -> schemathesis.schemas.BaseSchema:
    return schemathesis.openapi.from_wsgi("/openapi.json", store_app)


schema = schemathesis.pytest.from_fixture("store_schema").include(path_regex=EDITORS_PATHS)


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_editors_api_conforms_to_its_openapi_document(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_editors_api_with_a_token_conforms_to_its_openapi_document(case: schemathesis.Case,
                                                                    editor_token: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {editor_token}"}, checks=CHECKS)
