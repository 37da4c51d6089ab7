"""Editors' writes do not grow a service's memory: each refresh replaces the generation, and the
old index with everything built from it is freed by reference counting alone (the cyclic
collector is off here, as it effectively is for the frozen index in a server)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from normalizer.service import Normalizer
from normalizer.settings import Settings

TEXT = "Ngoại trưởng Vương Nghị gặp Kishida Fumio tại Hà Nội. Ông Vương nói với Shnizo Abe và Quách Gia Côn."


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * 4096 / 1e6


@pytest.fixture()
def real(tmp_path: Path) -> Iterator[Normalizer]:
    # The curated gazetteer (10k entities): the mechanism; bench/ measures it with every layer.
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'normalizer.db'}", refresh_seconds=3600,
                        layers="none")
    found = Normalizer.from_settings(settings)
    found.warm_up()
    yield found
    found.close()


def _write_and_use(service: Normalizer, i: int) -> None:
    assert service.curation is not None
    stored = service.curation.get("wang-yi")
    assert stored is not None
    name = {"text": f"Wang Yi Test {i}", "lang": "en", "kind": "alias"}
    service.curation.add_name("wang-yi", name, stored.entity.revision, "tester")
    service.refresh()  # unless the write's nudge made the refresher thread do it already
    assert service.store is not None and service.current.revision == service.store.gazetteer_revision()
    service.extract(TEXT)
    service.resolve(f"Wang Yi Test {i}")
    service.search_entities("Vương")


def test_two_hundred_writes_leave_memory_flat(real: Normalizer) -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        indexes = []
        for i in range(20):
            _write_and_use(real, i)
            indexes.append(weakref.ref(real.index))
        settled = rss_mb()
        for i in range(20, 200):
            _write_and_use(real, i)
            indexes.append(weakref.ref(real.index))
        grown = rss_mb() - settled
    finally:
        if was_enabled:
            gc.enable()
    alive = sum(ref() is not None for ref in indexes)
    assert alive == 1, f"{alive} indexes of 200 are still alive"  # the current one only
    # The leak this guards against cost ~15 MB a write; allocator slack stays far below that.
    assert grown < 30, f"RSS grew {grown:.0f} MB over 180 writes"
    assert real.resolve("Wang Yi Test 199").match.id == "wang-yi"
