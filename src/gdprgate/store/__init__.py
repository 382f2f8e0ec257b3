"""Persistence for every part: SQLAlchemy Core tables and Alembic migrations."""

from gdprgate.store.database import Database, sqlite_url
from gdprgate.store.rights_tables import (
    processing_blocks,
    rights_events,
    rights_hook_calls,
    rights_requests,
    shred_keys,
    subject_links,
)
from gdprgate.store.schema import (
    audit_events,
    change_marks,
    metadata,
    tenant_keys,
    vault_entries,
)

__all__ = [
    "Database",
    "audit_events",
    "change_marks",
    "metadata",
    "processing_blocks",
    "rights_events",
    "rights_hook_calls",
    "rights_requests",
    "shred_keys",
    "sqlite_url",
    "subject_links",
    "tenant_keys",
    "vault_entries",
]
