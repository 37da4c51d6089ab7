"""Output cells to CSV text, exactly as `csv.writer` with its defaults writes them.

Most rows need no quoting: their text is the cells joined with commas. The answers a job appends
are rendered once per distinct value (`row_text`), and the plain input lines are kept as read
(lines.py), so csv.writer itself only writes the few rows that came through the csv module.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

LINE_END = "\r\n"  # csv.writer's default line terminator


def render(rows: list[list[str]]) -> str:
    """The CSV text of rows (`,`, `"` when needed, CRLF): what csv.writer writes."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def row_text(cells: Sequence[str]) -> str:
    """One row's CSV text without its line end, as csv.writer writes it.

    Joined with commas when no cell holds a comma, a quote or a line break, and the row is not
    one empty cell (written as "", else it would read back as no cell at all)."""
    line = ",".join(cells)
    # csv.QUOTE_MINIMAL quotes a cell that holds the delimiter, the quote character or a line break.
    quotes = '"' in line or "\r" in line or "\n" in line
    if line and not quotes and line.count(",") == len(cells) - 1:
        return line
    return render([list(cells)])[: -len(LINE_END)]
