"""A query's answer does not depend on the queries the matcher answered before it."""

from __future__ import annotations

from normalizer.gazetteer import GazetteerIndex
from normalizer.match import Matcher
from normalizer.model import Entity, Name

HUNG = Entity("nguyen-manh-hung", "person", "Nguyen Manh Hung",
              (Name("Nguyễn Mạnh Hùng", "vi", "preferred", "test"),))
# Both one letter from "nguyen manh hung", so the same fuzzy similarity and detail; only the first
# changes a syllable (h -> d: another person's name, scoring's syllable penalty).
OTHER_SYLLABLE, SAME_SYLLABLE = "Nguyễn Mạnh Dùng", "Nguyễn Mạnh Hồng"


def answer(matcher: Matcher, query: str) -> tuple[str, float]:
    found = matcher.resolve(query)
    return found.status, found.candidates[0].score


def test_a_fuzzy_candidate_scored_for_one_query_is_not_reused_for_another():
    alone = {q: answer(Matcher(GazetteerIndex([HUNG])), q) for q in (OTHER_SYLLABLE, SAME_SYLLABLE)}
    assert alone[OTHER_SYLLABLE][1] < alone[SAME_SYLLABLE][1]  # the penalty applies to one only
    for first, second in ((OTHER_SYLLABLE, SAME_SYLLABLE), (SAME_SYLLABLE, OTHER_SYLLABLE)):
        matcher = Matcher(GazetteerIndex([HUNG]))
        answer(matcher, first)
        assert answer(matcher, second) == alone[second]
