"""Stored interactions: the protected request and answer of one request.

Kept only for purposes with ``store_payloads: true``. What is stored is what
went to the model and what came back from it: pseudonymised, with tokens
where personal data was. Auditors read them as stored; the values behind
the tokens are filled in only for principals with the ``reidentify`` role,
by the caller, through the vault.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from gdprgate.audit.log import utc
from gdprgate.errors import StoreError
from gdprgate.store import Database
from gdprgate.store.schema import interaction_payloads

if TYPE_CHECKING:
    from gdprgate.rights.interfaces import PersonKeys


@dataclass(frozen=True)
class Payload:
    """One stored interaction."""

    request_id: str
    tenant: str
    purpose: str
    route: str
    created_at: datetime
    request: Any
    answer: Any

    def to_dict(self) -> dict[str, Any]:
        return {
            "request_id": self.request_id,
            "tenant": self.tenant,
            "purpose": self.purpose,
            "route": self.route,
            "created_at": self.created_at.isoformat(),
            "request": self.request,
            "answer": self.answer,
        }


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PayloadStore:
    """Writes and reads stored interactions."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = _utc_now) -> None:
        self._db = db
        self._clock = clock

    def save(
        self,
        *,
        request_id: str,
        tenant: str,
        purpose: str,
        route: str,
        request: Any,
        answer: Any,
    ) -> None:
        """Store one interaction (protected request and answer)."""
        row = {
            "request_id": request_id,
            "tenant": tenant,
            "purpose": purpose,
            "route": route,
            "created_at": utc(self._clock()),
            "request": request,
            "answer": answer,
        }
        try:
            with self._db.engine.begin() as connection:
                connection.execute(sa.insert(interaction_payloads), row)
        except sa.exc.SQLAlchemyError as exc:
            msg = "cannot store the interaction: is the store migrated and writable?"
            raise StoreError(msg) from exc

    def get(self, request_id: str) -> Payload | None:
        """The interaction of ``request_id``, or ``None``."""
        query = sa.select(interaction_payloads).where(
            interaction_payloads.c.request_id == request_id
        )
        with self._db.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        return Payload(
            request_id=row.request_id,
            tenant=row.tenant,
            purpose=row.purpose,
            route=row.route,
            created_at=utc(row.created_at),
            request=row.request,
            answer=row.answer,
        )

    def stored_for(self, tenant: str, request_ids: Collection[str]) -> list[str]:
        """Which of ``request_ids`` (of ``tenant``) have a stored interaction."""
        if not request_ids:
            return []
        query = sa.select(interaction_payloads.c.request_id).where(
            interaction_payloads.c.tenant == tenant,
            interaction_payloads.c.request_id.in_(sorted(request_ids)),
        )
        with self._db.engine.connect() as connection:
            return sorted(connection.execute(query).scalars())

    def erase(self, person: PersonKeys) -> int:
        """Delete every stored interaction of the person; how many.

        An interaction is the person's when it was sent with their subject
        id or when it holds one of their tokens (stored interactions hold
        tokens, never values). Reads the tenant's interactions one by one.
        """
        query = sa.select(
            interaction_payloads.c.request_id,
            interaction_payloads.c.request,
            interaction_payloads.c.answer,
        ).where(interaction_payloads.c.tenant == person.tenant)
        doomed: list[str] = []
        with self._db.engine.connect() as connection:
            for row in connection.execute(query):
                text = json.dumps([row.request, row.answer], ensure_ascii=False)
                if row.request_id in person.request_ids or any(
                    token in text for token in person.tokens
                ):
                    doomed.append(row.request_id)
        if not doomed:
            return 0
        delete = sa.delete(interaction_payloads).where(
            interaction_payloads.c.tenant == person.tenant,
            interaction_payloads.c.request_id.in_(doomed),
        )
        try:
            with self._db.engine.begin() as connection:
                connection.execute(delete)
        except sa.exc.SQLAlchemyError as exc:
            msg = "cannot erase stored interactions: is the store writable?"
            raise StoreError(msg) from exc
        return len(doomed)

    def count(self) -> int:
        query = sa.select(sa.func.count()).select_from(interaction_payloads)
        with self._db.engine.connect() as connection:
            return int(connection.execute(query).scalar_one())
