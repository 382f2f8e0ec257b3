"""The migrated database matches the schema the code uses."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from gdprgate.errors import StoreError
from gdprgate.store import Database, metadata


def test_migrations_produce_the_declared_schema(db: Database) -> None:
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []


def test_upgrade_is_idempotent_and_reaches_head(store_url: str) -> None:
    db = Database(store_url)
    assert db.current_revision() is None
    db.upgrade()
    db.upgrade()
    assert db.current_revision() == db.head_revision()
    assert db.head_revision() is not None
    db.close()


def test_sqlite_runs_in_wal_mode(data_dir: Path) -> None:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    with db.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    db.close()
    assert mode == "wal"


def test_plain_postgresql_urls_use_psycopg_3() -> None:
    """libpq-style URLs select the psycopg 3 driver, not psycopg2."""
    for url in ("postgres://u@h/d", "postgresql://u@h/d"):
        assert Database(url).engine.dialect.driver == "psycopg"


def test_unusable_url_is_one_clear_error() -> None:
    with pytest.raises(StoreError, match="GDPRGATE_DATABASE_URL"):
        Database("nosuchdb://somewhere/x")


def test_close_can_be_called_twice(data_dir: Path) -> None:
    db = Database.for_data_dir(data_dir)
    db.close()
    db.close()
    assert db._closed


def test_store_files_are_private(run_dir: Path) -> None:
    data_dir = run_dir / "data" / "private-store"
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    db.close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in data_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name


def test_entries_written_before_the_chain_are_chained_by_the_upgrade(
    store_url: str,
) -> None:
    """Rows from revision 0005 get positions and hashes, oldest first."""
    import sqlalchemy as sa
    from alembic import command

    from gdprgate.audit import AuditLog, verify_chain

    db = Database(store_url)
    with db.engine.begin() as connection:
        command.upgrade(db._alembic_config(connection), "0005")
    old = sa.table(
        "audit_events",
        sa.column("ts", sa.DateTime(timezone=True)),
        sa.column("stream", sa.Boolean),
        *(sa.column(name) for name in ("request_id", "tenant", "route")),
        *(sa.column(name) for name in ("status", "outcome", "latency_ms")),
        *(sa.column(name, sa.JSON) for name in ("entity_counts", "tokens")),
    )
    rows = [
        {
            "ts": datetime(2030, 1, 1, 8, n, tzinfo=UTC),
            "request_id": f"req_old_{n}",
            "tenant": "acme",
            "route": "/v1/chat/completions",
            "stream": False,
            "status": 200,
            "outcome": "ok",
            "latency_ms": 1.5,
            "entity_counts": {"PERSON": n},
            "tokens": [],
        }
        for n in range(3)
    ]
    with db.engine.begin() as connection:
        connection.execute(sa.insert(old), rows)
    db.upgrade()
    log = AuditLog(db)
    log.append(next(log.entries()))
    entries = list(log.entries())
    report = verify_chain(log)
    db.close()
    assert [e.request_id for e in entries] == [
        "req_old_0",
        "req_old_1",
        "req_old_2",
        "req_old_0",
    ]
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert report.ok, report.problems
