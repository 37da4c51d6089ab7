"""Where a view finds the service the app was built with, and how it answers JSON fast."""

from __future__ import annotations

import json
from contextlib import suppress
from typing import Any

from flask import Response, current_app

from normalizer.service import Normalizer

EXTENSION = "normalizer"
RESULT_JSON = "normalizer.result_json"


def service() -> Normalizer:
    """The Normalizer of the current app (create_app puts it in app.extensions)."""
    return current_app.extensions[EXTENSION]  # type: ignore[no-any-return]


def json_response(payload: Any, status: int = 200) -> Response:
    """A JSON response from plain data; views build it from `to_dict`, skipping schema dumps
    (the response schemas document the same shapes for /openapi.json)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return current_app.response_class(body, status=status, mimetype="application/json")


class ResultJson:
    """The JSON text of recent results, kept by identity.

    The service's cache hands back the very same Resolution object for a repeated query, so its
    JSON need not be built again: to_dict + dumps is most of a cached resolve over HTTP. Holding
    the object keeps its id from being reused; a refreshed index makes new objects, so nothing
    stale is served. First in, first out: a hit costs one dict lookup.
    """

    def __init__(self, size: int = 16384):
        self.size = size
        self.entries: dict[int, tuple[object, str]] = {}

    def __call__(self, result: Any) -> str:
        hit = self.entries.get(id(result))
        if hit is not None and hit[0] is result:
            return hit[1]
        text = json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":"))
        self.entries[id(result)] = (result, text)
        if len(self.entries) > self.size:
            with suppress(KeyError, RuntimeError, StopIteration):  # another thread evicted first
                del self.entries[next(iter(self.entries))]
        return text


def result_json() -> ResultJson:
    """The app's ResultJson, made on first use."""
    cache = current_app.extensions.get(RESULT_JSON)
    if cache is None:
        cache = current_app.extensions[RESULT_JSON] = ResultJson()
    return cache  # type: ignore[no-any-return]


def json_text_response(body: str, status: int = 200) -> Response:
    return current_app.response_class(body, status=status, mimetype="application/json")
