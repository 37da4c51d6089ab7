"""A service over a fresh SQLite database loaded from the store tests' small gazetteer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from normalizer.service import Normalizer
from normalizer.settings import Settings
from tests.store.conftest import write_gazetteer


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(gazetteer_dir=write_gazetteer(tmp_path / "gazetteer"),
                    database_url=f"sqlite:///{tmp_path / 'var' / 'normalizer.db'}", refresh_seconds=0.05)


@pytest.fixture()
def service(settings: Settings) -> Iterator[Normalizer]:
    found = Normalizer.from_settings(settings)
    yield found
    found.close()
