"""The decision between close candidates: a clear lead, the only one a typo away, then curated
over generated layers, then a far more prominent namesake; otherwise ambiguous."""

from __future__ import annotations

from normalizer.match.decision import decide
from normalizer.model import Candidate, Feature

ONE_TYPO = (Feature("fuzzy", 0.87, ""), Feature("one_typo", 0.0, "one typo away in a long name"))


def cand(entity_id: str, score: float, prominence: float = 0.8, layer: str | None = None) -> Candidate:
    return Candidate(entity_id, entity_id, "place", score, entity_id, "exact", "exact", (), prominence, layer)


def test_a_clear_lead_matches_and_nothing_above_the_threshold_is_unmatched() -> None:
    assert decide([cand("a", 0.95), cand("b", 0.85)])[0] == "matched"
    assert decide([cand("a", 0.79)]) == ("unmatched", None)


def test_the_only_candidate_one_typo_away_wins_a_tie() -> None:
    # "Grebat Software Academy": Great (one typo) 0.87, Greater (two edits) 0.83
    great = Candidate("great", "Great", "organization", 0.87, "Great", "fuzzy", "", ONE_TYPO)
    status, match = decide([great, cand("greater", 0.83)])
    assert status == "matched" and match is not None and match.id == "great"
    assert "one typo" in match.explanation
    assert decide([cand("greater", 0.88), great])[0] == "ambiguous"  # not the best: no winner by it
    twin = Candidate("twin", "Twin", "organization", 0.85, "Twin", "fuzzy", "", ONE_TYPO)
    assert decide([great, twin])[0] == "ambiguous"  # two names one typo away: a real tie


def test_curated_wins_a_tie_with_generated_layers_even_with_a_lower_score() -> None:
    namesakes = [cand("wof-1", 1.0, 0.87, "wof"), cand("osaka", 0.97), cand("gn-2", 1.0, 0.9, "geonames")]
    status, match = decide(namesakes)
    assert status == "matched" and match is not None and match.id == "osaka"
    assert "curated" in match.explanation


def test_a_far_more_prominent_namesake_wins_and_close_ones_stay_ambiguous() -> None:
    assert decide([cand("spratly", 1.0, 1.0), cand("changsha", 1.0, 0.8)])[1].id == "spratly"  # 1.0 - 0.8
    portlands = [cand("portland-or", 1.0, 0.73, "wof"), cand("portland-me", 1.0, 0.6, "wof")]
    assert decide(portlands)[0] == "ambiguous"
    assert decide([cand("lao-cai", 1.0, 0.9), cand("lao-cai-city", 1.0, 0.8)])[0] == "ambiguous"
    paris = decide([cand("paris-tx", 1.0, 0.55, "wof"), cand("paris-fr", 0.99, 0.79, "wof")])[1]
    assert paris is not None and paris.id == "paris-fr"  # the lower score within the margin wins
