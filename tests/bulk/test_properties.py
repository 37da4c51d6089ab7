"""Invariants over any table: every row and cell comes back, in order, in any encoding."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizer.bulk import RESULT_COLUMNS, STATUSES, CsvJob, CsvOptions, neutralize
from normalizer.model import Resolution

# Any text a CSV cell can hold in these encodings (no lone surrogates), quotes and newlines too.
cell = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
tables = st.integers(1, 4).flatmap(
    lambda width: st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=12))


def unmatched(query: str, type: str | None, limit: int) -> Resolution:
    return Resolution(query, "unmatched", None)


def encode(rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables, st.sampled_from(",;\t|"), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
       st.booleans())
def test_every_row_and_cell_comes_back_in_order(rows, delimiter, encoding, safe):
    header = [f"c{i}" for i in range(len(rows[0]))]
    data = encode([header, *rows], delimiter, encoding)
    options = CsvOptions(column="1", delimiter=delimiter, safe_output=safe, chunk_rows=5)
    job = CsvJob.open(io.BytesIO(data), options, unmatched)
    out = list(csv.reader(io.StringIO("".join(job.text_chunks()), newline="")))
    width = len(header)
    assert out[0] == [*header, *RESULT_COLUMNS]
    # csv reads a row holding one empty cell as a blank line: the job gives it back as empty.
    expected = [[neutralize(c) for c in row] if safe else row for row in rows]
    assert [row[:width] for row in out[1:]] == expected
    assert all(len(row) == width + len(RESULT_COLUMNS) for row in out[1:])
    assert all(row[width + 4] in STATUSES for row in out[1:])
    assert job.summary.rows == len(rows) == sum(job.summary.counts.values())


@given(st.text(max_size=20))
def test_neutralized_cells_never_start_like_a_formula(text):
    assert not neutralize(text).startswith(("=", "+", "-", "@", "\t", "\r"))
    assert neutralize(text) in (text, "'" + text)
