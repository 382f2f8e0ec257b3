"""Keys: the master key, per-tenant data keys, and the keyed hashes from them.

The master key only wraps data keys (AES-GCM); each tenant's data key
encrypts its vault values, and two sub-keys derived from it (HKDF-SHA256)
compute blind indexes and token codes. A different tenant has a different
data key, so its tokens and blind indexes cannot be linked to another's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import stat
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from gdprgate.errors import ConfigError, KeyError_
from gdprgate.store import Database, tenant_keys

KEY_BYTES = 32
NONCE_BYTES = 12
MASTER_KEY_FILE = "master.key"


def load_master_key(data_dir: Path, configured: str | None = None) -> bytes:
    """The master key from settings, or from the 0600 key file (created once)."""
    if configured is not None:
        return _decode_key(configured, "GDPRGATE_MASTER_KEY")
    path = data_dir / MASTER_KEY_FILE
    if not path.exists():
        _create_key_file(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        msg = f"{path} is readable by others (mode {mode:o}); run chmod 600 on it"
        raise ConfigError(msg)
    return _decode_key(path.read_text(encoding="ascii").strip(), str(path))


def _create_key_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    encoded = base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process created it first; use theirs
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(encoded + "\n")


def _decode_key(encoded: str, where: str) -> bytes:
    try:
        key = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        msg = f"{where} must hold a base64-encoded {KEY_BYTES}-byte key"
        raise ConfigError(msg)
    return key


def _derive(key: bytes, purpose: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose)
    return hkdf.derive(key)


@dataclass(frozen=True, slots=True)
class TenantKeys:
    """The keys of one pseudonymisation domain."""

    key_id: str
    data_key: bytes
    index_key: bytes
    token_key: bytes

    def blind_index(self, entity: str, normalized: str) -> str:
        """Keyed hash of a normalised value, for look-up without the value."""
        message = f"{entity}\x1f{normalized}".encode()
        return hmac.new(self.index_key, message, hashlib.sha256).hexdigest()

    def token_digest(self, entity: str, normalized: str) -> bytes:
        """Keyed digest a token code is cut from."""
        message = f"{entity}\x1f{normalized}".encode()
        return hmac.new(self.token_key, message, hashlib.sha256).digest()


class Keyring:
    """Loads or creates each tenant's data key, wrapped by the master key."""

    def __init__(self, db: Database, master_key: bytes) -> None:
        self._db = db
        self._master = AESGCM(master_key)
        self._cache: dict[str, TenantKeys] = {}
        self._lock = threading.Lock()

    def for_tenant(self, tenant: str) -> TenantKeys:
        """The tenant's keys, creating its data key on first use."""
        with self._lock:
            keys = self._cache.get(tenant)
            if keys is None:
                keys = self._load(tenant) or self._create(tenant)
                self._cache[tenant] = keys
            return keys

    def _load(self, tenant: str) -> TenantKeys | None:
        query = sa.select(tenant_keys.c.key_id, tenant_keys.c.wrapped_key).where(
            tenant_keys.c.tenant == tenant
        )
        with self._db.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        return self._unwrap(tenant, row.key_id, row.wrapped_key)

    def _create(self, tenant: str) -> TenantKeys:
        key_id = secrets.token_hex(8)
        data_key = secrets.token_bytes(KEY_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        wrapped = nonce + self._master.encrypt(nonce, data_key, _aad(tenant, key_id))
        row = {
            "key_id": key_id,
            "tenant": tenant,
            "wrapped_key": wrapped,
            "created_at": datetime.now(UTC),
        }
        try:
            with self._db.engine.begin() as connection:
                connection.execute(sa.insert(tenant_keys), row)
        except sa.exc.IntegrityError:
            # Another process created the tenant's key at the same moment.
            loaded = self._load(tenant)
            if loaded is None:
                raise
            return loaded
        return self._keys(key_id, data_key)

    def _unwrap(self, tenant: str, key_id: str, wrapped: bytes) -> TenantKeys:
        nonce, sealed = wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:]
        try:
            data_key = self._master.decrypt(nonce, sealed, _aad(tenant, key_id))
        except InvalidTag as exc:
            msg = "a tenant data key cannot be unwrapped: wrong master key?"
            raise KeyError_(msg) from exc
        return self._keys(key_id, data_key)

    @staticmethod
    def _keys(key_id: str, data_key: bytes) -> TenantKeys:
        return TenantKeys(
            key_id=key_id,
            data_key=data_key,
            index_key=_derive(data_key, b"gdprgate blind-index v1"),
            token_key=_derive(data_key, b"gdprgate token v1"),
        )


def _aad(tenant: str, key_id: str) -> bytes:
    return f"gdprgate tenant-key\x1f{tenant}\x1f{key_id}".encode()
