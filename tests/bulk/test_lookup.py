"""ValueResolver: the answers it caches, and what they hold."""

from __future__ import annotations

import gc

from normalizer.bulk.lookup import ValueResolver
from normalizer.bulk.render import row_text
from normalizer.bulk.results import RESULT_COLUMNS, STATUS, TEXT, result_of

VALUES = ["Vương Nghị", "VƯƠNG NGHỊ", "Ngoại trưởng Vương Nghị", "Zzyzx Qwerty", "", "Han Quoc"]


def test_an_answer_is_its_result_cells_and_their_text(small_service):
    resolver = ValueResolver(small_service.resolve, None, 100, small_service.named_exactly)
    for answer in resolver.lookup(VALUES):
        result = result_of(answer)
        assert len(result) == len(RESULT_COLUMNS) and answer[STATUS] == result.status
        assert answer[TEXT] == "," + row_text(result)


def test_cached_answers_leave_the_collectors_sight(small_service):
    """The collector untracks an exact tuple of strings after one pass; a NamedTuple it walks on
    every pass, which at a cache of 131k answers was a fifth of a job over distinct names."""
    resolver = ValueResolver(small_service.resolve, None, 100, small_service.named_exactly)
    answers = resolver.lookup(VALUES)
    gc.collect()
    assert not any(map(gc.is_tracked, answers))
