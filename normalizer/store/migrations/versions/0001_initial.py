"""Initial curation store: entities, names, audit, tokens, review, meta.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("country", sa.String(200)),
        sa.Column("external_ids", sa.JSON, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("merged_into", sa.String(200)),
        sa.Column("file", sa.String(300), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("loaded_hash", sa.String(64)),
        sa.Column("created", TZ, nullable=False),
        sa.Column("updated", TZ, nullable=False),
    )
    op.create_table(
        "names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_id", sa.String(200), sa.ForeignKey("entities.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("lang", sa.String(50), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("family", sa.Text),
        sa.Column("used_by", sa.JSON, nullable=False),
        sa.Column("ambiguous", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(100), nullable=False),
    )
    op.create_index("ix_names_entity", "names", ["entity_id", "position"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("seq", sa.Integer, nullable=False, unique=True),
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("diff", sa.JSON, nullable=False),
        sa.Column("snapshot", sa.JSON, nullable=False),
    )
    op.create_index("ix_audit_entity", "audit", ["entity_id", "revision"])
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created", TZ, nullable=False),
        sa.Column("revoked", TZ),
    )
    op.create_table(
        "review",
        sa.Column("key", sa.String(1000), primary_key=True),
        sa.Column("example", sa.Text, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("first_seen", TZ, nullable=False),
        sa.Column("last_seen", TZ, nullable=False),
        sa.Column("statuses", sa.JSON, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("settled_as", sa.JSON),
    )
    op.create_index("ix_review_state_count", "review", ["state", "count"])
    op.create_table(
        "meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.BigInteger)),
                   [{"key": "gazetteer_revision", "value": 0}])


def downgrade() -> None:
    for table in ("meta", "review", "tokens", "audit", "names", "entities"):
        op.drop_table(table)
