"""Opening, migrating and closing the store."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from gdprgate.errors import StoreError

logger = logging.getLogger("gdprgate.store")

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_FILE = "gdprgate.sqlite3"


def sqlite_url(data_dir: Path) -> str:
    """The URL of the embedded SQLite database inside ``data_dir``."""
    return f"sqlite:///{(data_dir / SQLITE_FILE).resolve()}"


def _private_dir(path: Path) -> None:
    """Create ``path`` readable by its owner only (existing ones are left)."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)


def _private_file(path: Path) -> None:
    """Create an empty database file with mode 0600 before SQLite opens it.

    SQLite gives its -wal and -shm files the mode of the database file.
    """
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the audit writer and readers work at once; the busy timeout
    # turns short write contention into a wait instead of an error.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    """One store: an engine plus its migrations. ``close()`` is idempotent."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = sa.create_engine(url, pool_pre_ping=True)
        except (sa.exc.ArgumentError, ImportError) as exc:
            msg = "cannot open the store: check GDPRGATE_DATABASE_URL"
            raise StoreError(msg) from exc
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _on_sqlite_connect)
        self._closed = False

    @classmethod
    def for_data_dir(cls, data_dir: Path, url: str | None = None) -> Database:
        """The configured store, or SQLite inside ``data_dir`` by default."""
        if url is None:
            _private_dir(data_dir)
            _private_file(data_dir / SQLITE_FILE)
            url = sqlite_url(data_dir)
        return cls(url)

    def _alembic_config(self, connection: sa.Connection) -> Config:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        return config

    def upgrade(self) -> None:
        """Bring the schema to the newest revision."""
        try:
            with self.engine.begin() as connection:
                command.upgrade(self._alembic_config(connection), "head")
        except sa.exc.SQLAlchemyError as exc:
            msg = "cannot migrate the store: is the database reachable and writable?"
            raise StoreError(msg) from exc
        logger.info("store ready", extra={"dialect": self.engine.dialect.name})

    def current_revision(self) -> str | None:
        """The revision the database is at (``None`` before the first upgrade)."""
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def head_revision(self) -> str | None:
        """The newest revision the code knows."""
        with self.engine.connect() as connection:
            config = self._alembic_config(connection)
            return ScriptDirectory.from_config(config).get_current_head()

    def close(self) -> None:
        """Release every pooled connection; safe to call more than once."""
        if not self._closed:
            self.engine.dispose()
            self._closed = True
