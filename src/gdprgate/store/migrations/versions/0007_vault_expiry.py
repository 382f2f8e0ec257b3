"""Vault: when a value's retention period ends.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("vault_entries") as batch:
        batch.add_column(
            sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch.create_index("ix_vault_entries_expires_at", ["expires_at"])


def downgrade() -> None:
    with op.batch_alter_table("vault_entries") as batch:
        batch.drop_index("ix_vault_entries_expires_at")
        batch.drop_column("expires_at")
