"""Shared fixtures: the real gazetteer's service is built once per test session."""

from __future__ import annotations

import pytest

from normalizer.service import Normalizer
from normalizer.settings import Settings


@pytest.fixture(scope="session")
def service() -> Normalizer:
    return Normalizer.from_settings(Settings())
