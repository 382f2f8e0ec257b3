"""Who is calling, for which purpose, and what they may do.

Every model request carries ``Authorization: Bearer <key>``. The key names a
principal: its tenant (pseudonymisation domain), roles and purposes. The
purpose comes from the ``X-Gdprgate-Purpose`` header or the key's default;
it must be one of the key's purposes and one the policy declares. The
purpose decides which models may be called, what happens to each type of
personal data on input and output, and whether the caller may see restored
values (only with the ``reidentify`` role).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from gdprgate.errors import Forbidden, Unauthorized
from gdprgate.policy import KeyStore, Policy, Principal, Purpose
from gdprgate.vault import FOREVER

PURPOSE_HEADER = "x-gdprgate-purpose"


@dataclass(frozen=True)
class Caller:
    """The principal of one request and the purpose it declared."""

    tenant: str
    key_id: str | None = None
    purpose: Purpose | None = None
    restore: bool = True
    requests_per_minute: int | None = None
    tokens_per_minute: int | None = None

    @property
    def purpose_id(self) -> str | None:
        return self.purpose.id if self.purpose else None

    def vault_expiry(self) -> datetime | None:
        """Until when this request's purpose may keep the values it stores in
        the vault (``None`` without a purpose: expiries are left alone)."""
        if self.purpose is None:
            return None
        period = self.purpose.retention_period("vault")
        return FOREVER if period is None else datetime.now(UTC) + period

    def input_action(self, entity: str) -> str:
        """What happens to ``entity`` in the request (``token`` without a purpose)."""
        return self.purpose.input_action(entity) if self.purpose else "token"

    def check_model(self, model: str) -> None:
        """Refuse a model the purpose does not list."""
        if self.purpose is not None and not self.purpose.allows_model(model):
            msg = f"purpose '{self.purpose.id}' does not allow this model"
            raise Forbidden(msg, code="model_not_allowed")


class Access:
    """Turns a request's key and purpose header into a :class:`Caller`."""

    def __init__(
        self, keys: KeyStore, policy: Callable[[], Policy], *, restore: bool = True
    ) -> None:
        self._keys = keys
        self._policy = policy
        self._restore = restore

    def admit(self, authorization: str | None, purpose_header: str | None) -> Caller:
        """The caller, or 401/403. Blocks (a store look-up): run in a thread."""
        principal = self._principal(authorization)
        try:
            if not principal.has_role("client"):
                msg = "this key has no 'client' role, so it may not call models"
                raise Forbidden(msg, code="role_missing")
            purpose = self._purpose(principal, purpose_header)
        except Forbidden as refused:
            # The refusal is audited under the key that was refused.
            refused.caller = Caller(tenant=principal.tenant, key_id=principal.key_id)
            raise
        return Caller(
            tenant=principal.tenant,
            key_id=principal.key_id,
            purpose=purpose,
            restore=self._restore
            and purpose.restore
            and principal.has_role("reidentify"),
            requests_per_minute=principal.requests_per_minute,
            tokens_per_minute=principal.tokens_per_minute,
        )

    def admin(self, authorization: str | None) -> Principal:
        """The principal of an ``admin`` key, or 401/403. Blocks: use a thread."""
        return self.with_role(authorization, "admin")

    def with_role(self, authorization: str | None, role: str) -> Principal:
        """The principal of a key holding ``role``, or 401/403. Blocks."""
        principal = self._principal(authorization)
        if not principal.has_role(role):
            msg = f"this key has no '{role}' role"
            refused = Forbidden(msg, code="role_missing")
            refused.caller = Caller(tenant=principal.tenant, key_id=principal.key_id)
            raise refused
        return principal

    @property
    def keys(self) -> KeyStore:
        """The key store this access control reads."""
        return self._keys

    def policy(self) -> Policy:
        """The policy in force now."""
        return self._policy()

    def _principal(self, authorization: str | None) -> Principal:
        scheme, _, secret = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            msg = "send an API key as 'Authorization: Bearer <key>'"
            raise Unauthorized(msg, code="missing_api_key")
        principal = self._keys.authenticate(secret.strip())
        if principal is None:
            msg = "the API key is unknown, revoked or expired"
            raise Unauthorized(msg, code="invalid_api_key")
        return principal

    def _purpose(self, principal: Principal, header: str | None) -> Purpose:
        wanted = (header or "").strip() or principal.default_purpose
        if not wanted and len(principal.purposes) == 1:
            wanted = principal.purposes[0]
        if not wanted:
            msg = "declare a purpose with the X-Gdprgate-Purpose header"
            raise Forbidden(msg, code="purpose_required")
        if wanted not in principal.purposes:
            msg = "this key may not process data for the purpose it declared"
            raise Forbidden(msg, code="purpose_not_allowed")
        policy = self._policy()
        if not policy.has_tenant(principal.tenant):
            msg = "this key's tenant is not in the policy in force"
            raise Forbidden(msg, code="unknown_tenant")
        purpose = policy.purpose(wanted)
        if purpose is None:
            msg = "the declared purpose is not in the policy"
            raise Forbidden(msg, code="unknown_purpose")
        return purpose
