"""API keys: created once, stored as digests, checked in constant time.

A key reads ``gg_<key_id>_<secret>``. The key id is public and finds the row;
the whole key is hashed with SHA-256 and compared with
:func:`hmac.compare_digest`. A fast hash is enough here because the secret is
256 random bits, not a password someone chose: it cannot be guessed from its
digest. The clear key is returned once by :meth:`KeyStore.create` and never
written anywhere by gdprgate.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from gdprgate.errors import PolicyError, StoreError
from gdprgate.policy.model import ID_PATTERN, Policy
from gdprgate.policy.principal import ROLES, Principal
from gdprgate.store import Database
from gdprgate.store.schema import api_keys, change_marks

logger = logging.getLogger("gdprgate.policy")

KEY_PREFIX = "gg_"
_KEY = re.compile(r"gg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})")
_ID = re.compile(ID_PATTERN)
# Compared against when the key id is unknown, so that both paths hash and
# compare: the answer time does not tell which key ids exist.
_NO_DIGEST = hashlib.sha256(b"no such key").hexdigest()


def _utc_now() -> datetime:
    return datetime.now(UTC)


def key_digest(secret: str) -> str:
    """The SHA-256 digest a key is stored as (hex)."""
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; every stored time is UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _principal(row: Any) -> Principal:
    return Principal(
        key_id=row.key_id,
        name=row.name,
        tenant=row.tenant,
        roles=frozenset(row.roles),
        purposes=tuple(row.purposes),
        default_purpose=row.default_purpose,
        expires_at=_aware(row.expires_at),
        revoked_at=_aware(row.revoked_at),
        created_at=_aware(row.created_at),
        requests_per_minute=row.requests_per_minute,
        tokens_per_minute=row.tokens_per_minute,
    )


def check_key_request(
    *,
    tenant: str,
    roles: Iterable[str],
    purposes: Sequence[str],
    default_purpose: str | None,
    policy: Policy | None = None,
) -> None:
    """Refuse a key request that names unknown roles, tenants or purposes.

    With a ``policy``, the tenant and every purpose must be declared in it.
    """
    problems = []
    role_set = set(roles)
    if not role_set or not role_set <= ROLES:
        problems.append("roles: give one or more of " + ", ".join(sorted(ROLES)))
    if not _ID.fullmatch(tenant) or (policy and not policy.has_tenant(tenant)):
        problems.append("tenant: not a tenant of the policy in force")
    if any(not _ID.fullmatch(p) for p in purposes) or (
        policy and any(policy.purpose(p) is None for p in purposes)
    ):
        problems.append("purposes: not all are purposes of the policy in force")
    if default_purpose is not None and default_purpose not in purposes:
        problems.append("default_purpose: must be one of the key's purposes")
    if problems:
        raise PolicyError(["; ".join(problems)])


# Built once: every request authenticates, and building a statement costs
# more than running it on an indexed key.
_KEY_ROW = sa.select(api_keys).where(api_keys.c.key_id == sa.bindparam("key_id"))
_MARK = sa.select(change_marks.c.version).where(change_marks.c.name == api_keys.name)


class KeyStore:
    """Create, authenticate, list and revoke API keys in the store."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = _utc_now) -> None:
        self._db = db
        self._clock = clock

    def create(
        self,
        *,
        tenant: str,
        roles: Iterable[str],
        purposes: Sequence[str] = (),
        name: str | None = None,
        default_purpose: str | None = None,
        expires_at: datetime | None = None,
        policy: Policy | None = None,
        requests_per_minute: int | None = None,
        tokens_per_minute: int | None = None,
    ) -> tuple[Principal, str]:
        """A new key and its secret; the secret is shown this once only.

        ``default_purpose`` defaults to the first purpose. Raises
        :class:`PolicyError` for unknown roles, or tenants and purposes the
        ``policy`` (when given) does not declare.
        """
        role_set = frozenset(roles)
        purpose_list = tuple(dict.fromkeys(purposes))
        default = default_purpose or (purpose_list[0] if purpose_list else None)
        check_key_request(
            tenant=tenant,
            roles=role_set,
            purposes=purpose_list,
            default_purpose=default,
            policy=policy,
        )
        now = self._clock()
        expires_at = _aware(expires_at)
        if expires_at is not None and expires_at <= now:
            raise PolicyError(["expires_at: must lie in the future"])
        if name is not None and not 0 < len(name) <= 128:
            raise PolicyError(["name: give 1 to 128 characters"])
        for field, limit in (
            ("requests_per_minute", requests_per_minute),
            ("tokens_per_minute", tokens_per_minute),
        ):
            if limit is not None and limit < 1:
                raise PolicyError([f"{field}: give a whole number of 1 or more"])

        key_id = secrets.token_hex(8)
        secret = f"{KEY_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
        principal = Principal(
            key_id=key_id,
            name=name,
            tenant=tenant,
            roles=role_set,
            purposes=purpose_list,
            default_purpose=default,
            expires_at=expires_at,
            revoked_at=None,
            created_at=now,
            requests_per_minute=requests_per_minute,
            tokens_per_minute=tokens_per_minute,
        )
        self._insert(principal, key_digest(secret))
        logger.info("api key created", extra={"key_id": key_id, "tenant": tenant})
        return principal, secret

    def _insert(self, principal: Principal, digest: str) -> None:
        row = {
            "key_id": principal.key_id,
            "name": principal.name,
            "tenant": principal.tenant,
            "roles": sorted(principal.roles),
            "purposes": list(principal.purposes),
            "default_purpose": principal.default_purpose,
            "secret_hash": digest,
            "created_at": principal.created_at,
            "expires_at": principal.expires_at,
            "revoked_at": None,
            "requests_per_minute": principal.requests_per_minute,
            "tokens_per_minute": principal.tokens_per_minute,
        }
        try:
            with self._db.engine.begin() as connection:
                connection.execute(api_keys.insert().values(**row))
        except sa.exc.SQLAlchemyError as exc:
            msg = "cannot store the API key: is the store migrated and writable?"
            raise StoreError(msg) from exc

    def authenticate(self, secret: str) -> Principal | None:
        """The principal of an active key; ``None`` for any other string.

        Unknown, malformed, revoked and expired keys all give ``None``.
        """
        match = _KEY.fullmatch(secret) if isinstance(secret, str) else None
        if match is None:
            return None
        return self.authenticate_digest(match[1], key_digest(secret))

    def authenticate_digest(self, key_id: str, digest: str) -> Principal | None:
        """:meth:`authenticate` for a key given by its id and the SHA-256
        digest of the whole key (as stored), read from the store now."""
        row = self._row(key_id)
        stored = row.secret_hash if row is not None else _NO_DIGEST
        if not hmac.compare_digest(digest, stored) or row is None:
            return None
        principal = _principal(row)
        return principal if principal.is_active(self._clock()) else None

    def mark(self) -> int:
        """The keys' change mark: a counter the store moves on every change
        of any key (a trigger: this process, another, the CLI, by hand)."""
        try:
            with self._db.engine.connect() as connection:
                return int(connection.execute(_MARK).scalar_one())
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError("cannot read API keys: is the store migrated?") from exc

    def now(self) -> datetime:
        """The time keys are checked against (their expiry)."""
        return self._clock()

    def get(self, key_id: str) -> Principal | None:
        """The principal of ``key_id`` in any state, or ``None``."""
        row = self._row(key_id)
        return None if row is None else _principal(row)

    def list(self) -> builtins.list[Principal]:
        """Every key, active or not, oldest first."""
        query = sa.select(api_keys).order_by(api_keys.c.created_at, api_keys.c.key_id)
        try:
            with self._db.engine.connect() as connection:
                rows = connection.execute(query).all()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError("cannot read API keys: is the store migrated?") from exc
        return [_principal(row) for row in rows]

    def revoke(self, key_id: str) -> bool:
        """Revoke a key at once; ``False`` when there is no such key.

        Revoking a revoked key keeps its first revocation time.
        """
        update = (
            api_keys.update()
            .where(api_keys.c.key_id == key_id, api_keys.c.revoked_at.is_(None))
            .values(revoked_at=self._clock())
        )
        try:
            with self._db.engine.begin() as connection:
                connection.execute(update)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(
                "cannot revoke the API key: is the store writable?"
            ) from exc
        found = self.get(key_id) is not None
        if found:
            logger.info("api key revoked", extra={"key_id": key_id})
        return found

    def _row(self, key_id: str) -> Any:
        try:
            with self._db.engine.connect() as connection:
                return connection.execute(_KEY_ROW, {"key_id": key_id}).first()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError("cannot read API keys: is the store migrated?") from exc
