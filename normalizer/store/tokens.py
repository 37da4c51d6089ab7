"""API tokens: only a SHA-256 of each token is stored; the token itself is shown once."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from sqlalchemy import Engine, Table, insert, select, update
from sqlalchemy.exc import IntegrityError

from normalizer.store.changes import now
from normalizer.store.engine import Writing
from normalizer.store.errors import TokenExists, TokenNotFound
from normalizer.store.records import TokenInfo, utc
from normalizer.store.tables import TokenRow

TOKENS: Table = TokenRow.__table__  # type: ignore[assignment]

ROLES = ("viewer", "editor", "admin")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _info(row: Any) -> TokenInfo:
    return TokenInfo(row.name, row.role, utc(row.created), utc(row.revoked) if row.revoked else None)


class TokenStore:
    def __init__(self, engine: Engine, writing: Writing):
        self.engine = engine
        self.writing = writing

    def create(self, name: str, role: str) -> str:
        """A new token for `name` with `role`; returns the token (never stored). Raises TokenExists."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        token = secrets.token_urlsafe(32)
        try:
            with self.writing() as conn:
                if conn.execute(select(TokenRow.id).where(TokenRow.name == name)).first():
                    raise TokenExists(name)
                conn.execute(insert(TokenRow).values(name=name, role=role, hash=token_hash(token),
                                                     created=now()))
        except IntegrityError:  # a concurrent create of the same name committed first
            raise TokenExists(name) from None
        return token

    def list(self) -> list[TokenInfo]:
        with self.engine.connect() as conn:
            return [_info(r) for r in conn.execute(select(TOKENS).order_by(TOKENS.c.name))]

    def revoke(self, name: str) -> None:
        with self.writing() as conn:
            done = conn.execute(update(TokenRow).where(TokenRow.name == name, TokenRow.revoked.is_(None))
                                .values(revoked=now()))
            known = conn.execute(select(TokenRow.id).where(TokenRow.name == name)).first()
            if done.rowcount == 0 and not known:
                raise TokenNotFound(name)

    def active_role(self, name: str) -> str | None:
        """The role of the token named `name`, or None if there is none or it was revoked (one
        indexed look-up: the UI checks its signed-in editor with it on every request)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(TokenRow.role, TokenRow.revoked).where(TokenRow.name == name)).first()
        return row.role if row is not None and row.revoked is None else None

    def authenticate(self, token: str) -> TokenInfo | None:
        """The token's owner and role, or None for an unknown or revoked token."""
        with self.engine.connect() as conn:
            row = conn.execute(select(TOKENS).where(TOKENS.c.hash == token_hash(token))).first()
        return _info(row) if row is not None and row.revoked is None else None
