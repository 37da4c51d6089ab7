"""Entities get a prominence (ties between namesakes), names a `generated` mark (layer readings).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("prominence", sa.Float))
    with op.batch_alter_table("names") as batch:
        batch.add_column(sa.Column("generated", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("names") as batch:
        batch.drop_column("generated")
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("prominence")
