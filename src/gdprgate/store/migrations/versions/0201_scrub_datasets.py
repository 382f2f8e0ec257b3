"""Datasets: scrubbed training data sets and their subject index.

Revision ID: 0201
Revises: 0102
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0201"
down_revision = "0102"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scrub_datasets",
        sa.Column("dataset_id", sa.String(128), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("purpose", sa.String(128), nullable=True),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("output", sa.String(1024), nullable=False),
        sa.Column("records_in", sa.Integer, nullable=False),
        sa.Column("records_out", sa.Integer, nullable=False),
        sa.Column("rejected", sa.Integer, nullable=False),
        sa.Column("records_touched", sa.Integer, nullable=False),
        sa.Column("entity_counts", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "scrub_subjects",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("blind_index", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(64), nullable=False),
        sa.Column("dataset_id", sa.String(128), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("source", sa.String(512), nullable=False),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(
            ["dataset_id", "version"],
            ["scrub_datasets.dataset_id", "scrub_datasets.version"],
            name="fk_scrub_subjects_dataset",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_scrub_subjects_lookup", "scrub_subjects", ["tenant", "blind_index"]
    )


def downgrade() -> None:
    op.drop_index("ix_scrub_subjects_lookup", table_name="scrub_subjects")
    op.drop_table("scrub_subjects")
    op.drop_table("scrub_datasets")
