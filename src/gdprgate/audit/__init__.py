"""Append-only, hash-chained record of every interaction: counts, types and
tokens only; signed checkpoints, verification, export, stored payloads."""

from gdprgate.audit.log import AuditEntry, AuditLog, Checkpoint, Head
from gdprgate.audit.payloads import Payload, PayloadStore
from gdprgate.audit.signing import Signer, Verifier, load_signer
from gdprgate.audit.verify import Problem, Report, verify_chain

__all__ = [
    "AuditEntry",
    "AuditLog",
    "Checkpoint",
    "Head",
    "Payload",
    "PayloadStore",
    "Problem",
    "Report",
    "Signer",
    "Verifier",
    "load_signer",
    "verify_chain",
]
