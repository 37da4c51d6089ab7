"""A chunk's segments -> its output text: the answers appended, bad rows marked, rows counted."""

from __future__ import annotations

import itertools
from collections import Counter, deque
from collections.abc import Callable
from functools import partial
from operator import add, itemgetter

from normalizer.bulk import encoding as enc
from normalizer.bulk.lines import PlainRun, Segment
from normalizer.bulk.lookup import Lookup
from normalizer.bulk.render import LINE_END, render
from normalizer.bulk.results import (
    EMPTY_RESULT,
    STATUS,
    TEXT,
    RowResult,
    error_result,
    neutralize,
    result_of,
)

# Called with each row's value (as written out) and its result: the place where a consumer
# such as the review queue sees every result.
Observer = Callable[[str, RowResult], None]
_texts = partial(map, itemgetter(TEXT))  # the text of each answer
_statuses = partial(map, itemgetter(STATUS))  # the status of each answer


class ChunkWriter:
    """Writes the output of chunks of one input: its width, value column, encoding, options."""

    def __init__(self, width: int, column: int, encoding: str, safe_output: bool):
        self.width, self.column, self.encoding, self.safe_output = width, column, encoding, safe_output

    def write(self, segments: list[Segment], lookup: Lookup,
              observer: Observer | None) -> tuple[str, Counter[str]]:
        """The output text of a chunk and its rows per status; each row shown to the observer."""
        statuses: Counter[str] = Counter()
        text = "".join([self._plain(s, lookup, observer, statuses) if isinstance(s, PlainRun)
                        else self._rows(s, lookup, observer, statuses) for s in segments])
        return text, statuses

    def _plain(self, run: PlainRun, lookup: Lookup, observer: Observer | None,
               statuses: Counter[str]) -> str:
        # The common segment, in C-level loops: this path is most of the CSV layer's own cost.
        answers = lookup(run.values)
        if observer is not None:
            deque(map(observer, run.values, map(result_of, answers)), maxlen=0)
        statuses.update(_statuses(answers))
        return LINE_END.join(map(add, run.lines, _texts(answers))) + LINE_END

    def _rows(self, rows: list[list[str]], lookup: Lookup, observer: Observer | None,
              statuses: Counter[str]) -> str:
        rows = self._marked(rows)
        fits = [len(row) == self.width and type(row) is list for row in rows]  # _InvalidRow is not
        answers = iter(lookup([row[self.column] for row, fit in zip(rows, fits, strict=True) if fit]))
        out = []
        for row, fit in zip(rows, fits, strict=True):
            if fit:
                value, result = row[self.column], result_of(next(answers))
                cells = [*([neutralize(c) for c in row] if self.safe_output else row), *result]
            else:
                value, result, cells = self._misfit(row)
            out.append(cells)
            statuses[result.status] += 1
            if observer is not None:
                observer(value, result)
        return render(out)

    def _marked(self, rows: list[list[str]]) -> list[list[str]]:
        if any(map(enc.has_invalid, itertools.chain.from_iterable(rows))):
            rows = [_mark_invalid(row, self.encoding) for row in rows]
        return rows

    def _misfit(self, row: list[str]) -> tuple[str, RowResult, list[str]]:
        """A row whose width differs from the header's, a blank line, or a row that held invalid
        bytes."""
        value = row[self.column] if self.column < len(row) else ""
        if not row:  # a blank line: an empty value, whatever the width
            result = EMPTY_RESULT
        elif isinstance(row, _InvalidRow):
            result = error_result(row.reason)
        else:
            reason = f"row has {len(row)} fields, the header has {self.width}"
            if len(row) > self.width:
                reason += "; the extra fields follow the result columns"
            result = error_result(reason)
        cells = row + [""] * (self.width - len(row))
        if self.safe_output:
            cells = [neutralize(c) for c in cells]
        return value, result, [*cells[: self.width], *result, *cells[self.width:]]


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
