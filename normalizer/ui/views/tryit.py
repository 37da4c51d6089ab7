"""Try it: resolve one name, or extract the mentions of a pasted paragraph and highlight them."""

from __future__ import annotations

from flask import request

from normalizer.service import InvalidQuery
from normalizer.ui.blueprint import bp, page
from normalizer.ui.highlight import segments
from normalizer.ui.session import service

MAX_PASTE = 100_000


@bp.get("/try")
def tryit() -> tuple[str, int]:
    q = request.args.get("q", "").strip()
    if not q:
        return page("tryit.html", q="", text="", result=None, extraction=None, error=None)
    try:
        result = service().resolve(q, limit=5)
    except InvalidQuery as exc:
        return page("tryit.html", 422, q=q, text="", result=None, extraction=None, error=str(exc))
    return page("tryit.html", q=q, text="", result=result, extraction=None, error=None)


@bp.post("/try")
def try_extract() -> tuple[str, int]:
    text = request.form.get("text", "")
    if len(text) > MAX_PASTE:
        return page("tryit.html", 413, q="", text=text[:MAX_PASTE], result=None, extraction=None,
                    error=f"paste at most {MAX_PASTE} characters")
    try:
        found = service().extract(text)
    except InvalidQuery as exc:
        return page("tryit.html", 422, q="", text=text, result=None, extraction=None, error=str(exc))
    return page("tryit.html", q="", text=text, result=None, error=None,
                extraction={"segments": segments(text, [*found.mentions, *found.unlinked]),
                            "mentions": found.mentions, "unlinked": found.unlinked})
