"""Whole query batches in, whole result batches out, in each version's shape."""

from __future__ import annotations

from typing import Any

from normalizer.recon.candidates import reconcile
from normalizer.recon.queries import load_json, parse_v02_batch, parse_v10_batch
from normalizer.service import Normalizer


def reconcile_v02(service: Normalizer, queries: str) -> dict[str, Any]:
    """The `queries` parameter of a 0.1/0.2 request (JSON text) -> {key: {"result": [...]}}."""
    batch = parse_v02_batch(load_json(queries, "queries"), service.settings.max_batch)
    return {q.key: {"result": reconcile(service, q)} for q in batch}


def reconcile_single(service: Normalizer, query: str) -> dict[str, Any]:
    """The 0.1 `query` parameter: one query, as a JSON object or a bare name -> {"result": [...]}."""
    text = query.strip()
    parsed = load_json(text, "query") if text.startswith("{") else query
    batch = parse_v02_batch({"query": parsed}, service.settings.max_batch)
    return {"result": reconcile(service, batch[0])}


def reconcile_v10(service: Normalizer, body: Any) -> dict[str, Any]:
    """A parsed 1.0-draft body {"queries": [...]} -> {"results": [{"candidates": [...]}]}."""
    batch = parse_v10_batch(body, service.settings.max_batch)
    return {"results": [{"candidates": reconcile(service, q)} for q in batch]}
