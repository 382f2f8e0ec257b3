"""Append-only record of every interaction: counts, types and tokens only."""

from gdprgate.audit.log import AuditEntry, AuditLog

__all__ = ["AuditEntry", "AuditLog"]
