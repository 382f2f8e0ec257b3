"""Who is calling, for which purpose, and what they may do.

Every model request carries ``Authorization: Bearer <key>``. The key names a
principal: its tenant (pseudonymisation domain), roles and purposes. The
purpose comes from the ``X-Gdprgate-Purpose`` header or the key's default;
it must be one of the key's purposes and one the policy declares. The
purpose decides which models may be called, what happens to each type of
personal data on input and output, and whether the caller may see restored
values (only with the ``reidentify`` role).

Keys read from the store are kept in memory with the keys' change mark of
that moment. A request with such a key is admitted without a store read (no
thread, no query). Every request, from memory or not, is confirmed once its
texts are detected and before any of its values is stored or forwarded:
:meth:`Access.confirm` reads the change mark, and when any key changed since
(revoked, expired by hand, edited, by whichever process), reads the key
again. A key held longer
than :data:`KNOWN_SECONDS` is read from the store again in any case, so a
write that bypassed the trigger counts within seconds.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from gdprgate.errors import Forbidden, Unauthorized
from gdprgate.policy import KeyStore, Policy, Principal, Purpose
from gdprgate.policy.keys import key_digest
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
    # Set when the key came from memory: the keys' change mark it was read
    # under, the key as read then, and its digest, for :meth:`Access.confirm`.
    known_at: int | None = field(default=None, repr=False, compare=False)
    principal: Principal | None = field(default=None, repr=False, compare=False)
    key_digest: str | None = field(default=None, repr=False, compare=False)

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


# How many keys are kept in memory; beyond, the memory starts afresh.
KNOWN_KEYS = 1024
# A key held in memory is read from the store again after this many seconds
# even when the keys' change mark did not move: a write that skipped the
# trigger (a replica session, a restore with triggers off, a mark reset)
# counts within this time.
KNOWN_SECONDS = 5.0


@dataclass(frozen=True)
class _Known:
    """A key read from the store, and the keys' change mark before the read."""

    principal: Principal
    mark: int
    read_at: float = field(default_factory=time.monotonic)


class Access:
    """Turns a request's key and purpose header into a :class:`Caller`."""

    def __init__(
        self, keys: KeyStore, policy: Callable[[], Policy], *, restore: bool = True
    ) -> None:
        self._keys = keys
        self._policy = policy
        self._restore = restore
        self._lock = threading.Lock()
        self._known: dict[str, _Known] = {}

    def admit(self, authorization: str | None, purpose_header: str | None) -> Caller:
        """The caller, or 401/403. Blocks (a store look-up): run in a thread.

        The key is remembered for :meth:`admit_known`.
        """
        # The mark is read first: a change committed after it moves it on.
        mark = self._keys.mark()
        principal = self._principal(authorization)
        digest = key_digest(_secret(authorization))
        with self._lock:
            if len(self._known) >= KNOWN_KEYS:
                self._known.clear()
            self._known[digest] = _Known(principal, mark)
        caller = self._caller(principal, purpose_header)
        # Confirmed like a remembered key: a revocation while the request is
        # detected counts for it too.
        return dataclasses.replace(
            caller, known_at=mark, principal=principal, key_digest=digest
        )

    def admit_known(
        self, authorization: str | None, purpose_header: str | None
    ) -> Caller | None:
        """The caller of a key read before, without the store; ``None`` when
        the key is not in memory, no longer active or would be refused: then
        :meth:`admit` decides. Confirm it with :meth:`confirm`.
        """
        secret = _secret(authorization)
        if not secret or not secret.isascii():
            return None
        digest = key_digest(secret)
        with self._lock:
            known = self._known.get(digest)
        if (
            known is None
            or time.monotonic() - known.read_at > KNOWN_SECONDS
            or not known.principal.is_active(self._keys.now())
        ):
            return None
        try:
            caller = self._caller(known.principal, purpose_header)
        except Forbidden:
            # A refusal is decided on the key as the store holds it now.
            return None
        return dataclasses.replace(
            caller, known_at=known.mark, principal=known.principal, key_digest=digest
        )

    def confirm(self, caller: Caller) -> None:
        """Refuse (401) a caller admitted from memory whose key changed in the
        store since: revoked, expired or edited. Blocks (a store read)."""
        if caller.known_at is None or caller.key_id is None:
            return
        if self._keys.mark() == caller.known_at:
            return
        assert caller.key_digest is not None
        with self._lock:
            # The next request with this key reads it from the store.
            self._known.pop(caller.key_digest, None)
        fresh = self._keys.authenticate_digest(caller.key_id, caller.key_digest)
        if fresh is None:
            msg = "the API key is unknown, revoked or expired"
            raise Unauthorized(msg, code="invalid_api_key")
        if fresh != caller.principal:
            msg = "the API key was changed while this request ran; send it again"
            raise Unauthorized(msg, code="invalid_api_key")

    def _caller(self, principal: Principal, purpose_header: str | None) -> Caller:
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
        secret = _secret(authorization)
        if not secret:
            msg = "send an API key as 'Authorization: Bearer <key>'"
            raise Unauthorized(msg, code="missing_api_key")
        principal = self._keys.authenticate(secret)
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


def _secret(authorization: str | None) -> str:
    """The key of a ``Bearer`` header (``""`` when there is none)."""
    scheme, _, secret = (authorization or "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else ""
