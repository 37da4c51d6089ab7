"""One bulk CSV job: open and check the input, then stream the output text chunk by chunk.

`CsvJob.open` does everything that can fail before output (encoding, delimiter, header, the
column) and raises CsvUsageError; `text_chunks` then yields the output as CSV text, header first,
each input row kept in order with RESULT_COLUMNS appended (lines.py splits the input, finish.py
writes the output). Memory holds one chunk (a few in flight with workers) plus bounded caches,
whatever the input size.
"""

from __future__ import annotations

import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import TextIO, TypeVar

from normalizer.bulk import encoding as enc
from normalizer.bulk.dialect import canonical_delimiter, sniff_delimiter
from normalizer.bulk.finish import Observer
from normalizer.bulk.finisher import ChunkShape, LinesFinisher
from normalizer.bulk.lines import InputBroken, LineReader, Segment
from normalizer.bulk.lookup import NamedExactlyFn, ResolveFn, ValueResolver
from normalizer.bulk.options import CsvInputError, CsvOptions, CsvUsageError
from normalizer.bulk.render import render
from normalizer.bulk.results import RESULT_COLUMNS, Answer, neutralize
from normalizer.bulk.summary import CsvSummary
from normalizer.bulk.workers import ChunkDone, ChunkPool, Pool

# Called after each chunk with (rows done, input bytes read).
Progress = Callable[[int, int], None]
# Makes the pool of workers that finish a job's chunks (ChunkPool: forked processes; the cluster
# layer's: a Dask cluster).
PoolFactory = Callable[["CsvJob"], Pool]
_T = TypeVar("_T")


class CsvJob:
    """A checked input, ready to stream. Build it with `CsvJob.open`."""

    def __init__(self, opened: enc.OpenedText, delimiter: str, options: CsvOptions,
                 resolver: ValueResolver, source: _CountingSource, revision: int | None = None):
        self.options = options
        self.revision = revision  # the gazetteer revision every row is resolved at, when known
        self.delimiter = delimiter
        self.encoding = opened.encoding
        lines: Iterator[str] = iter(opened.stream)
        if opened.encoding == "cp1258":  # 1258 writes tones as combining marks: compose them
            lines = map(partial(unicodedata.normalize, "NFC"), lines)
        self._lines = LineReader(lines, delimiter, plain_allowed=not options.safe_output)
        self._resolver = resolver
        self._source = source
        self._first: list[list[str]] = []  # without a header, the first row is data
        self.header: list[str] | None = None
        self.width = 0
        self.column = 0
        self.summary = CsvSummary()
        self._pool_factory: PoolFactory | None = None

    @classmethod
    def open(cls, source: enc.Readable, options: CsvOptions, resolve: ResolveFn,
             named_exactly: NamedExactlyFn | None = None, revision: int | None = None) -> CsvJob:
        """Read the start of `source` and check the options against it; CsvUsageError if wrong.

        `named_exactly` (Normalizer.named_exactly_many) answers values written exactly as a
        gazetteer name without the pipeline; `resolve` answers every other value."""
        options.validate()
        counting = _CountingSource(source)
        opened = enc.open_text(counting, options.encoding)
        delimiter = (sniff_delimiter(opened.sample) if options.delimiter == "auto"
                     else canonical_delimiter(options.delimiter))
        resolver = ValueResolver(resolve, options.type, options.cache_size, named_exactly)
        job = cls(opened, delimiter, options, resolver, counting, revision)
        job._read_header()
        return job

    def _read_header(self) -> None:
        try:
            first = self._lines.first_row()
        except InputBroken as exc:
            raise CsvUsageError(f"the first row is not readable CSV: {exc}") from exc
        if first is None:
            raise CsvUsageError("the input is empty: no header row" if self.options.header
                                else "the input is empty")
        self.width = len(first)
        if self.options.header:
            self.header = [enc.replace_invalid(c) for c in first]
        else:
            self._first = [first]
        self.column = find_column(self.options.column, self.header, self.width)
        self._finisher = LinesFinisher(self.shape(), self._resolver)

    def shape(self) -> ChunkShape:
        """What a worker elsewhere must know to finish this job's chunks."""
        return ChunkShape(self.width, self.column, self.encoding, self.delimiter, self.options)

    def run_with(self, pool_factory: PoolFactory) -> None:
        """Finish the chunks in the pool that `pool_factory` makes for this job (e.g. on a Dask
        cluster) instead of here or in forked workers; the output is the same, byte for byte."""
        self._pool_factory = pool_factory

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
        for text in self.text_chunks(observer, progress):
            sink.write(text)
        sink.flush()
        return self.summary

    def text_chunks(self, observer: Observer | None = None,
                    progress: Progress | None = None) -> Iterator[str]:
        """The output as CSV text, header first, one string per chunk of rows. Raises
        CsvInputError if the input breaks (the text before it has been yielded)."""
        started = time.perf_counter()
        header = self.output_header()
        if header is not None:
            yield render([header])
        for text in self._resolved_chunks(observer):
            self.summary.seconds = time.perf_counter() - started
            if progress is not None:
                progress(self.summary.rows, self._source.consumed)
            yield text
        self.summary.seconds = time.perf_counter() - started

    def _resolved_chunks(self, observer: Observer | None) -> Iterator[str]:
        if self._first:
            yield self._write([self._first], observer)
        if self.options.workers == 1 and self._pool_factory is None:
            while (segments := self._next(self._lines.segments, self.width, self.column)) is not None:
                yield self._write(segments, observer)
            return
        pool = (self._pool_factory(self) if self._pool_factory is not None
                else ChunkPool(self, self.options.workers, self.options.cache_size))
        try:
            yield from self._parallel(pool, observer)
        finally:
            pool.close()
            self.summary.worker_pss_kb = dict(getattr(pool, "memory", {}))

    def _parallel(self, pool: Pool, observer: Observer | None) -> Iterator[str]:
        pending: deque = deque()
        limit = pool.in_flight
        try:
            while (lines := self._next(self._lines.whole_rows)) is not None:
                pending.append(pool.submit(lines, observer is not None))
                if len(pending) > limit:
                    yield self._merge(pool.collect(pending.popleft()), observer)
        except CsvInputError:  # the input broke: the rows before it, in the workers still, come first
            while pending:
                yield self._merge(pool.collect(pending.popleft()), observer)
            raise
        while pending:
            yield self._merge(pool.collect(pending.popleft()), observer)

    def finish_lines(self, lines: list[str], observe: bool, taught: list[tuple[str, Answer]]) -> ChunkDone:
        """In a forked worker: one chunk of whole rows, split, resolved and rendered, after taking
        the answers other workers' pipelines gave."""
        return self._finisher.finish_lines(lines, observe, taught)

    def _merge(self, done: ChunkDone, observer: Observer | None) -> str:
        self._count(done.counts)
        if observer is not None and done.seen is not None:
            for value, result in done.seen:
                observer(value, result)
        return done.text

    def _write(self, segments: list[Segment], observer: Observer | None) -> str:
        text, statuses = self._finisher.writer.write(segments, self._resolver.lookup, observer)
        self._count(statuses)
        return text

    def _count(self, statuses: Mapping[str, int]) -> None:
        counts = self.summary.counts
        for status, count in statuses.items():
            counts[status] += count
            self.summary.rows += count

    def _next(self, read: Callable[..., _T | None], *args: int) -> _T | None:
        try:
            return read(self.options.chunk_rows, *args)
        except InputBroken as exc:
            raise CsvInputError(f"the input is not readable CSV near line {exc.line}: "
                                f"{exc.error}") from exc


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
