"""What traffic actually did, read from the audit log over a period."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from gdprgate.audit import AuditEntry

# Purpose of a request refused before it declared one.
NO_PURPOSE = "(none)"


@dataclass
class PurposeTraffic:
    """One purpose's traffic: volumes, types seen, models and tenants."""

    requests: int = 0
    forwarded: int = 0
    not_forwarded: int = 0
    input_entities: Counter[str] = field(default_factory=Counter)
    output_entities: Counter[str] = field(default_factory=Counter)
    models: Counter[str] = field(default_factory=Counter)
    tenants: Counter[str] = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None

    @property
    def entity_types(self) -> list[str]:
        """Every type seen, on the way in or out."""
        return sorted(set(self.input_entities) | set(self.output_entities))


@dataclass
class Observed:
    """Traffic per purpose between ``since`` and ``until`` (``None``: open)."""

    since: datetime | None
    until: datetime | None
    purposes: dict[str, PurposeTraffic] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return sum(p.requests for p in self.purposes.values())

    def of(self, purpose: str) -> PurposeTraffic:
        """The traffic of ``purpose`` (empty when there was none)."""
        return self.purposes.get(purpose, PurposeTraffic())

    def models(self) -> list[str]:
        """Every model actually called, over all purposes."""
        return sorted({m for p in self.purposes.values() for m in p.models})


def observe(
    entries: Iterable[AuditEntry],
    since: datetime | None = None,
    until: datetime | None = None,
) -> Observed:
    """Sum up the audit entries written in ``[since, until)``."""
    observed = Observed(since, until)
    for entry in entries:
        if since is not None and entry.ts < since:
            continue
        if until is not None and entry.ts >= until:
            continue
        purpose = entry.purpose or NO_PURPOSE
        _add(observed.purposes.setdefault(purpose, PurposeTraffic()), entry)
    return observed


def _add(traffic: PurposeTraffic, entry: AuditEntry) -> None:
    traffic.requests += 1
    # Only a request that reached the model "called" it.
    reached = entry.upstream_ms is not None
    traffic.forwarded += reached
    # Refused by the gateway, or failed before the model answered.
    traffic.not_forwarded += not reached
    traffic.input_entities.update(entry.entity_counts)
    traffic.output_entities.update(entry.output_counts)
    if reached and entry.model:
        traffic.models[entry.model] += 1
    traffic.tenants[entry.tenant] += 1
    traffic.first = entry.ts if traffic.first is None else min(traffic.first, entry.ts)
    traffic.last = entry.ts if traffic.last is None else max(traffic.last, entry.ts)
