"""register_ui: mount the editors' UI on the app (create_app calls it)."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, Response, request

import normalizer.ui.views  # noqa: F401  (registers the pages on bp)
from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.ui.blueprint import SIGNIN_REQUIRED, bp
from normalizer.ui.secret import KEY_FILE, secret_key
from normalizer.ui.session import SERVICE, configure_sessions

# No inline script or style, nothing from another origin, never framed (clickjacking).
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


def register_ui(app: Flask, service: Normalizer, settings: Settings, key_file: Path = KEY_FILE) -> None:
    """Serve the UI under /ui/. The session key is NORMALIZER_SECRET_KEY, else a random key kept
    in ./var/ui_secret_key (shared by the workers of one deployment)."""
    app.extensions[SERVICE] = service
    configure_sessions(app, secret_key(settings.secret_key, key_file))
    app.config[SIGNIN_REQUIRED] = settings.read_token_required
    app.register_blueprint(bp)
    app.after_request(_security_headers)


def _security_headers(response: Response) -> Response:
    if request.path.startswith("/ui"):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-store")
    return response
