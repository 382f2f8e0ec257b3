"""The retention sweep over stored payloads, the vault and the audit trail.

Periods come from the policy, per purpose and store (``retention:`` with
``payloads``, ``vault`` and ``audit``):

- payloads: each purpose's stored interactions older than its period go;
- vault: each value expires at the end of the longest vault period of the
  purposes that used it, counted from its last use under each (a purpose
  without a period keeps it); values stored outside any purpose fall back
  to the longest period declared, and only when every purpose declares one;
- audit: the chain can only lose a prefix, so the sweep removes the oldest
  entries up to the first one still within its purpose's period (entries
  without a purpose, or whose purpose sets none, use the longest audit
  period declared). The position of the cut is signed first, so that the
  rest of the chain still verifies; a chain that does not verify is not
  pruned at all, and neither is one without a signing key.

Deleted rows are overwritten in the database files (:meth:`Database.reclaim`).
Every sweep leaves an audit entry with its counts.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from gdprgate.audit import AuditEntry, AuditLog
from gdprgate.audit.log import lock_head, utc
from gdprgate.audit.verify import verify_chain
from gdprgate.policy import Policy
from gdprgate.store import Database
from gdprgate.store.schema import (
    audit_checkpoints,
    audit_events,
    audit_head,
    interaction_payloads,
    vault_entries,
)

logger = logging.getLogger("gdprgate.retention")

_SCAN = 1000
_TABLES = (
    "interaction_payloads",
    "vault_entries",
    "audit_events",
    "audit_checkpoints",
)


@dataclass(frozen=True)
class SweepResult:
    """How many rows one sweep removed from each store."""

    payloads: int
    vault: int
    audit: int
    audit_pruned_through: int
    audit_note: str = ""

    def to_dict(self) -> dict[str, int | str]:
        result: dict[str, int | str] = {
            "payloads": self.payloads,
            "vault": self.vault,
            "audit": self.audit,
            "audit_pruned_through": self.audit_pruned_through,
        }
        if self.audit_note:
            result["audit_note"] = self.audit_note
        return result


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Retention:
    """Runs retention sweeps for one store under the policy in force."""

    def __init__(
        self,
        db: Database,
        policy: Callable[[], Policy],
        audit: AuditLog,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._db = db
        self._policy = policy
        self._audit = audit
        self._clock = clock

    def run(self) -> SweepResult:
        """One sweep: delete what has expired, audit the counts, checkpoint."""
        started = time.perf_counter()
        now, policy = utc(self._clock()), self._policy()
        payloads = self._prune_payloads(now, policy)
        vault = self._prune_vault(now, policy)
        audit, through, note = self._prune_audit(now, policy)
        if payloads or vault or audit:
            # Folding the log in briefly holds writers back: only when needed.
            self._db.reclaim(list(_TABLES))
        result = SweepResult(payloads, vault, audit, through, note)
        self._audit.append(
            AuditEntry(
                request_id="ret_" + secrets.token_hex(8),
                tenant="-",
                route="retention",
                status=200,
                outcome="swept",
                latency_ms=(time.perf_counter() - started) * 1000,
                details=result.to_dict(),
            )
        )
        if self._audit.signer is not None:
            self._audit.checkpoint()
        logger.info(
            "retention sweep payloads=%d vault=%d audit=%d", payloads, vault, audit
        )
        return result

    def _prune_payloads(self, now: datetime, policy: Policy) -> int:
        removed = 0
        with self._db.engine.begin() as connection:
            for purpose in policy.purposes:
                period = purpose.retention_period("payloads")
                if period is None:
                    continue
                result = connection.execute(
                    sa.delete(interaction_payloads).where(
                        interaction_payloads.c.purpose == purpose.id,
                        interaction_payloads.c.created_at < now - period,
                    )
                )
                removed += result.rowcount or 0
        return removed

    def _prune_vault(self, now: datetime, policy: Policy) -> int:
        # Values carry the expiry of the purposes that used them; values
        # without one (stored outside a purpose) fall back to the longest
        # period, and only when every purpose declares one.
        expired = vault_entries.c.expires_at < now
        periods = [p.retention_period("vault") for p in policy.purposes]
        if periods and all(period is not None for period in periods):
            longest = max(period for period in periods if period is not None)
            expired = sa.or_(
                expired,
                sa.and_(
                    vault_entries.c.expires_at.is_(None),
                    vault_entries.c.created_at < now - longest,
                ),
            )
        with self._db.engine.begin() as connection:
            result = connection.execute(sa.delete(vault_entries).where(expired))
        return result.rowcount or 0

    def _prune_audit(self, now: datetime, policy: Policy) -> tuple[int, int, str]:
        periods = {
            p.id: p.retention_period("audit")
            for p in policy.purposes
            if p.retention_period("audit") is not None
        }
        if not periods:
            return 0, 0, ""
        if self._audit.signer is None:
            return 0, 0, "not pruned: no audit signing key to sign the cut"
        default = max(period for period in periods.values() if period is not None)
        # A declared purpose without an audit period keeps its entries (and,
        # since only the oldest run is cut, everything after them).
        keep = {p.id for p in policy.purposes} - set(periods)
        through = self._expired_prefix(now, periods, default, keep)
        if through == 0:
            return 0, 0, ""
        report = verify_chain(self._audit)
        if not report.ok:
            logger.warning("audit not pruned: the chain does not verify")
            return 0, 0, "not pruned: the chain does not verify"
        return self._cut(through), through, ""

    def _expired_prefix(
        self,
        now: datetime,
        periods: dict[str, Any],
        default: timedelta,
        keep: set[str],
    ) -> int:
        """The last position of the oldest run of expired entries (0: none)."""
        head = self._audit.head()
        through, after = 0, head.pruned_seq
        query = sa.select(audit_events.c.seq, audit_events.c.ts, audit_events.c.purpose)
        while True:
            page = (
                query.where(audit_events.c.seq > after)
                .order_by(audit_events.c.seq)
                .limit(_SCAN)
            )
            with self._db.engine.connect() as connection:
                rows = connection.execute(page).all()
            for row in rows:
                if row.purpose in keep:
                    return through
                period = periods.get(row.purpose) or default
                if utc(row.ts) >= now - period:
                    return through
                through = row.seq
            if len(rows) < _SCAN:
                return through
            after = rows[-1].seq

    def _cut(self, through: int) -> int:
        """Sign position ``through``, then delete the entries up to it."""
        with self._db.engine.begin() as connection:
            head_seq, _ = lock_head(connection, advance=0)
            digest = connection.execute(
                sa.select(audit_events.c.entry_hash).where(
                    audit_events.c.seq == through
                )
            ).scalar_one()
            self._audit.sign_at(connection, through, digest)
            removed = connection.execute(
                sa.delete(audit_events).where(audit_events.c.seq <= through)
            ).rowcount
            connection.execute(
                sa.delete(audit_checkpoints).where(audit_checkpoints.c.seq < through)
            )
            connection.execute(
                sa.update(audit_head)
                .where(audit_head.c.id == 1)
                .values(pruned_seq=through, pruned_hash=digest)
            )
        logger.info("audit pruned", extra={"through": through, "head": head_seq})
        return removed or 0
