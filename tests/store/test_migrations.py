"""The migrated database matches the schema the code uses."""

from __future__ import annotations

import stat
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from gdprgate.store import Database, metadata


def test_migrations_produce_the_declared_schema(data_dir: Path) -> None:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    db.close()
    assert diff == []


def test_upgrade_is_idempotent_and_reaches_head(data_dir: Path) -> None:
    db = Database.for_data_dir(data_dir)
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
