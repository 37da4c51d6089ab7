"""Editors' payloads are checked by the gazetteer's rules and answered with field errors."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizer.curation import InvalidEntity
from normalizer.curation.validate import MAX_NAMES, add_error, entity_from_payload, slug

EN = {"text": "Kim Jong Un", "lang": "en", "kind": "preferred"}


def payload(**changes: Any) -> dict[str, Any]:
    return {"id": "kim-jong-un", "type": "person", "name": "Kim Jong Un", "names": [EN], **changes}


def errors_of(data: Any) -> dict[str, Any]:
    with pytest.raises(InvalidEntity) as caught:
        entity_from_payload(data)
    return caught.value.errors


def test_a_valid_payload_becomes_an_entity_with_editorial_sources() -> None:
    entity = entity_from_payload(payload())
    assert entity.id == "kim-jong-un" and entity.names[0].source == "editorial"


@pytest.mark.parametrize(("changes", "field"), [
    ({"type": "alien"}, "type"),
    ({"name": ""}, "name"),
    ({"id": "Not A Slug"}, "id"),
    ({"names": [{"text": "Kim", "lang": "vi", "kind": "preferred"}]}, "names"),
    ({"roles": [{"title": "Leader", "start": "2011-13"}]}, "roles"),
    ({"colour": "red"}, "_schema"),
])
def test_entity_level_problems_name_their_field(changes: dict[str, Any], field: str) -> None:
    assert field in errors_of(payload(**changes))


def test_name_problems_point_at_the_name_and_its_field() -> None:
    bad = {"text": "김정은", "lang": "ko KR", "kind": "native"}
    errors = errors_of(payload(names=[EN, bad, {**EN, "kind": "nickname"}]))
    assert errors["names"]["1"]["lang"] == ["name '김정은': bad language tag 'ko KR'"]
    assert "kind" in errors["names"]["2"]


def test_too_many_names_are_refused_before_any_work() -> None:
    errors = errors_of(payload(names=[{**EN, "text": f"Kim {i}"} for i in range(MAX_NAMES + 1)]))
    assert errors == {"names": [f"an entity has at most {MAX_NAMES} names"]}


def test_the_same_name_twice_is_refused() -> None:
    assert "1" in errors_of(payload(names=[EN, dict(EN)]))["names"]


def test_a_field_with_own_and_nested_errors_keeps_both() -> None:
    errors: dict[str, Any] = {}
    add_error(errors, ["names"], "needs an en name")
    add_error(errors, ["names", "0", "lang"], "bad tag")
    add_error(errors, ["names"], "another")
    assert errors == {"names": {"_schema": ["needs an en name", "another"], "0": {"lang": ["bad tag"]}}}


def test_not_an_object_is_refused() -> None:
    assert errors_of(["a list"]) == {"_schema": ["an entity must be a JSON object"]}


@given(st.text(max_size=40))
def test_slugs_are_always_valid_ids(text: str) -> None:
    made = slug(text)
    entity = entity_from_payload(payload(id=made))
    assert entity.id == made
