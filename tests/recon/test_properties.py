"""Invariants, checked on generated input: the parsers refuse with ReconError or accept, never
crash; accepted limits stay within bounds; the preview card shows any text only as text."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizer.model import Entity, Name
from normalizer.recon import ReconError
from normalizer.recon.preview import card
from normalizer.recon.queries import parse_v02_batch, parse_v10_batch
from normalizer.service import MAX_LIMIT, Normalizer

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (st.lists(children, max_size=4)
                      | st.dictionaries(st.text(max_size=12), children, max_size=4)),
    max_leaves=20,
)
# Keys the parsers know, so that generated queries get past the first check often enough.
known_keys = st.sampled_from(["query", "type", "limit", "properties", "type_strict", "conditions",
                              "matchType", "propertyId", "propertyValue", "required", "matchQuantifier",
                              "pid", "v", "id"])
query_like = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 60) | st.floats(allow_nan=False) | st.sampled_from(
        ["country", "person", "place", "name", "property", "id", "any", "none", "Tokyo", ""]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(known_keys, children, max_size=4),
    max_leaves=15,
)


@given(st.one_of(json_values, query_like))
@settings(max_examples=150)
def test_the_parsers_only_ever_refuse_with_recon_error(batch: Any) -> None:
    for parse, wrapped in ((parse_v02_batch, batch), (parse_v10_batch, {"queries": batch}),
                           (parse_v02_batch, {"q0": batch}), (parse_v10_batch, {"queries": [batch]})):
        try:
            queries = parse(wrapped, 1000)
        except ReconError as exc:
            assert str(exc) and exc.path and exc.status in (400, 413)
        else:
            assert all(1 <= q.limit <= MAX_LIMIT for q in queries)


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@given(st.text(min_size=1, max_size=40), st.text(max_size=40), st.text(min_size=1, max_size=40))
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_card_shows_any_text_as_text(recon_service: Normalizer, english: str, description: str,
                                         vietnamese: str) -> None:
    entity = Entity(id="x", type="person", name=english, description=description or None, names=(
        Name(english, "en", "preferred", "test"), Name(vietnamese, "vi", "alias", "test")))
    parsed = Text()
    parsed.feed(card(recon_service, entity))
    parsed.close()
    assert set(parsed.tags) <= {"h1", "p", "span"}
    shown = _lines("".join(parsed.text))
    for text in (english, vietnamese, description):
        assert _lines(text) in shown


def _lines(text: str) -> str:
    """The parser reads \r\n and \r as \n, as browsers do."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
