"""Review items keep where they were seen: a snippet of the text and the client that sent it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review") as batch:
        batch.add_column(sa.Column("snippet", sa.Text))
        batch.add_column(sa.Column("client", sa.String(200)))


def downgrade() -> None:
    with op.batch_alter_table("review") as batch:
        batch.drop_column("client")
        batch.drop_column("snippet")
