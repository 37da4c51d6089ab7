"""Search: the server renders the first page; ui.js refreshes the results as the editor types."""

from __future__ import annotations

from flask import request

from normalizer.model import ENTITY_TYPES
from normalizer.ui.blueprint import bp, page
from normalizer.ui.forms import form_int
from normalizer.ui.session import service

PER_PAGE = 20


@bp.get("/")
def search() -> tuple[str, int]:
    q = request.args.get("q", "").strip()[:200]
    type = request.args.get("type") or None
    if type not in ENTITY_TYPES:
        type = None
    current = form_int(request.args.get("page"), 1)
    current = current if 0 < current <= 10_000 else 1
    results = service().search_entities(q or None, type, current, PER_PAGE)
    return page("search.html", q=q, type=type or "", results=results,
                pages=max(1, -(-results.total // PER_PAGE)))

