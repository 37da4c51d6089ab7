"""Evaluation of suggestions for people the gazetteer does not hold, by the name's origin.

A table has a `name` column and either an `origin` column (seeds/devset/unknown_people.tsv) or
its origin in the file name (tests/golden/unknown_names/<origin>.tsv), and may have an
`english` column. Without one, the gold English form follows from the origin where it can:
Vietnamese names lose their diacritics, Korean Latin names keep their (hyphenated) form and
Japanese Latin names are written given name first as the set writes them; Chinese names get
no gold pinyin, and only their origin is scored.

Every name is resolved; a name that links to an entity is a wrong link (these people are
unknown), else its suggestion is right when its text is the gold English form (top-1) and its
origin is the name's origin.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from normalizer.model import Resolution
from normalizer.translit.english import unaccented

Resolve = Callable[[str], Resolution]
# An origin of the tables -> the origins a suggestion may give it.
ACCEPTED = {"korean": ("korean", "korean-hanviet")}


class UnknownTableError(ValueError):
    """A table that cannot be read (missing file, no name or origin)."""


@dataclass(frozen=True, slots=True)
class UnknownName:
    name: str
    origin: str
    english: str | None


@dataclass
class OriginTally:
    total: int = 0
    linked: int = 0
    origin_right: int = 0
    with_gold: int = 0
    top1: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # name, gold, answer

    def to_dict(self, examples: int = 0) -> dict[str, Any]:
        out: dict[str, Any] = {
            "total": self.total, "linked": self.linked,
            "origin_accuracy": round(self.origin_right / self.total, 4) if self.total else None,
            "with_gold": self.with_gold,
            "top1": round(self.top1 / self.with_gold, 4) if self.with_gold else None,
        }
        if examples:
            out["misses"] = self.misses[:examples]
        return out


def expected_english(name: str, origin: str) -> str | None:
    """The gold English form the origin implies (see the module docstring), or None."""
    if origin == "vietnamese":
        return " ".join(unaccented(name).split())
    if origin in ("korean", "japanese") and name.isascii():
        return name
    return None


def read_table(path: Path) -> list[UnknownName]:
    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            lines = [line for line in handle if not line.startswith("#")]
    except OSError as exc:
        raise UnknownTableError(f"cannot read {path}: {exc}") from exc
    out = []
    for row in csv.DictReader(lines, delimiter="\t"):
        origin = row.get("origin") or Path(path).stem
        if not row.get("name"):
            raise UnknownTableError(f"{path}: a row without a name")
        english = row.get("english") or expected_english(row["name"], origin)
        out.append(UnknownName(row["name"], origin, english))
    return out


def evaluate_unknown(names: Iterable[UnknownName], resolve: Resolve) -> dict[str, OriginTally]:
    """Tallies by origin and "overall"."""
    tallies: dict[str, OriginTally] = {}
    for item in names:
        result = resolve(item.name)
        for key in (item.origin, "overall"):
            _count(tallies.setdefault(key, OriginTally()), item, result)
    return dict(sorted(tallies.items()))


def _count(tally: OriginTally, item: UnknownName, result: Resolution) -> None:
    tally.total += 1
    tally.with_gold += item.english is not None
    if result.status == "matched" and result.match is not None:
        tally.linked += 1
        tally.misses.append((item.name, item.english or item.origin, f"linked to {result.match.id}"))
        return
    suggestion = result.suggestion
    origin = suggestion.origin if suggestion else None
    right_origin = origin in ACCEPTED.get(item.origin, (item.origin,))
    tally.origin_right += right_origin
    text = suggestion.text if suggestion else None
    if item.english is not None and text == item.english and right_origin:
        tally.top1 += 1
    elif item.english is not None or not right_origin:
        tally.misses.append((item.name, item.english or item.origin, f"{text} ({origin})"))
