"""One chunk of whole input rows -> its output text, wherever it runs: in the job's process, in a
forked worker, or on a Dask worker that got only the chunk's lines and the job's `ChunkShape`."""

from __future__ import annotations

from dataclasses import dataclass

from normalizer.bulk.finish import ChunkWriter
from normalizer.bulk.lines import LineReader
from normalizer.bulk.lookup import NamedExactlyFn, ResolveFn, ValueResolver
from normalizer.bulk.options import CsvOptions
from normalizer.bulk.results import Answer, RowResult
from normalizer.bulk.workers import ChunkDone


@dataclass(frozen=True)
class ChunkShape:
    """What a worker must know of a job to finish its chunks: small and picklable."""

    width: int
    column: int
    encoding: str
    delimiter: str
    options: CsvOptions


class LinesFinisher:
    """Splits, resolves and renders chunks of one job's whole rows, with one cache of answers."""

    def __init__(self, shape: ChunkShape, resolver: ValueResolver):
        self.shape = shape
        self._resolver = resolver
        self._lines = LineReader(iter(()), shape.delimiter, plain_allowed=not shape.options.safe_output)
        self._writer = ChunkWriter(shape.width, shape.column, shape.encoding, shape.options.safe_output)

    @classmethod
    def of(cls, shape: ChunkShape, resolve: ResolveFn, named_exactly: NamedExactlyFn | None) -> LinesFinisher:
        options = shape.options
        return cls(shape, ValueResolver(resolve, options.type, options.cache_size, named_exactly))

    @property
    def writer(self) -> ChunkWriter:
        return self._writer

    @property
    def resolver(self) -> ValueResolver:
        return self._resolver

    def finish_lines(self, lines: list[str], observe: bool,
                     taught: list[tuple[str, Answer]] | None = None) -> ChunkDone:
        """One chunk of whole rows, split, resolved and rendered. `taught`: the answers other
        workers' pipelines gave (then this one's are kept for them); None shares nothing."""
        if taught is not None:
            self._resolver.teach(taught)
        seen: list[tuple[str, RowResult]] | None = [] if observe else None
        observer = None if seen is None else (lambda value, result: seen.append((value, result)))
        segments = self._lines.split(lines, self.shape.width, self.shape.column)
        text, statuses = self._writer.write(segments, self._resolver.lookup, observer)
        return ChunkDone(text, dict(statuses), seen, self._resolver.take_learned())
