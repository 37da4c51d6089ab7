"""Evaluation on the development set of names from real news pages (seeds/devset/README.md).

Each row is a name as a page wrote it, its gold entity (an English name), whether a gazetteer of
Vietnamese news must hold it (`notable`) and the page's domain, split and date. `ids.tsv` maps
gold English names to gazetteer ids (`-`: the gazetteer does not hold it yet). Every row is
resolved with the page's date:

- a notable row is found when it is matched to its gold id (recall counts these);
- a link is right when it is the gold id, wrong otherwise: a link of a name that is not notable,
  or of a notable one to another entity (precision counts these);
- ambiguous and unmatched answers are no links.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from normalizer.model import Resolution

Resolve = Callable[[str, str | None], Resolution]  # (name, day) -> resolution
ABSENT = "-"


class DevsetError(ValueError):
    """A development set that cannot be read (missing file, missing column)."""


@dataclass(frozen=True, slots=True)
class Row:
    split: str
    domain: str
    url: str
    date: str | None
    surface: str
    entity: str
    type: str
    notable: bool


@dataclass
class Tally:
    notable: int = 0
    found: int = 0
    right_links: int = 0
    wrong_links: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # surface, gold, answer
    wrong: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.notable if self.notable else 1.0

    @property
    def precision(self) -> float:
        links = self.right_links + self.wrong_links
        return self.right_links / links if links else 1.0

    def to_dict(self, examples: int = 0) -> dict[str, Any]:
        out: dict[str, Any] = {"notable": self.notable, "found": self.found, "recall": round(self.recall, 4),
                               "links": self.right_links + self.wrong_links, "wrong_links": self.wrong_links,
                               "precision": round(self.precision, 4)}
        if examples:
            out["misses"] = self.misses[:examples]
            out["wrong"] = self.wrong[:examples]
        return out


def day_of(row: Row) -> str | None:
    """The row's page date when it gives the day (YYYY-MM-DD), else None: a date that gives only
    the month ("2024-09") is read as no date (today's), as without one."""
    return row.date if row.date and len(row.date) == len("YYYY-MM-DD") else None


def read_rows(directory: Path) -> list[Row]:
    path = Path(directory) / "mentions.tsv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return [Row(r["split"], r["domain"], r["url"], r["date"] or None, r["surface"], r["entity"],
                        r["type"], r["notable"] == "yes") for r in csv.DictReader(handle, delimiter="\t")]
    except (OSError, KeyError) as exc:
        raise DevsetError(f"cannot read {path}: {exc}") from exc


def read_ids(directory: Path) -> dict[str, str]:
    """Gold English name -> gazetteer id (ABSENT when the gazetteer does not hold it)."""
    path = Path(directory) / "ids.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["entity"]: r["id"] for r in csv.DictReader(handle, delimiter="\t")}


def evaluate_devset(rows: Iterable[Row], ids: dict[str, str], resolve: Resolve,
                    splits: frozenset[str] = frozenset({"dev"})) -> dict[str, Tally]:
    """Tallies by domain and "overall" for the rows of these splits."""
    tallies: dict[str, Tally] = {}
    for row in rows:
        if row.split not in splits:
            continue
        result = resolve(row.surface, day_of(row))
        gold = ids.get(row.entity, ABSENT) if row.notable else ABSENT
        for key in (row.domain, "overall"):
            _count(tallies.setdefault(key, Tally()), row, gold, result)
    return dict(sorted(tallies.items()))


def _count(tally: Tally, row: Row, gold: str, result: Resolution) -> None:
    answer = result.match.id if result.status == "matched" and result.match else result.status
    if row.notable:
        tally.notable += 1
    if result.status != "matched" or result.match is None:
        if row.notable:
            tally.misses.append((row.surface, row.entity, answer))
        return
    if row.notable and result.match.id == gold:
        tally.found += 1
        tally.right_links += 1
        return
    tally.wrong_links += 1
    tally.wrong.append((row.surface, row.entity if row.notable else f"(not notable) {row.entity}", answer))
    if row.notable:
        tally.misses.append((row.surface, row.entity, answer))
