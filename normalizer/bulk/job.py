"""One bulk CSV job: open and check the input, then stream output rows chunk by chunk.

`CsvJob.open` does everything that can fail before output (encoding, delimiter, header, the
column) and raises CsvUsageError; `chunks` then yields lists of output rows, header first, each
input row kept in order with RESULT_COLUMNS appended. Memory holds one chunk (a few in flight
with workers) plus bounded caches, whatever the input size.
"""

from __future__ import annotations

import csv
import itertools
import time
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import TextIO

from normalizer.bulk import encoding as enc
from normalizer.bulk.dialect import canonical_delimiter, sniff_delimiter
from normalizer.bulk.lookup import Lookup, ParallelResolver, ResolveFn, ValueResolver
from normalizer.bulk.options import CsvInputError, CsvOptions, CsvUsageError
from normalizer.bulk.render import render
from normalizer.bulk.results import EMPTY_RESULT, RESULT_COLUMNS, RowResult, error_result, neutralize
from normalizer.bulk.summary import CsvSummary

# Called with each row's value (as written out) and its result: the place where a consumer
# such as the review queue sees every result.
Observer = Callable[[str, RowResult], None]
# Called after each chunk with (rows done, input bytes read).
Progress = Callable[[int, int], None]
IN_FLIGHT_PER_WORKER = 2


class CsvJob:
    """A checked input, ready to stream. Build it with `CsvJob.open`."""

    def __init__(self, opened: enc.OpenedText, delimiter: str, options: CsvOptions,
                 resolve: ResolveFn, source: _CountingSource, marks_before: int):
        reader = csv.reader(opened.stream, delimiter=delimiter)
        self.options = options
        self.delimiter = delimiter
        self.encoding = opened.encoding
        self._stream = opened.stream
        self._csv_reader = reader
        self._reader: Iterator[list[str]] = reader
        self._resolve = resolve
        self._source = source
        self._nfc = opened.encoding == "cp1258"  # 1258 writes tones as combining marks
        self._marks_before = marks_before
        self.header: list[str] | None = None
        self.width = 0
        self.column = 0
        self.summary = CsvSummary()

    @classmethod
    def open(cls, source: enc.Readable, options: CsvOptions, resolve: ResolveFn) -> CsvJob:
        """Read the start of `source` and check the options against it; CsvUsageError if wrong."""
        options.validate()
        marks_before = enc.marked_count()
        counting = _CountingSource(source)
        opened = enc.open_text(counting, options.encoding)
        delimiter = (sniff_delimiter(opened.sample) if options.delimiter == "auto"
                     else canonical_delimiter(options.delimiter))
        job = cls(opened, delimiter, options, resolve, counting, marks_before)
        job._read_header()
        return job

    def _read_header(self) -> None:
        first = next(self._reader, None)
        if first is None:
            raise CsvUsageError("the input is empty: no header row" if self.options.header
                                else "the input is empty")
        self.width = len(first)
        if self.options.header:
            self.header = [enc.replace_invalid(self._text(c)) for c in first]
        else:
            self._reader = itertools.chain([first], self._reader)
        self.column = find_column(self.options.column, self.header, self.width)

    def _text(self, cell: str) -> str:
        return unicodedata.normalize("NFC", cell) if self._nfc else cell

    def output_header(self) -> list[str] | None:
        """The header row to write, or None without --header."""
        if self.header is None:
            return None
        cells = [neutralize(c) for c in self.header] if self.options.safe_output else self.header
        return [*cells, *RESULT_COLUMNS]

    def write(self, sink: TextIO, observer: Observer | None = None,
              progress: Progress | None = None) -> CsvSummary:
        """Stream every output row to `sink` (a text stream opened with newline=""), UTF-8 CSV
        with the csv module's defaults (`,`, `"` quoting when needed, CRLF line ends)."""
        for rows in self.chunks(observer, progress):
            sink.write(render(rows))
        sink.flush()
        return self.summary

    def text_chunks(self, observer: Observer | None = None) -> Iterator[str]:
        """The output as CSV text, one string per chunk of rows, for a streamed response."""
        for rows in self.chunks(observer):
            yield render(rows)

    def chunks(self, observer: Observer | None = None,
               progress: Progress | None = None) -> Iterator[list[list[str]]]:
        """Output rows, chunk by chunk, header first. Raises CsvInputError if the input breaks."""
        started = time.perf_counter()
        header = self.output_header()
        if header is not None:
            yield [header]
        for rows in self._resolved_chunks(observer):
            self.summary.seconds = time.perf_counter() - started
            if progress is not None:
                progress(self.summary.rows, self._source.consumed)
            yield rows
        self.summary.seconds = time.perf_counter() - started

    def _resolved_chunks(self, observer: Observer | None) -> Iterator[list[list[str]]]:
        resolver = ValueResolver(self._resolve, self.options.type, self.options.cache_size)
        if self.options.workers == 1:
            for rows in self._input_chunks():
                yield self._finish(rows, resolver.lookup, observer)
            return
        pool = ParallelResolver(resolver, self.options.workers, self.options.cache_size)
        try:
            yield from self._parallel(pool, observer)
        finally:
            pool.close()

    def _parallel(self, pool: ParallelResolver, observer: Observer | None) -> Iterator[list[list[str]]]:
        pending: deque = deque()
        limit = IN_FLIGHT_PER_WORKER * self.options.workers
        for rows in self._input_chunks():
            values = [row[self.column] for row in rows if len(row) == self.width]
            pending.append((rows, pool.submit(values)))
            if len(pending) > limit:
                rows, submitted = pending.popleft()
                yield self._finish(rows, pool.collect(submitted), observer)
        while pending:
            rows, submitted = pending.popleft()
            yield self._finish(rows, pool.collect(submitted), observer)

    def _input_chunks(self) -> Iterator[list[list[str]]]:
        size = self.options.chunk_rows
        broken: csv.Error | None = None
        while broken is None:
            rows: list[list[str]] = []
            try:
                rows.extend(itertools.islice(self._reader, size))  # keeps the rows read before an error
            except csv.Error as exc:
                broken = exc
            if rows:
                yield self._decoded(rows)
            elif broken is None:
                return
        line = self._csv_reader.line_num
        raise CsvInputError(f"the input is not readable CSV near line {line}: {broken}") from broken

    def _decoded(self, rows: list[list[str]]) -> list[list[str]]:
        if self._nfc:
            rows = [[self._text(c) for c in row] for row in rows]
        if enc.marked_count() != self._marks_before:  # decoding met invalid bytes somewhere
            rows = [_mark_invalid(row, self.encoding) for row in rows]
        return rows

    def _finish(self, rows: list[list[str]], lookup: Lookup,
                observer: Observer | None) -> list[list[str]]:
        """Append the results to every row of a chunk, in place; count them."""
        if not self.options.safe_output and self._all_fit(rows):
            self._finish_fast(rows, lookup, observer)
            return rows
        column, width, safe = self.column, self.width, self.options.safe_output
        counts = self.summary.counts
        for i, row in enumerate(rows):
            if len(row) == width and type(row) is list:  # an _InvalidRow is not
                value = row[column]
                result = lookup(value)
                cells = [neutralize(c) for c in row] if safe else row
                cells.extend(result)
            else:
                value, result, cells = self._misfit(row)
            rows[i] = cells
            counts[result.status] += 1
            if observer is not None:
                observer(value, result)
        self.summary.rows += len(rows)
        return rows

    def _all_fit(self, rows: list[list[str]]) -> bool:
        return set(map(len, rows)) == {self.width} and set(map(type, rows)) == {list}

    def _finish_fast(self, rows: list[list[str]], lookup: Lookup, observer: Observer | None) -> None:
        # The common chunk (every row fits, nothing to neutralize) in C-level loops: this path
        # is most of the CSV layer's own cost per row.
        values = list(map(itemgetter(self.column), rows))
        results = list(map(lookup, values))
        deque(map(list.extend, rows, results), maxlen=0)
        if observer is not None:
            deque(map(observer, values, results), maxlen=0)
        counts = self.summary.counts
        for status, count in Counter(map(itemgetter(4), results)).items():
            counts[status] += count
        self.summary.rows += len(rows)

    def _misfit(self, row: list[str]) -> tuple[str, RowResult, list[str]]:
        """A row whose width differs from the header's, a blank line, or a row that held invalid
        bytes."""
        value = row[self.column] if self.column < len(row) else ""
        if not row:  # a blank line: an empty value, whatever the width
            cells, result = self._aligned(row), EMPTY_RESULT
        elif isinstance(row, _InvalidRow):
            cells, result = self._aligned(row), error_result(row.reason)
        else:
            reason = f"row has {len(row)} fields, the header has {self.width}"
            if len(row) > self.width:
                reason += "; the extra fields follow the result columns"
            cells, result = self._aligned(row), error_result(reason)
        if self.options.safe_output:
            cells = [neutralize(c) for c in cells]
        return value, result, [*cells[: self.width], *result, *cells[self.width:]]

    def _aligned(self, row: list[str]) -> list[str]:
        return row + [""] * (self.width - len(row))


class _InvalidRow(list):
    """A row that held bytes invalid for the encoding, now shown as U+FFFD, with the reason."""

    reason = ""


def _mark_invalid(row: list[str], encoding: str) -> list[str]:
    bad = [i for i, cell in enumerate(row) if enc.has_invalid(cell)]
    if not bad:
        return row
    marked = _InvalidRow(enc.replace_invalid(c) for c in row)
    shown = " ".join(f"{b:#04x}" for i in bad for b in enc.invalid_bytes(row[i]))
    marked.reason = f"invalid bytes for {encoding} in column {', '.join(str(i + 1) for i in bad)}: {shown}"
    return marked


def find_column(column: str, header: list[str] | None, width: int) -> int:
    """The 0-based index of `column` (a header name, else a 1-based number); CsvUsageError.
    Names compare in NFC: a terminal may send "tên" decomposed."""
    if header is not None:
        names = [unicodedata.normalize("NFC", h) for h in header]
        wanted = unicodedata.normalize("NFC", column)
        if wanted in names:
            return names.index(wanted)
    if column.strip().isdigit():
        number = int(column)
        if 1 <= number <= width:
            return number - 1
        raise CsvUsageError(f"column {number} does not exist: the input has {width} column(s)", "column")
    if header is None:
        raise CsvUsageError(f"column {column!r} must be a 1-based number when the input has no header",
                            "column")
    available = ", ".join(repr(h) for h in header)
    raise CsvUsageError(f"column {column!r} not found; available columns: {available}", "column")


class _CountingSource:
    """Counts the bytes read from the input, for progress."""

    def __init__(self, source: enc.Readable):
        self._source = source
        self.consumed = 0

    def read(self, size: int = -1, /) -> bytes:
        data = self._source.read(size)
        self.consumed += len(data)
        return data
