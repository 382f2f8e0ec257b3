"""Crypto-shredding: keys whose destruction erases every copy sealed
under them, including copies that cannot be deleted in place.

A part that writes such copies (append-only segments, payload files, the
erasure notice kept for deletion hooks) seals them with
:meth:`ShredKeys.seal` under a *scope*: ``request:<request id>`` for what
one request produced, ``subject:<subject hash>`` for one person,
``notice:<rights request id>`` for an erasure notice. Erasure destroys the
keys of the person's scopes; what was sealed under them can no longer be
opened, wherever it lies.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import UTC, datetime

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gdprgate.errors import VaultError
from gdprgate.rights.scrub import secure_delete
from gdprgate.store import Database, shred_keys
from gdprgate.vault import Keyring

KEY_BYTES = 32
NONCE_BYTES = 12


class Shredded(VaultError):
    """The key of a sealed copy was destroyed: it cannot be opened any more."""


def request_scope(request_id: str) -> str:
    """The scope of what one gateway request produced."""
    return f"request:{request_id}"


def subject_scope(subject_hash: str) -> str:
    """The scope of one person, by the keyed hash of their subject id."""
    return f"subject:{subject_hash}"


class ShredKeys:
    """Creates, uses and destroys shreddable keys, per tenant and scope."""

    def __init__(self, db: Database, keyring: Keyring) -> None:
        self._db = db
        self._keyring = keyring

    def seal(self, tenant: str, scope: str, plain: bytes) -> bytes:
        """``plain`` encrypted under the scope's key (created on first use)."""
        key = self._key(tenant, scope, create=True)
        assert key is not None
        nonce = secrets.token_bytes(NONCE_BYTES)
        return nonce + AESGCM(key).encrypt(nonce, plain, _aad(tenant, scope))

    def open(self, tenant: str, scope: str, sealed: bytes) -> bytes:
        """The plain text of ``sealed``; :class:`Shredded` once the key is gone."""
        key = self._key(tenant, scope, create=False)
        if key is None:
            raise Shredded("this copy was crypto-shredded: its key is destroyed")
        try:
            return AESGCM(key).decrypt(
                sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], _aad(tenant, scope)
            )
        except InvalidTag as exc:
            raise VaultError("a sealed copy failed its integrity check") from exc

    def destroy(self, tenant: str, scopes: Iterable[str]) -> int:
        """Destroy the keys of ``scopes``; how many existed."""
        wanted = set(scopes)
        if not wanted:
            return 0
        with self._db.engine.begin() as connection:
            secure_delete(connection)
            result = connection.execute(
                sa.delete(shred_keys).where(
                    shred_keys.c.tenant == tenant, shred_keys.c.scope.in_(wanted)
                )
            )
        return int(result.rowcount)

    def _key(self, tenant: str, scope: str, *, create: bool) -> bytes | None:
        query = sa.select(shred_keys.c.wrapped_key).where(
            shred_keys.c.tenant == tenant, shred_keys.c.scope == scope
        )
        wrapper = AESGCM(self._keyring.for_tenant(tenant).data_key)
        with self._db.engine.connect() as connection:
            wrapped = connection.execute(query).scalar_one_or_none()
        if wrapped is None:
            return self._create(tenant, scope, wrapper) if create else None
        return wrapper.decrypt(
            wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _aad(tenant, scope)
        )

    def _create(self, tenant: str, scope: str, wrapper: AESGCM) -> bytes:
        key = secrets.token_bytes(KEY_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        row = {
            "tenant": tenant,
            "scope": scope,
            "wrapped_key": nonce + wrapper.encrypt(nonce, key, _aad(tenant, scope)),
            "created_at": datetime.now(UTC),
        }
        try:
            with self._db.engine.begin() as connection:
                connection.execute(sa.insert(shred_keys), row)
        except sa.exc.IntegrityError:
            # Another writer created the scope's key first: use theirs.
            found = self._key(tenant, scope, create=False)
            if found is None:
                raise
            return found
        return key


def _aad(tenant: str, scope: str) -> bytes:
    return f"gdprgate shred\x1f{tenant}\x1f{scope}".encode()
