"""The golden case table (nomenklatura's name_bench/cases.csv style): query -> expected outcome.

`expected` is an entity id (the query must be matched to it), `unmatched` or `ambiguous`.
Escapes such as \\u200b in a query are decoded so that invisible characters stay visible here.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

CASES = Path(__file__).with_name("cases.csv")


def _rows() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["query"] = row["query"].encode("ascii", "backslashreplace").decode("unicode_escape") \
            if "\\u" in row["query"] else row["query"]
    return rows


ROWS = _rows()


def test_the_table_is_large_and_covers_negatives():
    assert len(ROWS) >= 200
    assert sum(r["expected"] == "unmatched" for r in ROWS) >= 10


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}:{r['query'][:30]}" for i, r in enumerate(ROWS)])
def test_case(service, row):
    result = service.resolve(row["query"], type=row["type"] or None)
    expected = row["expected"]
    got = result.match.id if result.match else result.status
    assert got == expected, f"{row['note']}: {result.to_dict()['candidates'][:3]}"
    if expected not in ("unmatched", "ambiguous"):
        assert result.status == "matched"
        assert 0.8 <= result.match.score <= 1.0
        assert result.match.explanation
