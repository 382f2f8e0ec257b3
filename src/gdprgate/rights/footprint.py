"""Everything gdprgate holds about one person: vault entries, requests sent
with their subject id, and the audit entries that name their tokens."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import sqlalchemy as sa

from gdprgate.audit import AuditEntry, AuditLog
from gdprgate.rights.interfaces import PersonKeys
from gdprgate.rights.subjects import Identifier, Link, Subjects, all_tokens
from gdprgate.store import Database, vault_entries


@dataclass(frozen=True)
class Held:
    """One vault entry of the person (the value stays encrypted here)."""

    token: str
    entity: str
    blind_index: str
    created_at: datetime
    by_identifier: bool  # found by a value the request named
    shared: bool  # also sent in requests about another subject


@dataclass(frozen=True)
class Footprint:
    """What concerns one person in one tenant."""

    tenant: str
    subject_hash: str | None
    identifiers: tuple[Identifier, ...]
    held: tuple[Held, ...]
    links: tuple[Link, ...]
    audit: tuple[AuditEntry, ...]

    @property
    def tokens(self) -> set[str]:
        """The tokens of every value held about the person."""
        return {h.token for h in self.held}

    def own(self) -> Footprint:
        """The footprint without values also sent about another subject
        (unless the request named that value itself): those concern the
        other person too, so they are neither disclosed (Art. 15(4)) nor
        erased for this one."""
        held = tuple(h for h in self.held if h.by_identifier or not h.shared)
        return replace(self, held=held)

    def person_keys(self) -> PersonKeys:
        """The person as other stores know them (tokens and keyed hashes)."""
        return PersonKeys(
            tenant=self.tenant,
            tokens=frozenset(self.tokens),
            blind_indexes=frozenset(
                {h.blind_index for h in self.held}
                | {i.blind_index for i in self.identifiers}
            ),
            request_ids=frozenset(link.request_id for link in self.links),
            written_forms=frozenset(
                form for i in self.identifiers for form in i.written_forms
            ),
        )


def find_person(
    db: Database,
    subjects: Subjects,
    audit: AuditLog,
    tenant: str,
    subject_hash: str | None,
    identifiers: Sequence[Identifier],
) -> Footprint:
    """Collect the footprint of the person a request names."""
    links = subjects.links(tenant, subject_hash) if subject_hash else []
    linked = all_tokens(links)
    others = subjects.tokens_of_others(tenant, subject_hash) if linked else set()
    indexes = {i.blind_index for i in identifiers}
    query = sa.select(
        vault_entries.c.token,
        vault_entries.c.entity,
        vault_entries.c.blind_index,
        vault_entries.c.created_at,
    ).where(
        vault_entries.c.tenant == tenant,
        sa.or_(
            vault_entries.c.token.in_(linked),
            vault_entries.c.blind_index.in_(indexes),
        ),
    )
    with db.engine.connect() as connection:
        rows = connection.execute(query).all()
    held = tuple(
        Held(
            token=row.token,
            entity=row.entity,
            blind_index=row.blind_index,
            created_at=_aware(row.created_at),
            by_identifier=row.blind_index in indexes,
            shared=row.token in others,
        )
        for row in sorted(rows, key=lambda r: (r.entity, r.token))
    )
    tokens = {h.token for h in held}
    request_ids = {link.request_id for link in links}
    entries = tuple(
        entry
        for entry in audit.entries()
        if entry.tenant == tenant
        and (entry.request_id in request_ids or tokens.intersection(entry.tokens))
    )
    return Footprint(
        tenant, subject_hash, tuple(identifiers), held, tuple(links), entries
    )


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
