"""Leaving no copy of deleted rows in the files of an SQLite store.

SQLite keeps deleted bytes in free pages, in the free space of pages and in
the write-ahead log. After an erasure the store is rebuilt (``VACUUM``) and
the log is checkpointed and truncated, so the deleted rows are in no file.
PostgreSQL reclaims dead rows with its own ``VACUUM``; the bytes may stay on
disk until reused (see docs/rights.md, Limits).
"""

from __future__ import annotations

import logging
import time

import sqlalchemy as sa

from gdprgate.errors import StoreError
from gdprgate.store import Database

logger = logging.getLogger("gdprgate.rights")

CHECKPOINT_TRIES = 20
CHECKPOINT_PAUSE = 0.1


def scrub_store(db: Database) -> None:
    """Rebuild an SQLite store and empty its log; nothing to do elsewhere."""
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.connect() as connection:
        auto = connection.execution_options(isolation_level="AUTOCOMMIT")
        auto.exec_driver_sql("PRAGMA secure_delete=ON")
        auto.exec_driver_sql("VACUUM")
        for _ in range(CHECKPOINT_TRIES):
            busy = auto.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
            if busy is not None and busy[0] == 0:
                return
            time.sleep(CHECKPOINT_PAUSE)  # a reader still holds the log
    msg = "the store's log could not be emptied after an erasure: retry when idle"
    raise StoreError(msg)


def secure_delete(connection: sa.Connection) -> None:
    """Have SQLite overwrite what this connection deletes."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete=ON")
