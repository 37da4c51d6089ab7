"""The key that signs the UI's session cookies: NORMALIZER_SECRET_KEY, else a random key kept in a
file under ./var, so that every worker of one deployment (and a restart) signs with the same key."""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

KEY_FILE = Path("var") / "ui_secret_key"
MIN_KEY_CHARS = 32


def secret_key(configured: str, path: Path = KEY_FILE) -> str:
    """The configured key when there is one, else the key stored at `path`, created once.

    Creation is atomic (a private temporary file hard-linked into place), so workers starting
    together agree on one key. The file is readable by its owner only.
    """
    if configured:
        return configured
    for _ in range(50):
        found = _read(path)
        if found:
            return found
        _create(path)
    raise RuntimeError(f"cannot read or create the UI secret key at {path}")


def _read(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    if len(text) >= MIN_KEY_CHARS:
        return text
    time.sleep(0.01)  # another process may be writing it: look again
    return None


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_urlsafe(48) + "\n")
        with contextlib.suppress(FileExistsError):  # another worker won: its key is the key
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
