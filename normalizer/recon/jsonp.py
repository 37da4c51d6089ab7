"""JSONP for 0.1/0.2 clients (the 1.0 draft dropped it): a GET with `callback=` gets its JSON
wrapped in a call to that function. Only plain JavaScript names are accepted, so the callback
cannot smuggle script into the response."""

from __future__ import annotations

import re

from normalizer.recon.errors import ReconError

CALLBACK = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*")
MAX_CALLBACK = 100


def check_callback(callback: str) -> None:
    """Raise ReconError unless the callback is a dotted JavaScript name."""
    if len(callback) > MAX_CALLBACK or not CALLBACK.fullmatch(callback):
        raise ReconError("callback", "callback must be a JavaScript function name such as jQuery123_456")


def wrap(callback: str, json_text: str) -> str:
    """The script that calls back with the JSON (the comment guards against content sniffing)."""
    check_callback(callback)
    return f"/**/{callback}({json_text});"
