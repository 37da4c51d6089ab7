"""Words reached by their letters without marks but written with other marks are other words
(match.candidates): for the words of a name in another order too, whatever the entity."""

from __future__ import annotations

import pytest

from normalizer.match.candidates import reordered_marked_otherwise
from normalizer.text import match_keys


@pytest.mark.parametrize(("query", "name", "other"), [
    ("Đình Triệu", "triều Đinh", True),     # both words marked otherwise
    ("Triệu Đinh", "triều Đinh", True),     # one word marked otherwise
    ("Đinh triều", "triều Đinh", False),    # the same words, marks and all
    ("Dinh Trieu", "triều Đinh", False),    # marks lost, not changed
    ("Minh Chính Phạm", "Phạm Minh Chính", False),
    ("Phạm Minh", "Phạm Minh Chính", False),  # another count of words: not this rule's
])
def test_reordered_words_with_other_marks_are_other_words(query, name, other):
    keys = match_keys(query)
    assert keys is not None
    assert reordered_marked_otherwise(keys, name) is other
