"""Reading the inputs of a record: the policy file in force and the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gdprgate.audit import AuditLog
from gdprgate.errors import PolicyError
from gdprgate.policy import default_policy
from gdprgate.policy.loader import load_policy_as
from gdprgate.policy.principal import Principal
from gdprgate.records.draft import DraftPolicy
from gdprgate.records.observed import Observed, observe
from gdprgate.records.record import Record, build_record, policy_digest
from gdprgate.records.registers import Registers


@dataclass(frozen=True)
class PolicyInForce:
    """The policy a record is written from, with the digest of its file."""

    policy: DraftPolicy
    sha256: str | None  # None: the built-in policy (no file)
    path: Path | None


def read_policy(path: Path | None) -> PolicyInForce:
    """The policy file at ``path`` read with gaps allowed, or the built-in one."""
    if path is None:
        draft = DraftPolicy.model_validate(default_policy().model_dump())
        return PolicyInForce(draft, None, None)
    draft = load_policy_as(path, DraftPolicy)
    try:
        digest = policy_digest(path.read_bytes())
    except OSError as exc:
        raise PolicyError([f"{path}: cannot read the policy file"]) from exc
    return PolicyInForce(draft, digest, path)


def compile_record(
    policy: PolicyInForce,
    audit: AuditLog,
    since: datetime | None = None,
    until: datetime | None = None,
    registers: Registers | None = None,
    principals: Sequence[Principal] = (),
) -> tuple[Record, Observed]:
    """The record of ``policy`` and of the audited traffic in the period;
    ``principals`` (the API keys) name the client applications."""
    observed = observe(audit.entries(), since, until)
    record = build_record(
        policy.policy,
        observed,
        registers,
        principals=principals,
        policy_sha256=policy.sha256,
    )
    return record, observed
