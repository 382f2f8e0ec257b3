"""Principals: who holds an API key, in which tenant, with which roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

# client: use models; reidentify: receive restored values; auditor: read the
# audit trail and the records; dpo: data-subject requests; admin: keys and
# policy. A principal may hold several.
ROLES = frozenset({"client", "reidentify", "auditor", "dpo", "admin"})


@dataclass(frozen=True)
class Principal:
    """The holder of one API key. Never carries the key secret."""

    key_id: str
    name: str | None
    tenant: str
    roles: frozenset[str]
    purposes: tuple[str, ...]
    default_purpose: str | None
    expires_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime | None = None
    requests_per_minute: int | None = None
    tokens_per_minute: int | None = None

    def has_role(self, role: str) -> bool:
        """Whether the principal holds ``role``."""
        return role in self.roles

    def allows_purpose(self, purpose_id: str) -> bool:
        """Whether the key may be used for ``purpose_id``."""
        return purpose_id in self.purposes

    def resolve_purpose(self, requested: str | None) -> str | None:
        """The purpose a request runs under: the one asked for if the key
        holds it, else the key's default; ``None`` when neither applies."""
        if requested is None:
            return self.default_purpose
        return requested if self.allows_purpose(requested) else None

    def status(self, now: datetime) -> str:
        """``active``, ``revoked`` or ``expired`` at ``now``."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"

    def is_active(self, now: datetime) -> bool:
        """Whether the key can authenticate at ``now``."""
        return self.status(now) == "active"

    def to_dict(self, now: datetime) -> dict[str, Any]:
        """A JSON-ready description (``keys list --json``); no secret in it."""

        def iso(value: datetime | None) -> str | None:
            return None if value is None else value.isoformat()

        return {
            "key_id": self.key_id,
            "name": self.name,
            "tenant": self.tenant,
            "roles": sorted(self.roles),
            "purposes": list(self.purposes),
            "default_purpose": self.default_purpose,
            "created_at": iso(self.created_at),
            "expires_at": iso(self.expires_at),
            "revoked_at": iso(self.revoked_at),
            "status": self.status(now),
            "requests_per_minute": self.requests_per_minute,
            "tokens_per_minute": self.tokens_per_minute,
        }
