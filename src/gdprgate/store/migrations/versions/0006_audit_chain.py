"""Audit: hash chain, signed checkpoints, stored payloads.

Entries written before this revision are chained in the order they were
written, so that the whole trail verifies from its first entry.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from gdprgate.audit.chain import GENESIS, entry_hash

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# The audit table as this revision sees it (the code's table may grow later).
_EVENTS = sa.table(
    "audit_events",
    sa.column("id", sa.Integer),
    sa.column("ts", sa.DateTime(timezone=True)),
    sa.column("stream", sa.Boolean),
    sa.column("latency_ms", sa.Float),
    sa.column("upstream_ms", sa.Float),
    sa.column("status", sa.Integer),
    sa.column("seq", sa.BigInteger),
    *(
        sa.column(name, sa.String)
        for name in (
            "request_id", "tenant", "route", "model", "outcome", "key_id",
            "purpose", "prev_hash", "entry_hash",
        )
    ),
    *(
        sa.column(name, sa.JSON)
        for name in ("entity_counts", "output_counts", "tokens", "details")
    ),
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("entry_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("details", sa.JSON, nullable=True))
    last_seq, last_hash = _chain_existing_entries()
    with op.batch_alter_table("audit_events") as batch:
        batch.alter_column("seq", existing_type=sa.BigInteger, nullable=False)
        batch.alter_column("prev_hash", existing_type=sa.String(64), nullable=False)
        batch.alter_column("entry_hash", existing_type=sa.String(64), nullable=False)
        batch.create_unique_constraint("uq_audit_events_seq", ["seq"])

    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("pruned_seq", sa.BigInteger, nullable=False),
        sa.Column("pruned_hash", sa.String(64), nullable=False),
    )
    row = {"id": 1, "seq": last_seq, "entry_hash": last_hash}
    op.bulk_insert(head, [{**row, "pruned_seq": 0, "pruned_hash": GENESIS}])
    op.create_table(
        "audit_checkpoints",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("signature", sa.String(128), nullable=False),
    )
    op.create_table(
        "interaction_payloads",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("request_id", sa.String(64), nullable=False),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("purpose", sa.String(128), nullable=False),
        sa.Column("route", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("request", sa.JSON, nullable=False),
        sa.Column("answer", sa.JSON, nullable=True),
        sa.UniqueConstraint("request_id", name="uq_interaction_payloads_request"),
    )
    op.create_index(
        "ix_interaction_payloads_created_at", "interaction_payloads", ["created_at"]
    )


def _chain_existing_entries() -> tuple[int, str]:
    """Number and chain the entries already there, oldest first."""
    from gdprgate.audit.log import entry_from_row

    connection = op.get_bind()
    rows = connection.execute(sa.select(_EVENTS).order_by(_EVENTS.c.id)).all()
    seq, previous = 0, GENESIS
    for row in rows:
        seq += 1
        entry = entry_from_row(row)
        digest = entry_hash(previous, entry.content())
        connection.execute(
            sa.update(_EVENTS)
            .where(_EVENTS.c.id == row.id)
            .values(seq=seq, prev_hash=previous, entry_hash=digest)
        )
        previous = digest
    return seq, previous


def downgrade() -> None:
    op.drop_index(
        "ix_interaction_payloads_created_at", table_name="interaction_payloads"
    )
    op.drop_table("interaction_payloads")
    op.drop_table("audit_checkpoints")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_constraint("uq_audit_events_seq", type_="unique")
        batch.drop_column("details")
        batch.drop_column("entry_hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
