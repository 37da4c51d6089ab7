"""Evaluation against a gold list (seeds/translit_gold.tsv): top-1 and top-5 accuracy per task.

`evaluate(rows)` is what `normalizer eval` and bench/translit_eval.py call.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from normalizer.text import fold
from normalizer.translit.hangul import to_hangul
from normalizer.translit.hanzi import to_hanviet
from normalizer.translit.pinyin import Rendering, to_pinyin
from normalizer.translit.reverse import pinyin_to_hanviet
from normalizer.translit.syllables import pinyin_compact, split_syllables, toned_key

CHINESE_KINDS = ("person", "place")
KOREAN_KINDS = ("ko-person", "ko-place")


@dataclass(frozen=True, slots=True)
class GoldRow:
    hanviet: str
    english: str
    native: str
    kind: str
    note: str = ""


@dataclass
class TaskScore:
    """Accuracy of one task: how often the gold answer is first, or among the first five."""

    total: int = 0
    top1: int = 0
    top5: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, rank: int | None, label: str) -> None:
        self.total += 1
        self.top1 += rank == 0
        self.top5 += rank is not None and rank < 5
        if rank != 0:
            self.misses.append(label)

    def to_dict(self) -> dict[str, object]:
        def share(n):
            return (round(n / self.total, 4) if self.total else 0.0)
        return {"total": self.total, "top1": share(self.top1), "top5": share(self.top5),
                "misses": self.misses}


def load_gold(path: Path) -> list[GoldRow]:
    """Rows of a gold TSV; lines starting with '#' are comments, the first other line is the header."""
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE)
    return [GoldRow(*(cells + [""] * 5)[:5]) for cells in reader if len(cells) >= 4]


def rank_of(candidates: list[Rendering], wanted: str, same: Callable[[str], str]) -> int | None:
    target = same(wanted)
    return next((i for i, c in enumerate(candidates) if same(c.text) == target), None)


def hanviet_key(text: str) -> str:
    return " ".join(toned_key(s) for s in split_syllables(text))


def evaluate(rows: Iterable[GoldRow]) -> dict[str, dict[str, object]]:
    """Top-1/top-5 accuracy of each conversion on the gold rows, with the misses listed."""
    tasks = {name: TaskScore() for name in (
        "vi_to_pinyin", "vi_to_pinyin_no_diacritics", "zh_to_vi", "pinyin_to_vi",
        "vi_to_hangul", "vi_to_hangul_no_diacritics")}
    for row in rows:
        plain = fold(row.hanviet) or ""
        if row.kind in CHINESE_KINDS:
            rank = rank_of(to_pinyin(row.hanviet), row.english, pinyin_compact)
            tasks["vi_to_pinyin"].add(rank, row.hanviet)
            rank = rank_of(to_pinyin(plain), row.english, pinyin_compact)
            tasks["vi_to_pinyin_no_diacritics"].add(rank, plain)
            tasks["zh_to_vi"].add(rank_of(to_hanviet(row.native), row.hanviet, hanviet_key), row.native)
            tasks["pinyin_to_vi"].add(rank_of(pinyin_to_hanviet(row.english), row.hanviet, hanviet_key),
                                      row.english)
        elif row.kind in KOREAN_KINDS:
            tasks["vi_to_hangul"].add(rank_of(to_hangul(row.hanviet), row.native, str), row.hanviet)
            tasks["vi_to_hangul_no_diacritics"].add(rank_of(to_hangul(plain), row.native, str), plain)
    return {name: score.to_dict() for name, score in tasks.items()}
