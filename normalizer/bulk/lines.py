"""Input lines -> segments: runs of plain lines, split with str methods, and rows the csv module reads.

Most lines of a real file are plain: no quote character, the header's number of cells, no
invalid byte, not blank, and no comma inside a cell (when the delimiter is not a comma). The csv
module reads such a line as its text split at the delimiter, and csv.writer writes those cells
back as the same text with commas between them: no cell needs quotes. So a run of plain lines
needs no csv machinery at all, and is handled with C-level string operations on the whole run
(measured: the csv reader and writer were 60 % of the CSV layer's time). Every other line goes
to the csv module, with as many following lines as its row takes (a quoted field may span lines).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import compress, islice, repeat
from operator import contains, itemgetter, ne, or_
from typing import NamedTuple

from normalizer.bulk.encoding import has_invalid

_LINE_ENDS = "\r\n"
_BLANK_LINES = ("\n", "\r\n", "\r", "")


class PlainRun(NamedTuple):
    """Consecutive plain rows: each one's cells joined with "," (no line end), and its value."""

    lines: list[str]
    values: list[str]


Segment = PlainRun | list[list[str]]  # a run of plain rows, or rows the csv module read


class InputBroken(Exception):
    """The csv module could not read the input past `line`."""

    def __init__(self, line: int, error: csv.Error, segments: list[Segment]):
        super().__init__(str(error))
        self.line = line
        self.error = error
        self.segments = segments  # what the chunk held before it


class _Feed:
    """The lines the csv module reads: a chunk's lines from `pos`; past their end, lines taken
    from `rest` are appended to the chunk (a row that spans its end belongs to it). `ended`: the
    reader asked for a line past the end of the input."""

    def __init__(self, lines: list[str], pos: int, rest: Iterator[str]):
        self.lines, self.pos, self.rest = lines, pos, rest
        self.ended = False

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self.pos == len(self.lines):
            try:
                self.lines.append(next(self.rest))
            except StopIteration:
                self.ended = True
                raise
        self.pos += 1
        return self.lines[self.pos - 1]


# The csv module asks for another line within a row only inside a quoted field; at the end of
# the input it then gives the row as it is (unless strict, which refuses much else): one cell
# holding every line after the quote. That is a broken input, not a row.
UNCLOSED_QUOTE = "unclosed quote: the quoted field that starts here runs to the end of the input"


class LineReader:
    """Reads a decoded text stream (opened with newline="") in chunks of whole rows."""

    def __init__(self, stream: Iterator[str], delimiter: str, plain_allowed: bool = True):
        self._stream = stream
        self.delimiter = delimiter
        self._plain_allowed = plain_allowed  # False: every row through the csv module
        self.line_num = 0  # input lines read so far, for error messages
        self._broken: InputBroken | None = None

    def first_row(self) -> list[str] | None:
        """The first row (the header, or the first data row), read by the csv module."""
        lines: list[str] = []
        rows, _ = self._csv_rows(lines, 0, range(0), self._stream)
        self.line_num += len(lines)
        return rows[0] if rows else None

    def segments(self, size: int, width: int, column: int) -> list[Segment] | None:
        """The next `size` lines (and any lines their last row spans) as segments; None at the
        end. Raises InputBroken where the csv module gave up, after returning the rows before it."""
        lines = self._take(size)
        if lines is None:
            return None
        try:
            return self.split(lines, width, column, self._stream)
        except InputBroken as exc:
            self._break(exc)
            return exc.segments
        finally:
            self.line_num += len(lines)

    def whole_rows(self, size: int) -> list[str] | None:
        """The next `size` lines and any lines their last row spans, unsplit: for `split` in
        another process. Only lines with a quote can start a row that spans lines, so only
        those are read by the csv module here. None at the end; InputBroken as `segments`."""
        lines = self._take(size)
        if lines is None:
            return None
        pos = 0
        try:
            for start in compress(range(len(lines)), map(contains, lines, repeat('"'))):
                if start >= pos:
                    _, pos = self._csv_rows(lines, start, range(0), self._stream)
        except InputBroken as exc:
            self._break(exc)
            del lines[start:]
        self.line_num += len(lines)
        return lines

    def _take(self, size: int) -> list[str] | None:
        if self._broken is not None:
            raise self._broken
        return list(islice(self._stream, size)) or None

    def _break(self, exc: InputBroken) -> None:
        """Keep the error for the next chunk, once this one's rows before it are out."""
        exc.line += self.line_num
        self._broken = exc

    def split(self, lines: list[str], width: int, column: int,
              rest: Iterator[str] | None = None) -> list[Segment]:
        """Segments of `lines`, in order; a row that spans their end takes lines from `rest`."""
        rest = rest or iter(())
        bad = self._not_plain(lines, width)
        stops = bad if isinstance(bad, range) else frozenset(bad)
        segments: list[Segment] = []
        pos = 0
        for start in bad:
            if start < pos:  # read already, as part of the row before it
                continue
            if start > pos:
                segments.append(self._plain_run(lines[pos:start], width, column))
            rows, pos = self._csv_rows(lines, start, stops, rest, segments)
            segments.append(rows)
        if pos < len(lines):
            segments.append(self._plain_run(lines[pos:], width, column))
        return segments

    def _not_plain(self, lines: list[str], width: int) -> list[int] | range:
        """The positions of the lines that need the csv module, ascending."""
        if not self._plain_allowed:
            return range(len(lines))
        d = self.delimiter
        flags = map(ne, map(str.count, lines, repeat(d)), repeat(width - 1))
        flags = map(or_, flags, map(contains, lines, repeat('"')))
        if d != ",":
            flags = map(or_, flags, map(contains, lines, repeat(",")))
        if has_invalid("".join(lines)):
            flags = map(or_, flags, map(has_invalid, lines))
        if width == 1:  # a blank line holds width - 1 delimiters too
            flags = map(or_, flags, map(contains, repeat(_BLANK_LINES), lines))
        return list(compress(range(len(lines)), flags))

    def _plain_run(self, lines: list[str], width: int, column: int) -> PlainRun:
        cells = list(map(str.rstrip, lines, repeat(_LINE_ENDS)))
        if self.delimiter != ",":
            cells = list(map(str.replace, cells, repeat(self.delimiter), repeat(",")))
        if width == 1:
            return PlainRun(cells, cells)
        return PlainRun(cells, list(map(itemgetter(column), map(str.split, cells, repeat(",")))))

    def _csv_rows(self, lines: list[str], start: int, stops: frozenset[int] | range,
                  rest: Iterator[str], before: list[Segment] | None = None,
                  ) -> tuple[list[list[str]], int]:
        """Rows read by the csv module from lines[start], while the next line is not plain;
        and the position after them. InputBroken carries `before` and the rows read."""
        feed = _Feed(lines, start, rest)
        rows: list[list[str]] = []
        begun = start  # where the row being read started
        try:
            for row in csv.reader(feed, delimiter=self.delimiter):
                if feed.ended:
                    raise _Unclosed
                rows.append(row)
                begun = feed.pos
                if feed.pos >= len(lines) or feed.pos not in stops:
                    break
        except (csv.Error, _Unclosed) as exc:
            kept: list[Segment] = [*(before or []), rows] if rows else list(before or [])
            if isinstance(exc, _Unclosed):
                raise InputBroken(begun + 1, csv.Error(UNCLOSED_QUOTE), kept) from None
            raise InputBroken(feed.pos, exc, kept) from exc
        return rows, feed.pos


class _Unclosed(Exception):
    pass
