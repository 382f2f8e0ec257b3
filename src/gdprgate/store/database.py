"""Opening, migrating and closing the store."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError as AlembicError

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
    # turns short write contention into a wait instead of an error. Secure
    # delete overwrites deleted rows, so that retention and erasure leave no
    # bytes of them in the file.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def normalize_url(url: str) -> str:
    """``url`` with the psycopg 3 driver named for plain PostgreSQL URLs.

    ``postgres://`` and ``postgresql://`` (as libpq and most hosting
    providers write them) both mean PostgreSQL through psycopg 3.
    """
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _engine(url: str) -> sa.Engine:
    if url.startswith("postgresql"):
        # A pool per process; each replica keeps a few connections open.
        return sa.create_engine(
            url, pool_pre_ping=True, pool_size=8, max_overflow=8, pool_timeout=30
        )
    return sa.create_engine(url, pool_pre_ping=True)


class Database:
    """One store: an engine plus its migrations. ``close()`` is idempotent."""

    def __init__(self, url: str) -> None:
        self.url = normalize_url(url)
        try:
            self.engine = _engine(self.url)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as exc:
            msg = "cannot open the store: check GDPRGATE_DATABASE_URL"
            raise StoreError(msg) from exc
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _on_sqlite_connect)
        self._closed = False

    @classmethod
    def for_data_dir(cls, data_dir: Path, url: str | None = None) -> Database:
        """The configured store, or SQLite inside ``data_dir`` by default.

        ``data_dir`` is created (mode 0700) either way: key files and logs
        live there even when the store is PostgreSQL.
        """
        _private_dir(data_dir)
        if url is None:
            _private_file(data_dir / SQLITE_FILE)
            url = sqlite_url(data_dir)
        return cls(url)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def reclaim(self, tables: list[str]) -> None:
        """Make deleted rows unrecoverable from the database files.

        SQLite overwrites deleted rows already (``secure_delete``); here its
        write-ahead log, which still holds the old pages, is folded into the
        database and emptied. PostgreSQL vacuums the tables, which removes
        the dead row versions.
        """
        if self.dialect == "sqlite":
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return
        with self.engine.connect().execution_options(
            isolation_level="AUTOCOMMIT"
        ) as connection:
            for table in tables:
                quoted = self.engine.dialect.identifier_preparer.quote(table)
                connection.exec_driver_sql(f"VACUUM {quoted}")

    @contextmanager
    def snapshot(self) -> Iterator[sa.Connection]:
        """A read-only connection that sees one consistent state throughout,
        while writers go on (a repeatable-read transaction on PostgreSQL,
        a read transaction on SQLite)."""
        if self.dialect == "postgresql":
            with (
                self.engine.connect().execution_options(
                    isolation_level="REPEATABLE READ"
                ) as connection,
                connection.begin(),
            ):
                yield connection
            return
        with self.engine.connect() as connection:
            # The sqlite3 module opens no transaction for reads by itself.
            connection.exec_driver_sql("BEGIN")
            try:
                yield connection
            finally:
                connection.exec_driver_sql("ROLLBACK")

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
        except AlembicError as exc:
            # A revision this version does not know: a newer gdprgate wrote
            # the store, or it is not a gdprgate store at all.
            msg = (
                "the store was written by another version of gdprgate (unknown "
                "schema revision); use that version or a newer one"
            )
            raise StoreError(msg) from exc
        logger.info("store ready", extra={"dialect": self.engine.dialect.name})

    def current_revision(self) -> str | None:
        """The revision the database is at (``None`` before the first upgrade)."""
        try:
            with self.engine.connect() as connection:
                context = MigrationContext.configure(connection)
                return context.get_current_revision()
        except sa.exc.SQLAlchemyError as exc:
            msg = "cannot read the store: is the database reachable?"
            raise StoreError(msg) from exc

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
