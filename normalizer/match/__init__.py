"""Matching: candidates (blocking, never a full scan) -> scoring (features) -> decision."""

from normalizer.match.decision import CANDIDATE_FLOOR, MARGIN, MATCH_THRESHOLD, decide
from normalizer.match.matcher import Matcher

__all__ = ["CANDIDATE_FLOOR", "MARGIN", "MATCH_THRESHOLD", "Matcher", "decide"]
