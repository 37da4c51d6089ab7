"""Every kind of name in the shipped gazetteer resolves back to its own entity."""

from __future__ import annotations

import random

import pytest

from normalizer.model import Entity, Name

SAMPLE_SIZE = 300


def _sample(service) -> list[tuple[Entity, Name]]:
    """A fixed sample of strong, unshared names, spread over entity types."""
    pairs = [
        (entity, name)
        for entity in service.index.entities.values()
        for name in entity.names
        if name.strong and not name.ambiguous
    ]
    pairs.sort(key=lambda pair: (pair[0].id, pair[1].text, pair[1].lang))  # not the database's order
    random.Random(20261123).shuffle(pairs)
    by_type: dict[str, list[tuple[Entity, Name]]] = {}
    for pair in pairs:
        by_type.setdefault(pair[0].type, []).append(pair)
    share = SAMPLE_SIZE // len(by_type) + 1
    return [pair for group in by_type.values() for pair in group[:share]][:SAMPLE_SIZE]


def test_sampled_names_resolve_to_their_own_entity(service):
    sample = _sample(service)
    assert len(sample) == SAMPLE_SIZE
    wrong = []
    for entity, name in sample:
        result = service.resolve(name.text)
        got = result.match.id if result.match else result.status
        if got != entity.id:
            wrong.append(f"{name.text!r} ({name.lang}) of {entity.id}: {got}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("etype", ["person", "country", "place", "organization", "event"])
def test_every_type_is_present(service, etype):
    assert any(e.type == etype for e in service.index.entities.values())
