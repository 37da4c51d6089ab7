"""Every kind of name in the shipped gazetteer resolves back to its own entity."""

from __future__ import annotations

import pytest


def test_every_strong_unshared_name_resolves_to_its_own_entity(service):
    """All of them (about 8k resolves, under a second): a sample missed the ones a data change
    broke, and which ones it drew depended on the database's order."""
    wrong = []
    checked = 0
    for entity in service.index.entities.values():
        for name in entity.names:
            if not name.strong or name.ambiguous:
                continue
            checked += 1
            result = service.resolve(name.text)
            got = result.match.id if result.match else result.status
            if got != entity.id:
                wrong.append(f"{name.text!r} ({name.lang}) of {entity.id}: {got}")
    assert checked > 7000
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("etype", ["person", "country", "place", "organization", "event"])
def test_every_type_is_present(service, etype):
    assert any(e.type == etype for e in service.index.entities.values())
