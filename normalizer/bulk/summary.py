"""What a job reports at the end, and the distinct values that did not match."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from normalizer.bulk.results import STATUSES, RowResult, neutralize

UNMATCHED_STATUSES = frozenset({"unmatched", "ambiguous"})
UNMATCHED_LIMIT = 1_000_000
_LABELS = {"error": "errors"}


@dataclass
class CsvSummary:
    """Rows seen (header excluded), rows per status, and the time spent."""

    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    seconds: float = 0.0
    worker_pss_kb: dict[int, int] = field(default_factory=dict)  # forked workers: pid -> PSS at the end

    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"rows": self.rows, **self.counts, "seconds": round(self.seconds, 3)}

    def text(self) -> str:
        """One line for a person, e.g. on stderr at the end of a run."""
        counts = ", ".join(f"{self.counts[s]} {_LABELS.get(s, s)}" for s in STATUSES)
        text = f"{self.rows} rows: {counts}; {self.seconds:.1f} s ({self.rows_per_second():,.0f} rows/s)"
        if self.worker_pss_kb:
            shown = ", ".join(f"{kb / 1024:,.0f}" for kb in self.worker_pss_kb.values())
            text += f"; workers' PSS {shown} MB"
        return text


class UnmatchedCounter:
    """An observer that counts the distinct values that came out unmatched or ambiguous.

    Memory grows with the number of distinct such values, up to `limit`; values first seen
    after that are only counted in `dropped`.
    """

    def __init__(self, limit: int = UNMATCHED_LIMIT):
        self.limit = limit
        self.counts: Counter[tuple[str, str]] = Counter()
        self.dropped = 0

    def __call__(self, value: str, result: RowResult) -> None:
        if result.status not in UNMATCHED_STATUSES:
            return
        key = (value, result.status)
        if key in self.counts or len(self.counts) < self.limit:
            self.counts[key] += 1
        else:
            self.dropped += 1

    def write(self, sink: TextIO) -> None:
        """CSV of value,status,count, the most frequent first; values are neutralized."""
        writer = csv.writer(sink)
        writer.writerow(["value", "status", "count"])
        for (value, status), count in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0])):
            writer.writerow([neutralize(value), status, count])
