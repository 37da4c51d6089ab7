"""The tables, as typed SQLAlchemy declarative models. Migrations (migrations/versions) create them;
these classes are what the repository code queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class EntityRow(Base):
    """One entity; `revision` counts its changes, `loaded_hash` is the hash of the YAML version last
    imported (so a later load can tell whether editors changed it since)."""

    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(200))
    prominence: Mapped[float | None] = mapped_column(Float)
    external_ids: Mapped[Any] = mapped_column(JSON)
    roles: Mapped[Any] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into: Mapped[str | None] = mapped_column(String(200))
    file: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer)
    loaded_hash: Mapped[str | None] = mapped_column(String(64))
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class NameRow(Base):
    """One name of an entity; the id is stable while the name is unchanged (DELETE .../names/<id>)."""

    __tablename__ = "names"
    __table_args__ = (Index("ix_names_entity", "entity_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20))
    family: Mapped[str | None] = mapped_column(Text)
    used_by: Mapped[Any] = mapped_column(JSON)
    ambiguous: Mapped[bool] = mapped_column(Boolean, default=False)
    generated: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(Text)  # an article URL may be long (migration 0004)


class AuditRow(Base):
    """One accepted change: who, when, the diff and the entity as it was after the change.
    `seq` is the gazetteer revision the change produced: the cursor of GET /v1/changes."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_entity", "entity_id", "revision"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    entity_id: Mapped[str] = mapped_column(String(200))
    revision: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    diff: Mapped[Any] = mapped_column(JSON)
    snapshot: Mapped[Any] = mapped_column(JSON)


class TokenRow(Base):
    __tablename__ = "tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ReviewRow(Base):
    """A query the service could not settle, counted by its normalized key."""

    __tablename__ = "review"
    __table_args__ = (Index("ix_review_state_count", "state", "count"),)
    key: Mapped[str] = mapped_column(String(1000), primary_key=True)
    example: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer)
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    statuses: Mapped[Any] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20))
    settled_as: Mapped[Any] = mapped_column(JSON)
    snippet: Mapped[str | None] = mapped_column(Text)  # the text around the name, when it came in a text
    client: Mapped[str | None] = mapped_column(String(200))  # who sent it: a token's name or a user agent


class MetaRow(Base):
    """Key -> integer; `gazetteer_revision` moves with every change (workers poll it to refresh)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
