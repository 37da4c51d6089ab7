"""What the tool appends to every row: the result columns, and how a Resolution fills them.

Columns (RESULT_COLUMNS), in order:
- entity_id, entity_name, entity_type: the matched entity; empty unless status is `matched`;
- score: the best candidate's score (0..1, 4 decimals) whenever there is a candidate, so an
  ambiguous or unmatched row shows how close it came; empty otherwise;
- status: `matched`, `ambiguous`, `unmatched`, `empty` (no value to resolve) or `error`;
- method: how the best candidate matched (exact, folded, sorted, compact, translit, fuzzy);
- reason: why a row is not `matched`: the error, the ambiguous candidates, the closest candidate
  or a suggested English rendering; empty for matched rows.
"""

from __future__ import annotations

from typing import NamedTuple

from normalizer.bulk.render import row_text
from normalizer.model import Entity, Resolution

RESULT_COLUMNS = ("entity_id", "entity_name", "entity_type", "score", "status", "method", "reason")
STATUSES = ("matched", "ambiguous", "unmatched", "empty", "error")
# Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_REASON_CANDIDATES = 3


class RowResult(NamedTuple):
    """The appended cells of one row; `status` is one of STATUSES."""

    entity_id: str
    entity_name: str
    entity_type: str
    score: str
    status: str
    method: str
    reason: str


# A value's answer as the cache keeps it: its seven result cells, then the same cells as the CSV
# text that follows a row's own cells (rendered once per distinct value, not once per row). An
# exact tuple, not a NamedTuple: the cyclic collector stops tracking a tuple of strings after its
# first pass, but never a NamedTuple, so a cache of those was walked again on every pass
# (measured over a million distinct names: GC took 1.44 s of a 7.7 s job; 0.14 s of 5.4 s now).
Answer = tuple[str, ...]
STATUS, TEXT = 4, 7  # the positions of the status cell and of the text in an Answer


def answer(result: RowResult) -> Answer:
    return (*result, "," + row_text(result))


def result_of(answer: Answer) -> RowResult:
    return RowResult._make(answer[:TEXT])


def neutralize(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading apostrophe when it starts like a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def error_result(reason: str) -> RowResult:
    return RowResult("", "", "", "", "error", "", neutralize(reason))


EMPTY_RESULT = RowResult("", "", "", "", "empty", "", "")


def from_resolution(resolution: Resolution) -> RowResult:
    """The cells for one resolved value, every one neutralized against formula injection."""
    best = resolution.match or (resolution.candidates[0] if resolution.candidates else None)
    score = _score(best.score) if best else ""
    method = best.method if best else ""
    match = resolution.match
    # Ids, types, scores, statuses and methods are ours and never start like a formula; names
    # and reasons (which quote candidates and suggestions) may.
    if match is not None:
        return _matched(match.id, match.name, match.type, score, method)
    return RowResult("", "", "", score, resolution.status, method, neutralize(_reason(resolution)))


def sure_match(entity: Entity, score: float, method: str) -> RowResult:
    """The cells of a value that names `entity` by a name at `score`, as from_resolution would
    write the pipeline's answer for it."""
    return _matched(entity.id, entity.name, entity.type, _score(score), method)


def _score(score: float) -> str:
    return f"{score:.4f}"


def _matched(id: str, name: str, type: str, score: str, method: str) -> RowResult:
    return RowResult(id, neutralize(name), type, score, "matched", method, "")


def _reason(resolution: Resolution) -> str:
    shown = resolution.candidates[:MAX_REASON_CANDIDATES]
    if resolution.status == "ambiguous":
        return "ambiguous: " + ", ".join(f"{c.id} ({c.score:.2f})" for c in shown)
    parts = []
    if shown:
        parts.append(f"closest: {shown[0].id} ({shown[0].score:.2f})")
    if resolution.suggestion is not None:
        parts.append(f"suggestion: {resolution.suggestion.text}")
    return "; ".join(parts) or "no candidate"
