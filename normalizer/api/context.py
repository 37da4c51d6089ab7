"""Where a view finds the service the app was built with, and how it answers JSON fast."""

from __future__ import annotations

import json
from typing import Any

from flask import Response, current_app

from normalizer.service import Normalizer

EXTENSION = "normalizer"


def service() -> Normalizer:
    """The Normalizer of the current app (create_app puts it in app.extensions)."""
    return current_app.extensions[EXTENSION]  # type: ignore[no-any-return]


def json_response(payload: Any, status: int = 200) -> Response:
    """A JSON response from plain data; views build it from `to_dict`, skipping schema dumps
    (the response schemas document the same shapes for /openapi.json)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return current_app.response_class(body, status=status, mimetype="application/json")
