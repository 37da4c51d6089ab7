"""A name's `source` is text of any length: curated names cite article URLs longer than 100
characters, which PostgreSQL refused (SQLite never checked), so the gazetteer did not load there.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("names") as batch:
        batch.alter_column("source", type_=sa.Text, existing_type=sa.String(100), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("names") as batch:
        batch.alter_column("source", type_=sa.String(100), existing_type=sa.Text, existing_nullable=False)
