"""Per-syllable options and the beam search that combines them into ranked renderings."""

from __future__ import annotations

from dataclasses import dataclass

from normalizer.translit.data import tables
from normalizer.translit.syllables import folded_key, toned_key

OPTIONS_PER_SYLLABLE = 8
BEAM = 24


@dataclass(frozen=True, slots=True)
class Option:
    """One way to render one unit (a syllable, or a compound surname): output, probability, source."""

    text: str
    prob: float
    source: str  # the characters (or reading) that explain it


@dataclass(frozen=True, slots=True)
class Path:
    parts: tuple[str, ...]
    prob: float
    source: str


def reading_keys(syllable: str, exact: bool) -> list[str]:
    """Toned keys a written syllable may stand for: itself when diacritics are trusted, else all
    toned keys with its letters ("vuong" -> vương, vượng)."""
    data = tables()
    if exact:
        key = toned_key(syllable)
        if key in data.chars_by_key:
            return [key]
    return data.keys_by_fold.get(folded_key(syllable), [])


class Mass:
    """Unnormalized weights of the outputs of one unit, remembering the best source of each."""

    __slots__ = ("best", "weights")

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self.best: dict[str, tuple[float, str]] = {}

    def add(self, text: str, weight: float, source: str) -> None:
        self.weights[text] = self.weights.get(text, 0.0) + weight
        if weight > self.best.get(text, (0.0, ""))[0]:
            self.best[text] = (weight, source)

    @property
    def total(self) -> float:
        return sum(self.weights.values())

    def options(self) -> list[Option]:
        """The best outputs as probabilities (summing to 1 over all outputs, not just these)."""
        total = self.total
        if total <= 0:
            return []
        ranked = sorted(self.weights.items(), key=lambda kv: -kv[1])[:OPTIONS_PER_SYLLABLE]
        return [Option(text, m / total, self.best[text][1]) for text, m in ranked]


def beam(columns: list[list[Option]], limit: int = BEAM) -> list[Path]:
    """The most probable paths through the columns (independent choices per column)."""
    paths = [Path((), 1.0, "")]
    for options in columns:
        grown = [
            Path((*p.parts, o.text), p.prob * o.prob, p.source + o.source) for p in paths for o in options
        ]
        paths = sorted(grown, key=lambda p: -p.prob)[:limit]
    return paths
