"""A small gazetteer written as YAML, a service over it and an app around that service."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from normalizer.gazetteer import GazetteerIndex
from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.web import create_app
from tests.gazetteers import load_index, write_yaml

GAZETTEER = """\
- id: china
  type: country
  name: China
  names:
  - {text: China, lang: en, kind: preferred, source: cldr}
  - {text: Trung Quốc, lang: vi, kind: preferred, source: cldr}
- id: japan
  type: country
  name: Japan
  names:
  - {text: Japan, lang: en, kind: preferred, source: cldr}
  - {text: Nhật Bản, lang: vi, kind: preferred, source: cldr}
- id: south-korea
  type: country
  name: South Korea
  names:
  - {text: South Korea, lang: en, kind: preferred, source: cldr}
  - {text: Hàn Quốc, lang: vi, kind: preferred, source: cldr}
- id: wang-yi
  type: person
  name: Wang Yi
  description: Chinese diplomat, Minister of Foreign Affairs
  country: china
  roles:
  - {title: Minister of Foreign Affairs, of: china, start: '2023-07-25'}
  names:
  - {text: Wang Yi, lang: en, kind: preferred, family: Wang, source: editorial}
  - {text: 王毅, lang: zh-Hans, kind: native, family: 王, source: editorial}
  - {text: Vương Nghị, lang: vi, kind: preferred, family: Vương, source: editorial}
- id: xi-jinping
  type: person
  name: Xi Jinping
  country: china
  names:
  - {text: Xi Jinping, lang: en, kind: preferred, family: Xi, source: editorial}
  - {text: Tập Cận Bình, lang: vi, kind: preferred, family: Tập, source: editorial}
- id: liancourt-rocks
  type: place
  name: Liancourt Rocks
  description: islets disputed between Japan and South Korea
  names:
  - {text: Liancourt Rocks, lang: en, kind: preferred, source: editorial}
  - {text: Takeshima, lang: ja-Latn, kind: alias, used_by: [japan], source: editorial}
  - {text: Dokdo, lang: ko-Latn, kind: alias, used_by: [south-korea], source: editorial}
- id: vietnam-news-agency
  type: organization
  name: Vietnam News Agency
  names:
  - {text: Vietnam News Agency, lang: en, kind: preferred, source: editorial}
  - {text: Thông tấn xã Việt Nam, lang: vi, kind: preferred, source: editorial}
  - {text: TTXVN, lang: vi, kind: abbreviation, source: editorial}
"""
ENTITY_COUNT = 7
REDIRECTS = {"wang-yi-diplomat": "wang-yi"}  # a merged id and its survivor


@pytest.fixture(scope="session")
def gazetteer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_yaml(tmp_path_factory.mktemp("gazetteer"), GAZETTEER)


@pytest.fixture(scope="session")
def settings(gazetteer_dir: Path) -> Settings:
    return Settings(gazetteer_dir=gazetteer_dir)


@pytest.fixture(scope="session")
def index(gazetteer_dir: Path) -> GazetteerIndex:
    return load_index(gazetteer_dir, REDIRECTS)


def make_app(index: GazetteerIndex, settings: Settings, **changes: object) -> Flask:
    settings = replace(settings, **changes)  # type: ignore[arg-type]
    return create_app(settings, Normalizer(index, settings))


@pytest.fixture(scope="session")
def app(index: GazetteerIndex, settings: Settings) -> Flask:
    return make_app(index, settings)


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()
