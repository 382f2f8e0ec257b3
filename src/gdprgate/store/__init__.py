"""Persistence for every part: SQLAlchemy Core tables and Alembic migrations."""

from gdprgate.store.database import Database, sqlite_url
from gdprgate.store.schema import audit_events, metadata, tenant_keys, vault_entries

__all__ = [
    "Database",
    "audit_events",
    "metadata",
    "sqlite_url",
    "tenant_keys",
    "vault_entries",
]
