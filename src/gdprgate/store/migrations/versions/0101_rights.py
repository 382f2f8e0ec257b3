"""Rights: data-subject requests, events, hook calls, subject links, blocks.

Revision ID: 0101
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0101"
down_revision = "0007"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "rights_requests",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("extended_to", sa.Date, nullable=True),
        sa.Column("extension_reason", sa.String(2000), nullable=True),
        sa.Column("subject_hash", sa.String(64), nullable=True),
        sa.Column("identifiers", sa.JSON, nullable=False),
        sa.Column("purposes", sa.JSON, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("closed_at", _TS, nullable=True),
        sa.Column("notice", sa.LargeBinary, nullable=True),
    )
    op.create_index("ix_rights_requests_status", "rights_requests", ["status"])
    op.create_table(
        "rights_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("ts", _TS, nullable=False),
        sa.Column("event", sa.String(64), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
    )
    op.create_index("ix_rights_events_request", "rights_events", ["request_id"])
    op.create_table(
        "rights_hook_calls",
        sa.Column("request_id", sa.String(32), primary_key=True),
        sa.Column("hook", sa.String(256), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.String(256), nullable=True),
        sa.Column("updated_at", _TS, nullable=False),
    )
    op.create_table(
        "subject_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("subject_hash", sa.String(64), nullable=False),
        sa.Column("request_id", sa.String(64), nullable=False),
        sa.Column("ts", _TS, nullable=False),
        sa.Column("purpose", sa.String(128), nullable=True),
        sa.Column("model", sa.String(256), nullable=True),
        sa.Column("tokens", sa.JSON, nullable=False),
    )
    op.create_index(
        "ix_subject_links_subject", "subject_links", ["tenant", "subject_hash"]
    )
    op.create_table(
        "processing_blocks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("blind_index", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("request_id", sa.String(32), nullable=False),
        sa.Column("purposes", sa.JSON, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("lifted_at", _TS, nullable=True),
    )
    op.create_index(
        "ix_processing_blocks_tenant", "processing_blocks", ["tenant", "blind_index"]
    )


def downgrade() -> None:
    op.drop_table("processing_blocks")
    op.drop_table("subject_links")
    op.drop_table("rights_hook_calls")
    op.drop_table("rights_events")
    op.drop_table("rights_requests")
