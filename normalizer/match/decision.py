"""Decision: matched, ambiguous or unmatched, from documented thresholds.

- matched:   the best candidate scores at least MATCH_THRESHOLD and leads the next entity by
             more than MARGIN, or, within MARGIN of it, is the far more prominent of the two
             (PROMINENCE_LEAD: "Paris" is the capital of France, not Paris, Texas);
- ambiguous: the best scores at least MATCH_THRESHOLD but another entity is within MARGIN and
             about as prominent;
- unmatched: nothing reaches MATCH_THRESHOLD (candidates above CANDIDATE_FLOOR are still listed).
"""

from __future__ import annotations

from dataclasses import replace

from normalizer.model import Candidate

MATCH_THRESHOLD = 0.80
MARGIN = 0.05
CANDIDATE_FLOOR = 0.50
# How much more prominent a namesake must be to win a tie: 0.2 is a 40-fold population
# (log10 / 8), a curated entity (0.8) against a village or a dictionary entry (0.2-0.5).
PROMINENCE_LEAD = 0.2


def decide(candidates: list[Candidate]) -> tuple[str, Candidate | None]:
    """The status and, when matched, the match (candidates come best first: match.scoring.ranking)."""
    if not candidates or candidates[0].score < MATCH_THRESHOLD:
        return "unmatched", None
    best = candidates[0]
    if len(candidates) == 1 or best.score - candidates[1].score > MARGIN:
        return "matched", best
    rivals = [c for c in candidates[1:] if best.score - c.score <= MARGIN]
    if all(best.prominence - c.prominence >= PROMINENCE_LEAD for c in rivals):
        names = ", ".join(f"{c.name} ({c.prominence:.2f})" for c in rivals[:3])
        note = f"{best.explanation}; more prominent ({best.prominence:.2f}) than its namesakes {names}"
        return "matched", replace(best, explanation=note)
    return "ambiguous", None
