"""Audit entries for reviewers: JSON Lines or CSV, with their chain hashes.

Each record carries its position and both hashes, so that a reviewer can
re-check the links of an exported range without access to the database.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from gdprgate.audit.log import AuditLog, entry_from_row, utc
from gdprgate.store.schema import audit_events

FORMATS = ("jsonl", "csv")
COLUMNS = (
    "seq",
    "ts",
    "request_id",
    "tenant",
    "key_id",
    "purpose",
    "route",
    "model",
    "stream",
    "status",
    "outcome",
    "latency_ms",
    "upstream_ms",
    "entity_counts",
    "output_counts",
    "tokens",
    "details",
    "prev_hash",
    "entry_hash",
)


def records(
    log: AuditLog, *, since: datetime | None = None, until: datetime | None = None
) -> Iterator[dict[str, Any]]:
    """Entries from ``since`` (inclusive) to ``until`` (exclusive), in order."""
    query = sa.select(audit_events).order_by(audit_events.c.seq)
    if since is not None:
        query = query.where(audit_events.c.ts >= utc(since))
    if until is not None:
        query = query.where(audit_events.c.ts < utc(until))
    with log.db.engine.connect() as connection:
        for row in connection.execution_options(yield_per=500).execute(query):
            record = entry_from_row(row).content()
            record.update(
                seq=row.seq, prev_hash=row.prev_hash, entry_hash=row.entry_hash
            )
            yield {column: record.get(column) for column in COLUMNS}


def render(rows: Iterable[dict[str, Any]], fmt: str) -> Iterator[str]:
    """``rows`` as lines of ``fmt`` (``jsonl`` or ``csv``, with a header)."""
    if fmt == "jsonl":
        for row in rows:
            yield json.dumps(row, sort_keys=False, ensure_ascii=False) + "\n"
        return
    if fmt != "csv":
        msg = f"unknown export format; use one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    yield _csv_line(COLUMNS)
    for row in rows:
        yield _csv_line([_cell(row[column]) for column in COLUMNS])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    return str(value).lower() if isinstance(value, bool) else str(value)


def _csv_line(values: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()
