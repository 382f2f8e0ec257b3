"""Prometheus metrics of one gateway, served at ``/metrics``.

Request metrics are counted from the audit entry of each request, so they
say exactly what the audit trail says, and cost a few counter increments
(no store query, no lock held across an ``await``). Gauges that need the
store (vault size, rights requests, audit chain) are computed when scraped.

No label ever holds a value, a key, a subject id or a client-chosen text:
every label value is a route, a status, a policy id, an entity type or an
error code, and anything else is folded into ``other``.
"""

from __future__ import annotations

import hmac
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from gdprgate.audit import AuditEntry

logger = logging.getLogger("gdprgate.gateway")

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

# Label values must look like what the code itself produces.
_ROUTE = re.compile(r"/[a-z0-9/_-]{0,63}")
_POLICY_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_ENTITY = re.compile(r"[A-Z][A-Z0-9_]{0,63}")
_CODE = re.compile(r"[a-z][a-z0-9_]{0,47}")

# Outcomes where the gateway itself refused to forward the request.
_REFUSED_STATUSES = frozenset({401, 403, 413, 429})
_REFUSED_OUTCOMES = frozenset({"blocked_entities", "protection_failed"})

# Retention stores, so every series exists (at 0) before the first sweep.
RETENTION_STORES = ("vault", "audit", "payloads", "subject_index")

# Seconds; the gateway's own work is expected in the milliseconds.
_ADDED_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
_TOTAL_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)

ChainState = Literal["ok", "broken", "unverified"]
T = TypeVar("T")


def safe_label(value: object, pattern: re.Pattern[str], fallback: str) -> str:
    """``value`` when it has the shape the code produces, else ``fallback``."""
    if isinstance(value, str) and pattern.fullmatch(value):
        return value
    return fallback


class RightsStatus(Protocol):
    """What the rights part reports (filled in by the rights-request register)."""

    def open_count(self) -> int:
        """Rights requests received and not yet answered."""
        ...

    def overdue_count(self) -> int:
        """Open rights requests past their Art. 12(3) deadline."""
        ...


class AuditChainStatus(Protocol):
    """What audit verification reports (filled in by the hash-chained audit)."""

    def chain_state(self) -> ChainState:
        """``ok``, ``broken`` or ``unverified`` as of the last verification."""
        ...


@dataclass
class StatusSources:
    """Scrape-time sources other parts register; ``None``: not available.

    Without a rights register there are no rights requests (the gauges read
    0); without a chain verifier the chain state is ``unverified``.
    """

    vault_size: Callable[[], int] | None = None
    rights: RightsStatus | None = None
    audit_chain: AuditChainStatus | None = None


class GatewayMetrics:
    """The metrics of one gateway, in a registry of its own."""

    def __init__(self, scrape_token: str | None = None) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.sources = StatusSources()
        # When set, ``/metrics`` answers only ``Authorization: Bearer <token>``.
        self.scrape_token = scrape_token
        self._define()

    def may_scrape(self, authorization: str | None) -> bool:
        """Whether a scrape with this ``Authorization`` header is allowed."""
        if self.scrape_token is None:
            return True
        scheme, _, secret = (authorization or "").partition(" ")
        expected = self.scrape_token.encode()
        given = secret.strip().encode()
        return scheme.lower() == "bearer" and hmac.compare_digest(given, expected)

    def _define(self) -> None:
        r = self.registry
        self.requests = Counter(
            "gdprgate_requests",
            "Model requests, by route, HTTP status and purpose.",
            ["route", "status", "purpose"],
            registry=r,
        )
        self.blocked = Counter(
            "gdprgate_blocked_requests",
            "Requests the gateway refused to forward, by reason.",
            ["route", "purpose", "reason"],
            registry=r,
        )
        self.entities = Counter(
            "gdprgate_entities",
            "Personal data found, by direction (input, output), type and purpose.",
            ["direction", "entity", "purpose"],
            registry=r,
        )
        self.output_caught = Counter(
            "gdprgate_output_caught_requests",
            "Answers holding personal data the model produced itself.",
            ["route", "purpose"],
            registry=r,
        )
        self.added_latency = Histogram(
            "gdprgate_added_latency_seconds",
            "Time the gateway added to a forwarded request (total minus upstream).",
            ["route"],
            buckets=_ADDED_BUCKETS,
            registry=r,
        )
        self.duration = Histogram(
            "gdprgate_request_duration_seconds",
            "Whole request time, upstream included.",
            ["route"],
            buckets=_TOTAL_BUCKETS,
            registry=r,
        )
        self.retention = Counter(
            "gdprgate_retention_deletions",
            "Items deleted by the retention sweeper, by store.",
            ["store"],
            registry=r,
        )
        for store in RETENTION_STORES:
            self.retention.labels(store=store)

    def observe(self, entry: AuditEntry) -> None:
        """Count one request from its audit entry."""
        route = safe_label(entry.route, _ROUTE, "other")
        purpose = safe_label(entry.purpose, _POLICY_ID, "none")
        self.requests.labels(route, str(int(entry.status)), purpose).inc()

        if entry.status in _REFUSED_STATUSES or entry.outcome in _REFUSED_OUTCOMES:
            reason = safe_label(entry.outcome, _CODE, "other")
            self.blocked.labels(route, purpose, reason).inc()

        self._count_entities("input", entry.entity_counts, purpose)
        self._count_entities("output", entry.output_counts, purpose)
        if any(count > 0 for count in entry.output_counts.values()):
            self.output_caught.labels(route, purpose).inc()

        seconds = max(entry.latency_ms, 0.0) / 1000
        self.duration.labels(route).observe(seconds)
        if entry.upstream_ms is not None:
            added = max(entry.latency_ms - entry.upstream_ms, 0.0) / 1000
            self.added_latency.labels(route).observe(added)

    def _count_entities(
        self, direction: str, counts: Mapping[str, int], purpose: str
    ) -> None:
        for entity, count in counts.items():
            if count > 0:
                label = safe_label(entity, _ENTITY, "OTHER")
                self.entities.labels(direction, label, purpose).inc(count)

    def retention_deleted(self, store: str, count: int) -> None:
        """Hook for the retention sweeper: ``count`` items of ``store`` deleted."""
        if count > 0:
            label = store if store in RETENTION_STORES else "other"
            self.retention.labels(store=label).inc(count)

    def exposition(self) -> bytes:
        """Every metric in the Prometheus text format. Blocks on the store."""
        scraped = CollectorRegistry(auto_describe=False)
        scraped.register(_ScrapeCollector(self.sources))
        return generate_latest(self.registry) + generate_latest(scraped)


class _ScrapeCollector(Collector):
    """Gauges read from the store at scrape time."""

    def __init__(self, sources: StatusSources) -> None:
        self._sources = sources

    def collect(self) -> Iterator[Metric]:
        yield from self._vault()
        yield from self._rights()
        yield self._chain()

    def _vault(self) -> Iterator[Metric]:
        if self._sources.vault_size is None:
            return
        size = _read("vault size", self._sources.vault_size)
        if size is not None:
            yield GaugeMetricFamily(
                "gdprgate_vault_entries", "Values held in the vault.", value=size
            )

    def _rights(self) -> Iterator[Metric]:
        rights = self._sources.rights
        open_now = 0 if rights is None else _read("rights", rights.open_count)
        overdue = 0 if rights is None else _read("rights", rights.overdue_count)
        if open_now is not None:
            yield GaugeMetricFamily(
                "gdprgate_rights_requests_open",
                "Data-subject requests not yet answered.",
                value=open_now,
            )
        if overdue is not None:
            yield GaugeMetricFamily(
                "gdprgate_rights_requests_overdue",
                "Open data-subject requests past their deadline.",
                value=overdue,
            )

    def _chain(self) -> Metric:
        chain = self._sources.audit_chain
        state: str = "unverified"
        if chain is not None:
            state = _read("audit chain", chain.chain_state) or "unverified"
        family = GaugeMetricFamily(
            "gdprgate_audit_chain_status",
            "1 for the audit chain's state as last verified (ok, broken, unverified).",
            labels=["state"],
        )
        for name in ("ok", "broken", "unverified"):
            family.add_metric([name], 1.0 if state == name else 0.0)
        return family


def _read(what: str, source: Callable[[], T]) -> T | None:
    """A scrape-time value, or ``None`` (logged by type) when it cannot be read."""
    try:
        return source()
    except Exception as exc:
        logger.warning("metrics: %s not readable: %s", what, type(exc).__name__)
        return None
