"""Who sent a request, for the review queue: the token's name when the request was authenticated,
else the first product of its User-Agent ("OpenRefine/3.6.2"), with the route it came by."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from flask import Flask, g, request

from normalizer.service import seen_by

ROUTE_PREFIXES = ("/v1/resolve", "/v1/extract", "/v1/csv", "/reconcile", "/ui")


def client() -> str | None:
    token = g.get("normalizer_token")  # looked up by the auth hook when the route needs a token
    agent = request.headers.get("User-Agent", "").split(" ")[0][:100]
    who = f"token {token.name}" if token is not None else agent
    route = next((p for p in ROUTE_PREFIXES if request.path.startswith(p)), None)
    return " · ".join(part for part in (who, route) if part) or None


def install_seen(app: Flask) -> None:
    """Queries resolved while a request is answered are recorded as sent by its client."""

    @app.before_request
    def enter() -> None:
        block: AbstractContextManager[Any] = seen_by(client())
        block.__enter__()
        g.normalizer_seen = block

    @app.teardown_request
    def leave(_: BaseException | None) -> None:
        block = g.pop("normalizer_seen", None)
        if block is not None:
            block.__exit__(None, None, None)
