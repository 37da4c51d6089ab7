"""A small gazetteer for the reconciliation tests, an app over it, and the spec schemas."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.web import create_app
from tests.gazetteers import load_index, write_yaml
from tests.recon import specs

GAZETTEER = """\
- id: china
  type: country
  name: China
  external_ids: {iso3166: CN}
  names:
  - {text: China, lang: en, kind: preferred, source: cldr}
  - {text: Trung Quốc, lang: vi, kind: preferred, source: cldr}
  - {text: 中国, lang: zh-Hans, kind: native, source: cldr}
- id: japan
  type: country
  name: Japan
  external_ids: {iso3166: JP}
  names:
  - {text: Japan, lang: en, kind: preferred, source: cldr}
  - {text: Nhật Bản, lang: vi, kind: preferred, source: cldr}
  - {text: 日本, lang: ja, kind: native, source: cldr}
- id: south-korea
  type: country
  name: South Korea
  external_ids: {iso3166: KR}
  names:
  - {text: South Korea, lang: en, kind: preferred, source: cldr}
  - {text: Hàn Quốc, lang: vi, kind: preferred, source: cldr}
- id: wang-yi
  type: person
  name: Wang Yi
  description: Chinese diplomat, Minister of Foreign Affairs
  country: china
  names:
  - {text: Wang Yi, lang: en, kind: preferred, family: Wang, source: editorial}
  - {text: 王毅, lang: zh-Hans, kind: native, family: 王, source: editorial}
  - {text: Vương Nghị, lang: vi, kind: preferred, family: Vương, source: editorial}
- id: kishida-fumio
  type: person
  name: Fumio Kishida
  country: japan
  names:
  - {text: Fumio Kishida, lang: en, kind: preferred, family: Kishida, source: editorial}
  - {text: 岸田文雄, lang: ja, kind: native, family: 岸田, source: editorial}
- id: tokyo
  type: place
  name: Tokyo
  country: japan
  names:
  - {text: Tokyo, lang: en, kind: preferred, source: cldr}
  - {text: Tô-ki-ô, lang: vi, kind: historic, source: editorial}
- id: tokyo-university
  type: organization
  name: University of Tokyo
  country: japan
  names:
  - {text: University of Tokyo, lang: en, kind: preferred, source: editorial}
  - {text: Tokyo, lang: en, kind: abbreviation, source: editorial}
- id: liancourt-rocks
  type: place
  name: Liancourt Rocks
  description: islets disputed between Japan and South Korea
  names:
  - {text: Liancourt Rocks, lang: en, kind: preferred, source: editorial}
  - {text: Takeshima, lang: ja-Latn, kind: alias, used_by: [japan], source: editorial}
  - {text: Dokdo, lang: ko-Latn, kind: alias, used_by: [south-korea], source: editorial}
- id: united-states
  type: country
  name: United States
  external_ids: {iso3166: US}
  names:
  - {text: United States, lang: en, kind: preferred, source: cldr}
  - {text: Hoa Kỳ, lang: vi, kind: preferred, source: cldr}
  - {text: Mỹ, lang: vi, kind: alias, source: editorial}
- id: georgia
  type: country
  name: Georgia
  external_ids: {iso3166: GE}
  names:
  - {text: Georgia, lang: en, kind: preferred, source: cldr}
  - {text: Gruzia, lang: vi, kind: preferred, source: cldr}
  - {text: საქართველო, lang: ka, kind: native, source: cldr}
- id: georgia-us-state
  type: place
  name: Georgia (U.S. state)
  country: united-states
  names:
  - {text: Georgia, lang: en, kind: preferred, source: editorial}
  - {text: bang Georgia, lang: vi, kind: preferred, source: editorial}
- id: script-test
  type: organization
  name: <script>alert(1)</script> & Co
  description: '"quoted" <b>bold</b> & <img src=x onerror=alert(2)>'
  names:
  - {text: <script>alert(1)</script> & Co, lang: en, kind: preferred, source: editorial}
  - {text: Công ty <i>thử</i>, lang: vi, kind: preferred, source: editorial}
"""
REDIRECTS = {"wang-yi-diplomat": "wang-yi"}


@pytest.fixture(scope="session")
def recon_service(tmp_path_factory: pytest.TempPathFactory) -> Normalizer:
    root = write_yaml(tmp_path_factory.mktemp("recon-gazetteer"), GAZETTEER)
    settings = Settings(gazetteer_dir=root, max_batch=20, log_level="WARNING")
    return Normalizer(load_index(root, REDIRECTS), settings)


@pytest.fixture(scope="session")
def recon_app(recon_service: Normalizer) -> Flask:
    return create_app(recon_service.settings, recon_service)


@pytest.fixture()
def client(recon_app: Flask) -> FlaskClient:
    return recon_app.test_client()


@pytest.fixture(scope="session")
def need_specs() -> None:
    if not specs.available():
        pytest.skip(specs.SKIP_REASON)
