"""The options of one bulk CSV job, and the errors a job reports before or while it runs."""

from __future__ import annotations

from dataclasses import dataclass

from normalizer.bulk.dialect import canonical_delimiter
from normalizer.bulk.encoding import canonical_encoding
from normalizer.model import ENTITY_TYPES

CHUNK_ROWS = 2000
CACHE_SIZE = 65536


class CsvError(ValueError):
    """A bulk CSV job could not run or finish; the message says why, for a person."""


class CsvUsageError(CsvError):
    """Raised before any output: a bad option, an unknown column, an empty input. `field` names
    the option concerned (None for the input itself)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class CsvInputError(CsvError):
    """Raised while streaming: the input stopped being readable CSV (e.g. an unclosed quote
    made a field longer than the csv module's limit). Rows before it have been written."""


@dataclass(frozen=True)
class CsvOptions:
    """What to normalize and how to read it.

    column: a header name, or a 1-based column number (as with cut and csvkit); a name that is
    also a header wins over a number. type: restrict matches to one entity type.
    encoding, delimiter: "auto" (detected from the first 64 KiB) or a supported name.
    header: False when the first row is data (then column must be a number and the output has
    no header row either). safe_output: neutralize formula-like cells in every column, not only
    in the columns the tool writes. workers: processes that split, resolve and write chunks of
    rows (1: all in this process).
    """

    column: str
    type: str | None = None
    encoding: str = "auto"
    delimiter: str = "auto"
    header: bool = True
    safe_output: bool = False
    workers: int = 1
    chunk_rows: int = CHUNK_ROWS
    cache_size: int = CACHE_SIZE

    def validate(self) -> None:
        """Raise CsvUsageError for any option this tool cannot honour."""
        if self.type is not None and self.type not in ENTITY_TYPES:
            raise CsvUsageError(f"type must be one of {', '.join(ENTITY_TYPES)}, not {self.type!r}", "type")
        if self.workers < 1:
            raise CsvUsageError("workers must be at least 1", "workers")
        if self.chunk_rows < 1 or self.cache_size < 0:
            raise CsvUsageError("chunk_rows must be at least 1 and cache_size at least 0", "chunk_rows")
        if not self.column.strip():
            raise CsvUsageError("column must name a header or give a 1-based column number", "column")
        for name, check in (("encoding", canonical_encoding), ("delimiter", canonical_delimiter)):
            value = getattr(self, name)
            try:
                if value != "auto":
                    check(value)
            except ValueError as exc:
                raise CsvUsageError(str(exc), name) from exc
