"""Messy bulk input (issue 23): distinct misspelt and unknown values, as analysts' columns hold."""

from __future__ import annotations

import random

from synthetic import _vietnamese_person, strip_diacritics, swap_tokens, typo

TITLES = ("Ông", "Bà", "Ngoại trưởng", "Thủ tướng", "Tổng thống", "Chủ tịch", "Bộ trưởng")


def messy_values(names: list[str], count: int, seed: int = 23) -> list[str]:
    """`count` distinct values: about half a gazetteer name with one or two typos (some also
    without diacritics, under a title or reordered), half made-up Vietnamese-looking names that
    match nothing."""
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    while len(seen) < count:
        if rng.random() < 0.5:
            value = typo(rng.choice(names), rng, rng.choice((1, 1, 2)))
            roll = rng.random()
            if roll < 0.2:
                value = strip_diacritics(value)
            elif roll < 0.35:
                value = f"{rng.choice(TITLES)} {value}"
            elif roll < 0.45:
                value = swap_tokens(value, rng)
        else:
            value = _vietnamese_person(rng)[2][0][0]  # a made-up person: unknown
        if value and value.strip():
            seen[value] = None
    return list(seen)
