"""The parts one gateway process uses, wired together."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from starlette.requests import Request

from gdprgate.audit import AuditEntry, AuditLog, PayloadStore
from gdprgate.errors import EntitiesBlocked, Forbidden, ProtectionFailed, Unauthorized
from gdprgate.gateway.access import PURPOSE_HEADER, Access, Caller
from gdprgate.gateway.answer import AnswerFilter
from gdprgate.gateway.limits import RateLimiter
from gdprgate.gateway.metrics import GatewayMetrics
from gdprgate.gateway.policy_holder import PolicyHolder
from gdprgate.gateway.request_log import request_fields
from gdprgate.gateway.upstream import Upstream
from gdprgate.protect import (
    OutputAction,
    OutputGuard,
    Protected,
    Pseudonymizer,
    Restorer,
)
from gdprgate.protect.output import Analyzer as TextAnalyzer
from gdprgate.rights import Rights
from gdprgate.vault import Vault

logger = logging.getLogger("gdprgate.gateway")


@dataclass
class Gateway:
    """Detection, vault, audit and upstream of one gateway.

    ``output_action`` is the rule for personal data the model produced
    itself (``None``: the output is not scanned). Without ``access`` (no
    keys: embedded use, tests) every request runs in ``tenant``.
    """

    detector: TextAnalyzer
    vault: Vault
    audit: AuditLog
    upstream: Upstream
    tenant: str = "default"
    restore: bool = True
    max_body_bytes: int = 1024 * 1024
    output_action: OutputAction | None = OutputAction.TOKEN
    access: Access | None = None
    policy_holder: PolicyHolder | None = None
    limiter: RateLimiter = field(default_factory=RateLimiter)
    metrics: GatewayMetrics = field(default_factory=GatewayMetrics)
    payloads: PayloadStore | None = None
    rights: Rights | None = None
    pseudonymizer: Pseudonymizer = field(init=False)

    def __post_init__(self) -> None:
        self.pseudonymizer = Pseudonymizer(self.vault)
        self.metrics.sources.vault_size = lambda: self.vault.count()
        if self.rights is not None:
            self.metrics.sources.rights = self.rights.register

    def admit(self, request: Request) -> Caller:
        """Who calls, for which purpose (401/403 when not allowed).

        Without :attr:`access` (embedded use, tests) everyone is admitted to
        the gateway's own tenant. Blocks on the key store: run in a thread.
        """
        if self.access is None:
            return Caller(tenant=self.tenant, restore=self.restore)
        return self.access.admit(
            request.headers.get("authorization"), request.headers.get(PURPOSE_HEADER)
        )

    def admit_known(self, request: Request) -> Caller | None:
        """:meth:`admit` without a store read, for keys read before; ``None``
        when the key is not known (then call :meth:`admit`). :meth:`protect`
        confirms such a caller before anything is forwarded."""
        if self.access is None:
            return Caller(tenant=self.tenant, restore=self.restore)
        return self.access.admit_known(
            request.headers.get("authorization"), request.headers.get(PURPOSE_HEADER)
        )

    def protect(self, caller: Caller, texts: Sequence[str]) -> Protected:
        """Detect and pseudonymise ``texts``; fail closed on any error.

        A caller admitted from memory is confirmed after detection, before
        anything is written to the vault (401 when its key changed since,
        also while its texts were being detected). Runs in a worker thread:
        detection and the vault block.
        """
        try:
            # Scoped to the tenant: earlier turns come from the detector's
            # cache, and never from another tenant's entries.
            findings = self.detector.analyze_batch(texts, scope=caller.tenant)
            if self.access is not None:
                self.access.confirm(caller)
            if self.rights is not None:
                texts, findings = self.rights.blocks.check(
                    caller.tenant,
                    caller.purpose_id,
                    texts,
                    findings,
                    self._on_restricted(),
                )
            return self.pseudonymizer.protect(
                caller.tenant,
                texts,
                findings,
                caller.input_action,
                keep_until=caller.vault_expiry(),
            )
        except (EntitiesBlocked, Forbidden, Unauthorized):
            raise
        except Exception as exc:
            # Fail closed whatever went wrong; the cause is logged by type
            # only, since exception texts of third-party code may hold data.
            logger.error("protection failed: %s", type(exc).__name__)
            msg = "personal data could not be checked, so nothing was sent to the model"
            raise ProtectionFailed(msg) from exc

    def answer_filter(
        self, caller: Caller, protected: Protected, *, json_content: bool = False
    ) -> AnswerFilter:
        """The output check and restoration for one request's answer."""
        restorer = Restorer(protected.restore_map if caller.restore else {})
        guard = None
        if self.output_action is not None:
            rule = (
                caller.purpose.output_action if caller.purpose else self.output_action
            )
            guard = OutputGuard(
                self.detector,
                self.vault,
                caller.tenant,
                rule,
                blocked=self._blocked_for(caller),
            )
        return AnswerFilter(
            restorer, guard, json_content=json_content, tokens=protected.restore_map
        )

    def _blocked_for(self, caller: Caller) -> Callable[[str, str], bool] | None:
        """Values the model writes that may not enter the vault (see rights)."""
        rights = self.rights
        if rights is None:
            return None

        def blocked(entity: str, value: str) -> bool:
            return rights.blocks.is_blocked(
                caller.tenant, caller.purpose_id, entity, value
            )

        return blocked

    def _on_restricted(self) -> str:
        if self.policy_holder is None:
            return "refuse"
        return self.policy_holder.current.rights.on_restricted

    def record(self, entry: AuditEntry, subject: str | None = None) -> None:
        """Append an audit entry and log the one line for this request;
        link a processed request to its subject id (kept as a keyed hash)."""
        self.audit.append(entry)
        if subject is not None and self.rights is not None and entry.status < 400:
            self.rights.subjects.link(entry.tenant, subject, entry)
        self.metrics.observe(entry)
        logger.info("request", extra={"fields": request_fields(entry)})
