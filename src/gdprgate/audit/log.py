"""The audit log: one row per gateway request, never a raw value."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from gdprgate.store import Database, audit_events

logger = logging.getLogger("gdprgate.audit")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """What happened in one request: ids, counts, types, tokens, timings.

    ``entity_counts`` counts what was found in the request; ``output_counts``
    counts personal data the model produced itself and the output rule caught.
    """

    request_id: str
    tenant: str
    route: str
    status: int
    outcome: str
    latency_ms: float
    model: str | None = None
    stream: bool = False
    upstream_ms: float | None = None
    entity_counts: Mapping[str, int] = field(default_factory=dict)
    output_counts: Mapping[str, int] = field(default_factory=dict)
    tokens: Sequence[str] = ()
    key_id: str | None = None
    purpose: str | None = None
    ts: datetime = field(default_factory=lambda: datetime.now(UTC))

    def as_row(self) -> dict[str, Any]:
        """The entry as a row of ``audit_events``."""
        return {
            "ts": self.ts,
            "request_id": self.request_id,
            "tenant": self.tenant,
            "route": self.route,
            "model": self.model,
            "stream": self.stream,
            "status": self.status,
            "outcome": self.outcome,
            "latency_ms": round(self.latency_ms, 3),
            "upstream_ms": (
                None if self.upstream_ms is None else round(self.upstream_ms, 3)
            ),
            "entity_counts": dict(sorted(self.entity_counts.items())),
            "output_counts": dict(sorted(self.output_counts.items())),
            "tokens": sorted(self.tokens),
            "key_id": self.key_id,
            "purpose": self.purpose,
        }


class AuditLog:
    """Appends entries to, and reads them back from, the store."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def append(self, entry: AuditEntry) -> None:
        """Write one entry in its own transaction."""
        with self._db.engine.begin() as connection:
            connection.execute(sa.insert(audit_events), entry.as_row())

    def entries(self, request_id: str | None = None) -> Iterator[AuditEntry]:
        """Entries in the order they were written (optionally of one request)."""
        query = sa.select(audit_events).order_by(audit_events.c.id)
        if request_id is not None:
            query = query.where(audit_events.c.request_id == request_id)
        with self._db.engine.connect() as connection:
            for row in connection.execute(query):
                yield _entry_from_row(row)


def _entry_from_row(row: sa.Row[Any]) -> AuditEntry:
    ts = row.ts if row.ts.tzinfo else row.ts.replace(tzinfo=UTC)
    return AuditEntry(
        request_id=row.request_id,
        tenant=row.tenant,
        route=row.route,
        status=row.status,
        outcome=row.outcome,
        latency_ms=row.latency_ms,
        model=row.model,
        stream=row.stream,
        upstream_ms=row.upstream_ms,
        entity_counts=dict(row.entity_counts),
        output_counts=dict(row.output_counts or {}),
        tokens=list(row.tokens),
        key_id=row.key_id,
        purpose=row.purpose,
        ts=ts,
    )
