"""Datasets: a scrub run's register row says when the run finished.

A run registers its version before it indexes records and writes its counts
at the end. A run killed in between (SIGKILL, power loss) cannot clean up;
``finished_at`` stays empty and look-ups leave that version out. Rows from
before this revision were finished unless they hold subjects but no records
(the counts of a finished run with subjects are never 0).

Revision ID: 0202
Revises: 0301
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0202"
down_revision = "0301"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "scrub_datasets",
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    )
    datasets = sa.table(
        "scrub_datasets",
        sa.column("dataset_id", sa.String),
        sa.column("version", sa.Integer),
        sa.column("records_in", sa.Integer),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("finished_at", sa.DateTime(timezone=True)),
    )
    subjects = sa.table(
        "scrub_subjects",
        sa.column("dataset_id", sa.String),
        sa.column("version", sa.Integer),
    )
    has_subjects = (
        sa.select(subjects.c.dataset_id)
        .where(
            subjects.c.dataset_id == datasets.c.dataset_id,
            subjects.c.version == datasets.c.version,
        )
        .exists()
    )
    op.execute(
        sa.update(datasets)
        .where(sa.not_(sa.and_(datasets.c.records_in == 0, has_subjects)))
        .values(finished_at=datasets.c.created_at)
    )


def downgrade() -> None:
    with op.batch_alter_table("scrub_datasets") as batch:
        batch.drop_column("finished_at")
