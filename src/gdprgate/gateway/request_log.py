"""The one log line of each request: ids, counts, types and timings."""

from __future__ import annotations

from typing import Any

from gdprgate.audit import AuditEntry


def request_fields(entry: AuditEntry) -> dict[str, Any]:
    """The structured fields of a request's log line (never a value or a token)."""
    return {
        "request_id": entry.request_id,
        "tenant": entry.tenant,
        "key_id": entry.key_id,
        "purpose": entry.purpose,
        "route": entry.route,
        "model": entry.model,
        "status": entry.status,
        "outcome": entry.outcome,
        "stream": entry.stream,
        "latency_ms": round(entry.latency_ms, 1),
        "upstream_ms": (
            None if entry.upstream_ms is None else round(entry.upstream_ms, 1)
        ),
        "entities": dict(sorted(entry.entity_counts.items())),
        "output_entities": dict(sorted(entry.output_counts.items())),
        "tokens": len(entry.tokens),
    }
