"""ResultJson: cached JSON text of results, by identity, bounded."""

from __future__ import annotations

import json

from normalizer.api.context import ResultJson
from normalizer.model import Resolution


def test_same_object_is_served_from_the_cache_and_equal_objects_are_not_confused() -> None:
    to_json = ResultJson(size=4)
    first = Resolution("Dokdo", "unmatched", None)
    text = to_json(first)
    assert json.loads(text) == first.to_dict()
    assert to_json(first) is text
    other = Resolution("Takeshima", "unmatched", None)
    assert json.loads(to_json(other))["query"] == "Takeshima"


def test_cache_stays_bounded() -> None:
    to_json = ResultJson(size=3)
    kept = [Resolution(f"name {i}", "unmatched", None) for i in range(10)]
    for result in kept:
        to_json(result)
    assert len(to_json.entries) == 3
    assert json.loads(to_json(kept[0]))["query"] == "name 0"  # evicted, built again
