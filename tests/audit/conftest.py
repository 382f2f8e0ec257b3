"""An audit log on each backend, with a signing key in the test's data dir."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from gdprgate.audit import AuditEntry, AuditLog, load_signer
from gdprgate.store import Database

START = datetime(2030, 1, 1, 8, 0, tzinfo=UTC)


def entry(
    number: int, *, purpose: str | None = "support", **fields: object
) -> AuditEntry:
    """A fictional request entry: ids, counts and tokens only."""
    values: dict[str, object] = {
        "request_id": f"req_{number:04d}",
        "tenant": "acme",
        "route": "/v1/chat/completions",
        "status": 200,
        "outcome": "ok",
        "latency_ms": 12.5 + number,
        "model": "m",
        "entity_counts": {"PERSON": 1},
        "tokens": [f"<PERSON_{number:04x}>"],
        "key_id": "0123456789abcdef",
        "purpose": purpose,
        "ts": START + timedelta(minutes=number),
    }
    values.update(fields)
    return AuditEntry(**values)  # type: ignore[arg-type]


@pytest.fixture
def log(db: Database, data_dir: Path) -> AuditLog:
    """A log that signs a checkpoint every 5 entries."""
    return AuditLog(db, load_signer(data_dir / "audit-signing.key"), checkpoint_every=5)


@pytest.fixture
def fill(log: AuditLog) -> Callable[[int], None]:
    def write(count: int) -> None:
        for number in range(1, count + 1):
            log.append(entry(number))

    return write


def execute(db: Database, statement: str, **params: object) -> None:
    """Raw SQL, as someone with write access to the database would run it."""
    with db.engine.begin() as connection:
        connection.execute(sa.text(statement), params)
