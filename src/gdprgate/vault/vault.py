"""The vault: values encrypted at rest, found by token or by blind index."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gdprgate.errors import VaultError
from gdprgate.store import Database, vault_entries
from gdprgate.vault.keys import NONCE_BYTES, Keyring, TenantKeys
from gdprgate.vault.normalize import normalize_value
from gdprgate.vault.token import MAX_CODE, MIN_CODE, Token, encode_code

# The expiry of values a purpose without a vault retention period used.
FOREVER = datetime(9999, 12, 31, tzinfo=UTC)


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _stale(stored: datetime | None, keep_until: datetime) -> bool:
    """Whether a stored expiry must move to ``keep_until``.

    It moves only forward, and only by more than a tenth of the period left
    (at most a day), so that a value used on every request is not rewritten
    on every request.
    """
    stored = _aware(stored)
    if stored is None:
        return True
    left = keep_until - datetime.now(UTC)
    return stored < keep_until - min(timedelta(days=1), max(left, timedelta()) / 10)


# Built once: every request looks its values up.
_ENTRIES_BY_INDEX = sa.select(
    vault_entries.c.blind_index, vault_entries.c.token, vault_entries.c.expires_at
).where(
    vault_entries.c.tenant == sa.bindparam("tenant"),
    vault_entries.c.blind_index.in_(sa.bindparam("indexes", expanding=True)),
)


@dataclass(frozen=True, slots=True)
class Pseudonymised:
    """A value and the token that stands for it."""

    entity: str
    value: str
    token: str


class Vault:
    """Gives every (tenant, entity, value) one stable token and keeps the value.

    The token is derived from a keyed hash of the normalised value, so it is
    the same in every request and after a restart; when two values would get
    the same code, the later one gets a longer code. Values are stored only
    encrypted (AES-GCM under the tenant's data key).
    """

    def __init__(self, db: Database, keyring: Keyring) -> None:
        self._db = db
        self._keyring = keyring

    def tokenize(self, tenant: str, entity: str, value: str) -> str:
        """The token for one value (created if new)."""
        return self.tokenize_many(tenant, [(entity, value)])[0].token

    def tokenize_many(
        self,
        tenant: str,
        items: Sequence[tuple[str, str]],
        keep_until: datetime | None = None,
    ) -> list[Pseudonymised]:
        """Tokens for many values, in order, in as few round trips as possible.

        ``keep_until`` is when the purpose using the values may no longer
        keep them (:data:`FOREVER` when it sets no period); a value's expiry
        only ever moves later. ``None`` leaves expiries as they are.
        """
        keys = self._keyring.for_tenant(tenant)
        indexes = [
            keys.blind_index(entity, normalize_value(entity, value))
            for entity, value in items
        ]
        found = self._entries_by_index(tenant, set(indexes))
        known = {index: token for index, (token, _) in found.items()}
        fresh = {
            index: item
            for item, index in zip(items, indexes, strict=True)
            if index not in known
        }
        if keep_until is not None:
            stale = [i for i, (_, ends) in found.items() if _stale(ends, keep_until)]
            self._extend(tenant, stale, keep_until)
        if fresh:
            known.update(self._insert_all(tenant, keys, fresh, keep_until))
        return [
            Pseudonymised(entity, value, known[index])
            for (entity, value), index in zip(items, indexes, strict=True)
        ]

    def _extend(self, tenant: str, indexes: list[str], keep_until: datetime) -> None:
        if not indexes:
            return
        update = (
            sa.update(vault_entries)
            .where(
                vault_entries.c.tenant == tenant,
                vault_entries.c.blind_index.in_(indexes),
                sa.or_(
                    vault_entries.c.expires_at.is_(None),
                    vault_entries.c.expires_at < keep_until,
                ),
            )
            .values(expires_at=keep_until)
        )
        with self._db.engine.begin() as connection:
            connection.execute(update)

    def _insert_all(
        self,
        tenant: str,
        keys: TenantKeys,
        fresh: dict[str, tuple[str, str]],
        keep_until: datetime | None = None,
    ) -> dict[str, str]:
        """Store new values in one transaction; on any clash, one by one."""
        rows = []
        tokens = {}
        # Rows go in blind-index order, so that two writers storing the same
        # new values (two replicas on PostgreSQL) lock them in the same
        # order and wait for each other instead of deadlocking.
        for index, (entity, value) in sorted(fresh.items()):
            digest = keys.token_digest(entity, normalize_value(entity, value))
            tokens[index] = str(Token(entity, encode_code(digest, MIN_CODE)))
            row = _row(tenant, keys, entity, value, index, tokens[index])
            rows.append({**row, "expires_at": keep_until})
        if len(set(tokens.values())) == len(tokens):
            try:
                with self._db.engine.begin() as connection:
                    connection.execute(sa.insert(vault_entries), rows)
            except sa.exc.IntegrityError:
                pass  # a code or a value is taken: settle each one below
            else:
                return tokens
        settled = {
            index: self._insert(tenant, keys, entity, value, index)
            for index, (entity, value) in fresh.items()
        }
        if keep_until is not None:
            self._extend(tenant, list(settled), keep_until)
        return settled

    def lookup(self, tenant: str, entity: str, value: str) -> str | None:
        """The token of a value already in the vault, without creating one."""
        keys = self._keyring.for_tenant(tenant)
        index = keys.blind_index(entity, normalize_value(entity, value))
        return self._tokens_by_index(tenant, {index}).get(index)

    def resolve(self, tenant: str, tokens: Iterable[str]) -> dict[str, str]:
        """The values of the tokens this tenant knows; unknown tokens are left out."""
        wanted = {token for token in tokens if Token.parse(token) is not None}
        if not wanted:
            return {}
        query = sa.select(vault_entries).where(
            vault_entries.c.tenant == tenant, vault_entries.c.token.in_(wanted)
        )
        keys = self._keyring.for_tenant(tenant)
        with self._db.engine.connect() as connection:
            rows = connection.execute(query).all()
        return {row.token: self._decrypt(tenant, keys, row) for row in rows}

    def issued(self, tenant: str, tokens: Iterable[str]) -> set[str]:
        """Which of ``tokens`` this tenant's vault really issued."""
        wanted = {token for token in tokens if Token.parse(token) is not None}
        if not wanted:
            return set()
        query = sa.select(vault_entries.c.token).where(
            vault_entries.c.tenant == tenant, vault_entries.c.token.in_(wanted)
        )
        with self._db.engine.connect() as connection:
            return {row.token for row in connection.execute(query)}

    def count(self, tenant: str | None = None) -> int:
        """How many values the vault holds (for one tenant, or all)."""
        query = sa.select(sa.func.count()).select_from(vault_entries)
        if tenant is not None:
            query = query.where(vault_entries.c.tenant == tenant)
        with self._db.engine.connect() as connection:
            return int(connection.execute(query).scalar_one())

    def _entries_by_index(
        self, tenant: str, indexes: set[str]
    ) -> dict[str, tuple[str, datetime | None]]:
        """Token and expiry of each known blind index."""
        if not indexes:
            return {}
        params = {"tenant": tenant, "indexes": sorted(indexes)}
        with self._db.engine.connect() as connection:
            return {
                row.blind_index: (row.token, row.expires_at)
                for row in connection.execute(_ENTRIES_BY_INDEX, params)
            }

    def _tokens_by_index(self, tenant: str, indexes: set[str]) -> dict[str, str]:
        if not indexes:
            return {}
        query = sa.select(vault_entries.c.blind_index, vault_entries.c.token).where(
            vault_entries.c.tenant == tenant,
            vault_entries.c.blind_index.in_(indexes),
        )
        with self._db.engine.connect() as connection:
            return {row.blind_index: row.token for row in connection.execute(query)}

    def _insert(
        self, tenant: str, keys: TenantKeys, entity: str, value: str, index: str
    ) -> str:
        digest = keys.token_digest(entity, normalize_value(entity, value))
        for length in range(MIN_CODE, MAX_CODE + 1):
            token = str(Token(entity, encode_code(digest, length)))
            try:
                self._write(tenant, keys, entity, value, index, token)
            except sa.exc.IntegrityError:
                # Either another writer stored this value first (use its
                # token), or the code is taken by another value (lengthen).
                existing = self._tokens_by_index(tenant, {index}).get(index)
                if existing is not None:
                    return existing
                continue
            return token
        msg = "no free token code for a value; the vault may be corrupt"
        raise VaultError(msg)

    def _write(
        self,
        tenant: str,
        keys: TenantKeys,
        entity: str,
        value: str,
        index: str,
        token: str,
    ) -> None:
        row = _row(tenant, keys, entity, value, index, token)
        with self._db.engine.begin() as connection:
            connection.execute(sa.insert(vault_entries), row)

    @staticmethod
    def _decrypt(tenant: str, keys: TenantKeys, row: sa.Row[object]) -> str:
        try:
            plain = AESGCM(keys.data_key).decrypt(
                row.nonce, row.ciphertext, _aad(tenant, row.token)
            )
        except InvalidTag as exc:
            msg = "a vault entry failed its integrity check"
            raise VaultError(msg) from exc
        return plain.decode()


def _row(
    tenant: str, keys: TenantKeys, entity: str, value: str, index: str, token: str
) -> dict[str, object]:
    """A vault row: the value sealed with AES-GCM under the tenant's key."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(keys.data_key).encrypt(nonce, value.encode(), _aad(tenant, token))
    return {
        "tenant": tenant,
        "token": token,
        "entity": entity,
        "blind_index": index,
        "key_id": keys.key_id,
        "nonce": nonce,
        "ciphertext": sealed,
        "created_at": datetime.now(UTC),
    }


def _aad(tenant: str, token: str) -> bytes:
    return f"gdprgate vault\x1f{tenant}\x1f{token}".encode()
