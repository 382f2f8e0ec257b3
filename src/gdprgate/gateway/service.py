"""The parts one gateway process uses, wired together."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from gdprgate.audit import AuditEntry, AuditLog
from gdprgate.detect import Finding
from gdprgate.errors import ProtectionFailed
from gdprgate.gateway.upstream import Upstream
from gdprgate.protect import Protected, Pseudonymizer

logger = logging.getLogger("gdprgate.gateway")


class TextAnalyzer(Protocol):
    """What the gateway needs from a detector."""

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None
    ) -> list[list[Finding]]: ...


@dataclass
class Gateway:
    """Detection, vault, audit and upstream of one gateway."""

    detector: TextAnalyzer
    pseudonymizer: Pseudonymizer
    audit: AuditLog
    upstream: Upstream
    tenant: str = "default"
    restore: bool = True
    max_body_bytes: int = 4 * 1024 * 1024

    def protect(self, texts: Sequence[str]) -> Protected:
        """Detect and pseudonymise ``texts``; fail closed on any error.

        Runs in a worker thread: detection and the vault block.
        """
        try:
            findings = self.detector.analyze_batch(texts)
            return self.pseudonymizer.protect(self.tenant, texts, findings)
        except Exception as exc:
            # Fail closed whatever went wrong; the cause is logged by type
            # only, since exception texts of third-party code may hold data.
            logger.error("protection failed: %s", type(exc).__name__)
            msg = "personal data could not be checked, so nothing was sent to the model"
            raise ProtectionFailed(msg) from exc

    def record(self, entry: AuditEntry) -> None:
        """Append an audit entry and log the one line for this request."""
        self.audit.append(entry)
        counts = ",".join(f"{k}={v}" for k, v in sorted(entry.entity_counts.items()))
        logger.info(
            "request_id=%s route=%s status=%d outcome=%s stream=%s "
            "latency_ms=%.1f upstream_ms=%s entities=%s",
            entry.request_id,
            entry.route,
            entry.status,
            entry.outcome,
            entry.stream,
            entry.latency_ms,
            "-" if entry.upstream_ms is None else f"{entry.upstream_ms:.1f}",
            counts or "-",
        )
