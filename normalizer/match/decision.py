"""Decision: matched, ambiguous or unmatched, from documented thresholds.

- matched:   the best candidate scores at least MATCH_THRESHOLD and no other entity comes within
             MARGIN of it; or, of the candidates within MARGIN of the best, one wins: the best
             when it alone is one typo from the query (match.typos: "Grebat Software Academy"
             is Great Software Academy, not Greater Software Academy two edits away; in a long
             name fuzz.ratio puts both within MARGIN); of namesakes, the curated gazetteer's over
             a generated layer's ("Osaka" the curated city, not a Who's On First record of the
             prefecture), else the far more prominent one
             (PROMINENCE_LEAD: "Paris" is the capital of France, not Paris, Texas);
- ambiguous: the best scores at least MATCH_THRESHOLD but another entity is within MARGIN and
             nothing tells them apart;
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
ONE_TYPO_FEATURE = "one_typo"  # the feature match.scoring gives a hit one typo from the query


def decide(candidates: list[Candidate]) -> tuple[str, Candidate | None]:
    """The status and, when matched, the match (candidates come best first: match.scoring.ranking)."""
    if not candidates or candidates[0].score < MATCH_THRESHOLD:
        return "unmatched", None
    best = candidates[0]
    tied = [c for c in candidates if best.score - c.score <= MARGIN and c.score >= MATCH_THRESHOLD]
    if len(tied) == 1:
        return "matched", best
    one_typo = [c for c in tied if any(f.name == ONE_TYPO_FEATURE for f in c.features)]
    if len(one_typo) == 1 and one_typo[0].score >= best.score:
        return "matched", _noted(one_typo[0], "the only candidate one typo away")
    curated = [c for c in tied if c.layer is None]
    if len(curated) == 1:
        others = ", ".join(c.name for c in tied if c is not curated[0])
        return "matched", _noted(curated[0], f"curated, preferred to generated namesakes {others}")
    pool = curated or tied
    leader = max(pool, key=lambda c: c.prominence)
    rivals = [c for c in pool if c is not leader]
    if all(leader.prominence - c.prominence >= PROMINENCE_LEAD - 1e-9 for c in rivals):  # 1.0 - 0.8 < 0.2
        names = ", ".join(f"{c.name} ({c.prominence:.2f})" for c in rivals[:3])
        return "matched", _noted(leader, f"more prominent ({leader.prominence:.2f}) than namesakes {names}")
    return "ambiguous", None


def _noted(candidate: Candidate, note: str) -> Candidate:
    return replace(candidate, explanation=f"{candidate.explanation}; {note}")
