"""A store on SQLite and on PostgreSQL (a fresh schema per test), loaded with a small gazetteer.

PostgreSQL: 127.0.0.1:5432, database `test`, trust auth (NORMALIZER_TEST_POSTGRES_URL overrides);
its tests are skipped, saying why, only when the server cannot be reached.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from normalizer.curation import load_gazetteer
from normalizer.store import Store
from tests.gazetteers import write_yaml

POSTGRES = os.environ.get("NORMALIZER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

GAZETTEER = """\
- id: china
  type: country
  name: China
  external_ids: {iso3166: CN, wikidata: Q148}
  names:
  - {text: China, lang: en, kind: preferred, source: cldr}
  - {text: Trung Quốc, lang: vi, kind: preferred, source: cldr}

- id: japan
  type: country
  name: Japan
  names:
  - {text: Japan, lang: en, kind: preferred, source: cldr}
  - {text: Nhật Bản, lang: vi, kind: preferred, source: cldr}

- id: wang-yi
  type: person
  name: Wang Yi
  description: Chinese diplomat
  country: china
  roles:
  - {title: Minister of Foreign Affairs, of: china, start: '2023-07-25'}
  names:
  - {text: Wang Yi, lang: en, kind: preferred, family: Wang, source: editorial}
  - {text: Vương Nghị, lang: vi, kind: preferred, family: Vương, source: editorial}
"""
PEOPLE = """\
- id: xi-jinping
  type: person
  name: Xi Jinping
  country: china
  names:
  - {text: Xi Jinping, lang: en, kind: preferred, family: Xi, source: editorial}
  - {text: Tập Cận Bình, lang: vi, kind: preferred, family: Tập, source: editorial}
  - {text: Tập Chủ tịch, lang: vi, kind: misspelling, source: editorial}
"""


def write_gazetteer(root: Path) -> Path:
    write_yaml(root, GAZETTEER, "countries.yaml")
    return write_yaml(root, PEOPLE, "people/china.yaml")


def postgres_reachable() -> str | None:
    """None if PostgreSQL answers, else why not."""
    try:
        engine = create_engine(POSTGRES, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:  # any driver error: the server is not there for us
        return f"PostgreSQL at {POSTGRES} is unreachable: {type(exc).__name__}: {exc}"[:300]


@pytest.fixture(scope="session")
def postgres_problem() -> str | None:
    return postgres_reachable()


def fresh_url(backend: str, tmp_path: Path, postgres_problem: str | None) -> Iterator[str]:
    """A database URL with nothing in it; dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if postgres_problem:
        pytest.skip(postgres_problem)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}%20-csynchronous_commit%3Doff"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path,
                 postgres_problem: str | None) -> Iterator[str]:
    yield from fresh_url(request.param, tmp_path, postgres_problem)


@pytest.fixture()
def gazetteer_dir(tmp_path: Path) -> Path:
    return write_gazetteer(tmp_path / "gazetteer")


@pytest.fixture()
def empty_store(database_url: str) -> Iterator[Store]:
    store = Store.open(database_url)
    yield store
    store.close()


@pytest.fixture()
def store(empty_store: Store, gazetteer_dir: Path) -> Store:
    load_gazetteer(empty_store, gazetteer_dir)
    return empty_store
