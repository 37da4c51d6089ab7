"""ValueResolver: the answers it caches, and what they hold."""

from __future__ import annotations

import gc
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.bulk.lookup import ValueResolver
from normalizer.bulk.render import row_text
from normalizer.bulk.results import RESULT_COLUMNS, STATUS, TEXT, answer, result_of, sure_answers, sure_match

VALUES = ["Vương Nghị", "VƯƠNG NGHỊ", "Ngoại trưởng Vương Nghị", "Zzyzx Qwerty", "", "Han Quoc"]


def test_an_answer_is_its_result_cells_and_their_text(small_service):
    resolver = ValueResolver(small_service.resolve, None, 100, small_service.named_exactly_many)
    for made in resolver.lookup(VALUES):
        result = result_of(made)
        assert len(result) == len(RESULT_COLUMNS) and made[STATUS] == result.status
        assert made[TEXT] == "," + row_text(result)


def test_cached_answers_leave_the_collectors_sight(small_service):
    """The collector untracks an exact tuple of strings after one pass; a NamedTuple it walks on
    every pass, which at a cache of 131k answers was a fifth of a job over distinct names."""
    resolver = ValueResolver(small_service.resolve, None, 100, small_service.named_exactly_many)
    answers = resolver.lookup(VALUES)
    gc.collect()
    assert not any(map(gc.is_tracked, answers))


cells_text = st.text(alphabet=st.sampled_from('aZ ,"\r\n\t=+-@\'Đ'), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(cells_text, cells_text, st.sampled_from(["person", "country"]),
                          st.floats(0, 1), st.sampled_from(["exact", "folded"])), max_size=8))
def test_sure_answers_are_the_one_by_one_answers(rows):
    """The batch path writes what answer(sure_match(...)) writes, for names and ids that need
    quotes, start like a formula or hold line breaks as well as the plain ones."""
    sures = [SimpleNamespace(entity=SimpleNamespace(id=id, name=name, type=type), score=score, method=method)
             for id, name, type, score, method in rows]
    assert sure_answers(sures) == [answer(sure_match(s.entity, s.score, s.method)) for s in sures]


def test_the_job_answers_names_as_the_resolver_would(small_service):
    """Through the batch path and through resolve alone, byte for byte."""
    names = sorted({n.text for e in small_service.index.entities.values() for n in e.names})
    values = names + [n.upper() for n in names] + ["", "zzz", *names]
    batch = ValueResolver(small_service.resolve, None, 7, small_service.named_exactly_many)
    alone = ValueResolver(small_service.resolve, None, 7)
    assert batch.lookup(values) == alone.lookup(values)
