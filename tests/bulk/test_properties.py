"""Invariants over any table: every row and cell comes back, in order, in any encoding."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizer.bulk import RESULT_COLUMNS, STATUSES, CsvError, CsvJob, CsvOptions, neutralize
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


BAD = "<bad byte>"
# Raw lines as files hold them: cells joined by the delimiter, quoted or not (stray quotes too),
# blank lines, rows of other widths, CRLF, LF or CR line ends.
raw_pieces = [*'ab,;|\t"\r\n é', "Vương", "\x00", "\u2028", BAD]
raw_cell = st.lists(st.sampled_from(raw_pieces), max_size=6).map("".join)
raw_line = st.one_of(
    st.lists(raw_cell, min_size=1, max_size=4).map(lambda cells: ("raw", cells)),
    st.lists(raw_cell, min_size=1, max_size=4).map(lambda cells: ("csv", cells)),
)


def raw_text(lines: list[tuple[str, list[str]]], delimiter: str, ends: str) -> str:
    out = []
    for kind, cells in lines:
        if kind == "csv":
            buffer = io.StringIO(newline="")
            csv.writer(buffer, delimiter=delimiter, lineterminator=ends).writerow(cells)
            out.append(buffer.getvalue())
        else:
            out.append(delimiter.join(cells) + ends)
    return "".join(out)


def job_text(data: bytes, options: CsvOptions, plain: bool) -> tuple[str, dict]:
    job = CsvJob.open(io.BytesIO(data), options, unmatched)
    job._lines._plain_allowed = plain
    try:
        text = "".join(job.text_chunks())
    except CsvError as exc:
        text = f"broken: {exc}"
    return text, job.summary.counts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(raw_line, min_size=1, max_size=10), st.sampled_from(",;\t|"),
       st.sampled_from(["\r\n", "\n", "\r"]), st.integers(1, 4), st.integers(1, 3))
def test_plain_lines_give_what_the_csv_module_gives(lines, delimiter, ends, chunk_rows, width):
    """The fast path for plain lines writes exactly what reading every row with the csv module
    writes, whatever the lines hold."""
    header = delimiter.join(f"c{i}" for i in range(width)) + ends
    data = (header + raw_text(lines, delimiter, ends)).encode().replace(BAD.encode(), b"\xff")
    options = CsvOptions(column="1", delimiter=delimiter, chunk_rows=chunk_rows)
    assert job_text(data, options, plain=True) == job_text(data, options, plain=False)
