"""Output rows to CSV text, exactly as `csv.writer` with its defaults writes them, faster.

`csv.writer` checks every cell for quoting, which was the largest single cost of a bulk job. Most
chunks need no quoting at all: then each row is its cells joined with commas, and the whole
chunk is a handful of C-level joins. A chunk with any cell that needs quotes takes the writer.
"""

from __future__ import annotations

import csv
import io

# csv.QUOTE_MINIMAL quotes a cell that holds the delimiter, the quote character or a line break.
_NEEDS_QUOTES = ('"', "\r", "\n")
LINE_END = "\r\n"  # csv.writer's default line terminator


def render(rows: list[list[str]]) -> str:
    """The CSV text of rows (`,`, `"` when needed, CRLF), equal to what csv.writer writes."""
    lines = list(map(",".join, rows))
    if _plain(rows, lines):
        return "".join([LINE_END.join(lines), LINE_END]) if rows else ""
    return _with_writer(rows)


def _plain(rows: list[list[str]], lines: list[str]) -> bool:
    """True when no cell needs quotes: no quote or line break, commas only between cells, and
    no row of one empty cell (written as "", else it would read back as no cell at all)."""
    cells = "".join(lines)
    if any(mark in cells for mark in _NEEDS_QUOTES) or not all(lines):
        return False
    return cells.count(",") == sum(map(len, rows)) - len(rows)


def _with_writer(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()
