"""Change marks: a counter the database moves on every change of a table.

A process that keeps a copy of a small table (the active processing blocks,
the API keys it has seen) reads one counter per request instead of the
table, and reads the table again only when the counter moved. Triggers move
it, so every writer counts: another worker, a replica, the CLI, or SQL typed
by hand.

Revision ID: 0301
Revises: 0201
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0301"
down_revision = "0201"
branch_labels = None
depends_on = None

# Tables whose every change moves their mark.
WATCHED = ("api_keys", "processing_blocks")


def upgrade() -> None:
    marks = op.create_table(
        "change_marks",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(marks, [{"name": table, "version": 0} for table in WATCHED])
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()


def _sqlite_triggers() -> None:
    # Names come from WATCHED above, never from outside.
    bump = "UPDATE change_marks SET version = version + 1 WHERE name = '{}'"
    for table in WATCHED:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_{event.lower()}_mark AFTER {event} "
                f"ON {table} BEGIN {bump.format(table)}; END"
            )


def _postgresql_triggers() -> None:
    # The marks table is named with the changed table's own schema, so a
    # temporary "change_marks" of the writing session cannot take the update.
    op.execute(
        "CREATE FUNCTION gdprgate_change_mark() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN EXECUTE format('UPDATE %I.change_marks SET version = "
        "version + 1 WHERE name = $1', TG_TABLE_SCHEMA) USING TG_TABLE_NAME; "
        "RETURN NULL; END $$"
    )
    for table in WATCHED:
        op.execute(
            f"CREATE TRIGGER {table}_mark AFTER INSERT OR UPDATE OR DELETE "
            f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
            "EXECUTE FUNCTION gdprgate_change_mark()"
        )
        # ALWAYS: also in sessions with session_replication_role = replica
        # (logical replication, pg_restore --disable-triggers).
        op.execute(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_mark")


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in WATCHED:
        if postgresql:
            op.execute(f"DROP TRIGGER {table}_mark ON {table}")
        else:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER {table}_{event}_mark")
    if postgresql:
        op.execute("DROP FUNCTION gdprgate_change_mark()")
    op.drop_table("change_marks")
