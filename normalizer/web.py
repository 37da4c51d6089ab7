"""create_app(settings=None): the WSGI app, wiring the service, the REST API, CORS and errors.

gunicorn calls it directly: `gunicorn "normalizer.web:create_app(warm=True)"` (warm: load in the
master what the first requests would load, so that forked workers share it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from flask_cors import CORS

from normalizer.api import register_api
from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.ui import register_ui

MAX_SYNC_CACHE = 1000
CLIENT_TIMEOUT = "NORMALIZER_CLIENT_TIMEOUT"  # app.config: the server's worker reads it


class App(Flask):
    """Flask, with each view and hook checked for being a coroutine once rather than per request.

    Flask asks `ensure_sync` about every hook of every request (a dozen `inspect` calls for a
    resolve, ~10 % of its CPU); the answer for a function never changes. Bounded, because a
    callback made per request (`after_this_request`) would otherwise fill it.
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._sync: dict[Callable[..., Any], Callable[..., Any]] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        found = self._sync.get(func)
        if found is None:
            found = super().ensure_sync(func)
            if len(self._sync) < MAX_SYNC_CACHE:
                self._sync[func] = found
        return found


# Headers a browser script may read from a cross-origin response.
EXPOSED_HEADERS = ["X-Request-Id", "ETag", "Location"]


def create_app(settings: Settings | None = None, service: Normalizer | None = None,
               warm: bool = False) -> Flask:
    """Build the app. Settings default to the NORMALIZER_* environment; the service to one that
    loads the gazetteer those settings name (tests pass a small one). `warm` loads now what the
    first requests would load (for a server that preloads the app and forks workers)."""
    settings = settings or Settings.from_env()
    app = App("normalizer")
    app.config[CLIENT_TIMEOUT] = settings.client_timeout
    service = service or Normalizer.from_settings(settings)
    if warm:
        service.warm_up()
    register_api(app, service, settings)
    register_ui(app, service, settings)  # the editors' web UI under /ui/
    configure_cors(app, settings.cors_origins)
    return app


def configure_cors(app: Flask, origins: str) -> None:
    """CORS is off unless NORMALIZER_CORS_ORIGINS lists origins (comma separated, or "*")."""
    allowed = [o.strip() for o in origins.split(",") if o.strip()]
    if allowed:
        CORS(app, origins="*" if allowed == ["*"] else allowed, expose_headers=EXPOSED_HEADERS,
             max_age=600)
