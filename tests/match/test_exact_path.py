"""The matcher's shortcut for plain queries answers exactly what the whole pipeline answers."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.match import Matcher
from normalizer.names import parse
from tests.gazetteers import real_name_texts


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _pipeline(matcher: Matcher, query: str, type: str | None = None, limit: int = 5):
    parsed = parse(query)
    assert parsed is not None
    return matcher.resolve_parsed(query, parsed, type, limit)


def _queries(service) -> list[str]:
    """Every name of the shipped gazetteer as written, lower and upper case, and without
    diacritics: the forms the shortcut is for, and their collisions."""
    names = real_name_texts(service.index)
    forms = {f for n in names for f in (n, n.lower(), n.upper(), _strip_marks(n), _strip_marks(n).lower())}
    return sorted(forms)


def test_shortcut_agrees_with_the_pipeline_on_every_name(service):
    matcher = service.matcher
    taken = 0
    queries = _queries(service)
    for query in queries:
        parsed = parse(query)
        if parsed is None:
            continue
        fast = matcher.one_entity_exactly(query, parsed, None, 5)
        if fast is not None:
            taken += 1
            assert fast == _pipeline(matcher, query), query
    assert taken > 0.6 * len(queries)  # the shortcut answers most of them


@pytest.mark.parametrize("type", ["person", "country", "place", "organization"])
def test_shortcut_respects_the_type_filter(service, type):
    matcher = service.matcher
    for query in random.Random(type).sample(_queries(service), 2_000):
        parsed = parse(query)
        fast = parsed and matcher.one_entity_exactly(query, parsed, type, 3)
        if fast:
            assert fast == _pipeline(matcher, query, type, 3), query


def test_resolve_uses_the_shortcut_only_where_it_agrees(service):
    """Titles, alternatives, context and ids still go through the pipeline."""
    for query in ("Ngoại trưởng Vương Nghị", "Takeshima/Dokdo", "Nhật Bản Yoko Kamikawa", "japan",
                  "  Hàn   Quốc "):
        parsed = parse(query)
        assert parsed is not None
        assert service.matcher.one_entity_exactly(query, parsed, None, 5) is None
        assert service.matcher.resolve(query) == _pipeline(service.matcher, query)


NAME_LIKE = st.text(alphabet="aăâdđeêioôơuưy áàảãạ ̛̣́̀̉̃ HNQTVKhngtrc-/()'", min_size=1, max_size=24)


@settings(max_examples=300, deadline=None)
@given(NAME_LIKE)
def test_resolve_equals_the_pipeline_for_any_text(service, text):
    parsed = parse(text)
    if parsed is not None:
        assert service.matcher.resolve(text) == _pipeline(service.matcher, text)
