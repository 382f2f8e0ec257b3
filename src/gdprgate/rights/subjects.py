"""Finding a person: by the subject id an application sends, or by a value.

An application names the person a request is about with the header
``X-Gdprgate-Subject``. The id is kept only as a keyed hash (HMAC-SHA256
under a sub-key of the tenant's data key), linked to the request's id, time,
purpose, model and tokens. A value (e-mail, phone, name, national id) is
found through the vault's blind index, without storing it.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from gdprgate.audit import AuditEntry
from gdprgate.datasets.lookup_forms import lookup_forms
from gdprgate.errors import BadRequest
from gdprgate.store import Database, subject_links, vault_entries
from gdprgate.vault import Keyring, normalize_value

SUBJECT_HEADER = "x-gdprgate-subject"
MAX_SUBJECT_ID = 256

# The entity types an identifier of each kind may have been detected as.
NATIONAL_IDS = (
    "AT_SOCIAL_SECURITY",
    "BE_NATIONAL_NUMBER",
    "DE_PENSION_INSURANCE",
    "DE_TAX_ID",
    "DK_CPR",
    "ES_NIE",
    "ES_NIF",
    "ES_NSS",
    "FI_HETU",
    "FR_NIR",
    "FR_SPI",
    "ID_NUMBER",
    "IE_PPSN",
    "IT_FISCAL_CODE",
    "NL_BSN",
    "PASSPORT",
    "PL_PESEL",
    "PT_NIF",
    "SE_PERSONNUMMER",
    "UK_NHS",
    "UK_NINO",
    "US_SSN",
)
IDENTIFIER_KINDS: dict[str, tuple[str, ...]] = {
    "email": ("EMAIL_ADDRESS",),
    "phone": ("PHONE_NUMBER",),
    "name": ("PERSON",),
    "national_id": NATIONAL_IDS,
    "iban": ("IBAN_CODE",),
}


@dataclass(frozen=True)
class Identifier:
    """One candidate keyed hash of a value: its entity type and blind index.

    ``written_forms`` are the keyed hashes of the other forms the value may
    be written in (a phone number with and without its country code, an
    identifier with and without separators; see
    :func:`gdprgate.datasets.lookup_forms.lookup_forms`). They find the
    scrubbed data sets that hold the person, which keep each value as it
    was written; the vault, which normalises what it stores, is looked up
    by ``blind_index`` alone.
    """

    entity: str
    blind_index: str
    written_forms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A register row read back from JSON holds a list.
        object.__setattr__(self, "written_forms", tuple(self.written_forms))


@dataclass(frozen=True)
class Link:
    """One request sent with a subject id."""

    request_id: str
    ts: datetime
    purpose: str | None
    model: str | None
    tokens: tuple[str, ...]


@functools.lru_cache(maxsize=64)
def _subject_key(data_key: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"subject v1")
    return hkdf.derive(data_key)


def check_subject_id(subject_id: str) -> str:
    """The subject id, stripped; 400 when empty, too long or with controls."""
    text = subject_id.strip()
    if not text or len(text) > MAX_SUBJECT_ID or not text.isprintable():
        msg = f"X-Gdprgate-Subject must be 1 to {MAX_SUBJECT_ID} printable characters"
        raise BadRequest(msg, code="invalid_subject")
    return text


class Subjects:
    """Keyed hashes of subject ids and identifiers, and the subject links."""

    def __init__(self, db: Database, keyring: Keyring) -> None:
        self._db = db
        self._keyring = keyring

    def subject_hash(self, tenant: str, subject_id: str) -> str:
        """The keyed hash a subject id is stored as in ``tenant``."""
        key = _subject_key(self._keyring.for_tenant(tenant).data_key)
        message = check_subject_id(subject_id).encode()
        return hmac.new(key, message, hashlib.sha256).hexdigest()

    def identifiers(self, tenant: str, kind: str, value: str) -> list[Identifier]:
        """Candidate blind indexes of ``value`` for every type ``kind`` covers.

        ``kind`` ``value`` stands for any type the tenant's vault holds.
        """
        entities = IDENTIFIER_KINDS.get(kind)
        if entities is None:
            entities = tuple(self._entities_in_vault(tenant))
        keys = self._keyring.for_tenant(tenant)
        found = []
        for entity in entities:
            index = keys.blind_index(entity, normalize_value(entity, value))
            forms = {
                keys.blind_index(entity, form) for form in lookup_forms(entity, value)
            }
            found.append(Identifier(entity, index, tuple(sorted(forms - {index}))))
        return found

    def link(self, tenant: str, subject_id: str, entry: AuditEntry) -> None:
        """Remember that the request of ``entry`` was about this subject."""
        row = {
            "tenant": tenant,
            "subject_hash": self.subject_hash(tenant, subject_id),
            "request_id": entry.request_id,
            "ts": entry.ts,
            "purpose": entry.purpose,
            "model": entry.model,
            "tokens": sorted(entry.tokens),
        }
        with self._db.engine.begin() as connection:
            connection.execute(sa.insert(subject_links), row)

    def links(self, tenant: str, subject_hash: str) -> list[Link]:
        """The requests sent with this subject, oldest first."""
        query = (
            sa.select(subject_links)
            .where(
                subject_links.c.tenant == tenant,
                subject_links.c.subject_hash == subject_hash,
            )
            .order_by(subject_links.c.id)
        )
        with self._db.engine.connect() as connection:
            return [_link(row) for row in connection.execute(query)]

    def tokens_of_others(self, tenant: str, subject_hash: str | None) -> set[str]:
        """Tokens sent in requests about any other subject of the tenant."""
        query = sa.select(subject_links.c.tokens).where(
            subject_links.c.tenant == tenant
        )
        if subject_hash is not None:
            query = query.where(subject_links.c.subject_hash != subject_hash)
        with self._db.engine.connect() as connection:
            return {token for row in connection.execute(query) for token in row.tokens}

    def _entities_in_vault(self, tenant: str) -> Sequence[str]:
        query = (
            sa.select(vault_entries.c.entity)
            .where(vault_entries.c.tenant == tenant)
            .distinct()
        )
        with self._db.engine.connect() as connection:
            return sorted(row.entity for row in connection.execute(query))


def _link(row: sa.Row[object]) -> Link:
    ts: datetime = row.ts
    return Link(
        request_id=row.request_id,
        ts=ts if ts.tzinfo else ts.replace(tzinfo=UTC),
        purpose=row.purpose,
        model=row.model,
        tokens=tuple(row.tokens),
    )


def all_tokens(links: Iterable[Link]) -> set[str]:
    """Every token the links name."""
    return {token for link in links for token in link.tokens}
