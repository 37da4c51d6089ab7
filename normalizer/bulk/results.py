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

from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter
from typing import NamedTuple, Protocol

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


class Sure(Protocol):
    """The entity and score resolve is certain to match a value with, by an exact name."""

    @property
    def entity(self) -> Entity: ...

    @property
    def score(self) -> float: ...

    @property
    def method(self) -> str: ...


def sure_match(entity: Entity, score: float, method: str) -> RowResult:
    """The cells of a value that names `entity` by a name at `score`, as from_resolution would
    write the pipeline's answer for it."""
    return _matched(entity.id, entity.name, entity.type, _score(score), method)


# The text of a matched row (answer) when no cell needs quotes: a comma before each cell.
_MATCHED_TEXT = ",{},{},{},{},matched,{},".format
_COMMAS = len(RESULT_COLUMNS)
_ENTITY, _SCORE, _METHOD = attrgetter("entity"), attrgetter("score"), attrgetter("method")
_ID, _NAME, _TYPE = attrgetter("id"), attrgetter("name"), attrgetter("type")
_score = "{:.4f}".format  # a score's cell


def sure_answers(sures: Sequence[Sure]) -> list[Answer]:
    """answer(sure_match(...)) of each, made in C-level passes over them all: a job over a
    million distinct names makes a million (measured: making them one by one in Python was 12 %
    of its time). The few whose cells need quotes or whose name starts like a formula are made
    one by one."""
    entities = list(map(_ENTITY, sures))
    ids, names, types = list(map(_ID, entities)), list(map(_NAME, entities)), list(map(_TYPE, entities))
    scores, methods = list(map(_score, map(_SCORE, sures))), list(map(_METHOD, sures))
    texts = list(map(_MATCHED_TEXT, ids, names, types, scores, methods))
    answers = list(zip(ids, names, types, scores, repeat("matched"), methods, repeat(""), texts))
    for i in _needing_care(names, texts):
        answers[i] = answer(sure_match(entities[i], sures[i].score, sures[i].method))
    return answers


def _needing_care(names: list[str], texts: list[str]) -> list[int]:
    """The positions whose name starts like a formula, or whose text is not its cells joined
    with commas as csv.writer writes them (a quote, a line break or a comma in a cell). Looked
    for in all at once first: nearly every batch has none."""
    joined = "".join(texts)
    if ('"' not in joined and "\r" not in joined and "\n" not in joined
            and joined.count(",") == _COMMAS * len(texts)
            and not any(map(str.startswith, names, repeat(FORMULA_STARTS)))):
        return []
    return [i for i, (name, text) in enumerate(zip(names, texts, strict=True))
            if name.startswith(FORMULA_STARTS) or text.count(",") != _COMMAS
            or '"' in text or "\r" in text or "\n" in text]


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
