"""Whole query batches in, whole result batches out, in each version's shape.

A batch's envelope must be right (else the request is refused), but each query is answered on
its own: a bad one (unknown field, a cell longer than the service reads) gets no candidates and
an `error` {"path", "message"} under its key, and the rest of the batch is answered as usual.
OpenRefine sends batches of 10 and leaves every cell of a refused batch unreconciled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from normalizer.recon.candidates import reconcile
from normalizer.recon.errors import ReconError
from normalizer.recon.queries import (
    ReconQuery,
    load_json,
    parse_v02_batch,
    parse_v02_query,
    parse_v10_query,
    v02_items,
    v10_items,
)
from normalizer.service import Normalizer

Parser = Callable[[str, Any], ReconQuery]


def reconcile_v02(service: Normalizer, queries: str) -> dict[str, Any]:
    """The `queries` parameter of a 0.1/0.2 request (JSON text) -> {key: {"result": [...]}}."""
    items = v02_items(load_json(queries, "queries"), service.settings.max_batch)
    return {key: _answer(service, parse_v02_query, key, raw, "result") for key, raw in items}


def reconcile_single(service: Normalizer, query: str) -> dict[str, Any]:
    """The 0.1 `query` parameter: one query, as a JSON object or a bare name -> {"result": [...]}."""
    text = query.strip()
    parsed = load_json(text, "query") if text.startswith("{") else query
    batch = parse_v02_batch({"query": parsed}, service.settings.max_batch)
    return {"result": reconcile(service, batch[0])}


def reconcile_v10(service: Normalizer, body: Any) -> dict[str, Any]:
    """A parsed 1.0-draft body {"queries": [...]} -> {"results": [{"candidates": [...]}]}."""
    items = v10_items(body, service.settings.max_batch)
    return {"results": [_answer(service, parse_v10_query, key, raw, "candidates") for key, raw in items]}


def _answer(service: Normalizer, parse: Parser, key: str, raw: Any, field: str) -> dict[str, Any]:
    """One query's answer, {field: candidates}; a bad query gets [] and its error beside them."""
    try:
        return {field: reconcile(service, parse(key, raw))}
    except ReconError as exc:
        return {field: [], "error": {"path": exc.path, "message": str(exc)}}
