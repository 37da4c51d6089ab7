"""Decision: matched, ambiguous or unmatched, from documented thresholds.

- matched:   the best candidate scores at least MATCH_THRESHOLD and leads the next entity by
             more than MARGIN;
- ambiguous: the best scores at least MATCH_THRESHOLD but another entity is within MARGIN;
- unmatched: nothing reaches MATCH_THRESHOLD (candidates above CANDIDATE_FLOOR are still listed).
"""

from __future__ import annotations

from normalizer.model import Candidate

MATCH_THRESHOLD = 0.80
MARGIN = 0.05
CANDIDATE_FLOOR = 0.50


def decide(candidates: list[Candidate]) -> tuple[str, Candidate | None]:
    """The status and, when matched, the match."""
    if not candidates or candidates[0].score < MATCH_THRESHOLD:
        return "unmatched", None
    if len(candidates) > 1 and candidates[0].score - candidates[1].score <= MARGIN:
        return "ambiguous", None
    return "matched", candidates[0]
