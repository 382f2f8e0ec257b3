"""The register of data-subject requests: received, due, extended, closed.

Every request is a row with its deadline (Art. 12(3), see
:mod:`gdprgate.rights.deadline`) and an event history. The register holds
no identifier in clear: the subject as a keyed hash, values as candidate
blind indexes.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal, get_args

import sqlalchemy as sa

from gdprgate.errors import NotFound, RightsError
from gdprgate.records.registers import RightsSummary
from gdprgate.rights.deadline import due_date, extended_due_date
from gdprgate.rights.subjects import Identifier
from gdprgate.store import Database, rights_events, rights_hook_calls, rights_requests

Kind = Literal["access", "erase", "restrict", "object", "export"]
KINDS: tuple[str, ...] = get_args(Kind)
# open: received, not yet done; waiting_for_hooks: erased here, other systems
# have not all confirmed; in_force: a restriction or objection applies;
# closed: answered (or lifted).
Status = Literal["open", "waiting_for_hooks", "in_force", "closed"]
STATUSES: tuple[str, ...] = get_args(Status)
ANSWERED = frozenset({"in_force", "closed"})


@dataclass(frozen=True)
class Event:
    """One step in a request's history."""

    ts: datetime
    event: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class HookCall:
    """Where one deletion hook stands for one erasure."""

    hook: str
    status: str  # pending, confirmed or failed
    attempts: int
    last_error: str | None


@dataclass(frozen=True)
class RightsRequest:
    """A data-subject request as the register holds it."""

    id: str
    tenant: str
    kind: str
    status: str
    received_on: date
    due_on: date
    extended_to: date | None
    extension_reason: str | None
    subject_hash: str | None
    identifiers: tuple[Identifier, ...]
    purposes: tuple[str, ...]
    created_at: datetime
    closed_at: datetime | None
    events: tuple[Event, ...] = ()
    hooks: tuple[HookCall, ...] = field(default=())

    @property
    def deadline(self) -> date:
        """The day the request must be answered by, extension included."""
        return self.extended_to or self.due_on

    def overdue(self, today: date) -> bool:
        """Whether the request is still unanswered after its deadline."""
        return self.status not in ANSWERED and today > self.deadline

    def to_dict(self, today: date) -> dict[str, Any]:
        """A JSON-ready description: no identifier, hashes only."""
        return {
            "id": self.id,
            "tenant": self.tenant,
            "kind": self.kind,
            "status": self.status,
            "received_on": self.received_on.isoformat(),
            "due_on": self.due_on.isoformat(),
            "extended_to": _iso(self.extended_to),
            "extension_reason": self.extension_reason,
            "deadline": self.deadline.isoformat(),
            "overdue": self.overdue(today),
            "by_subject_id": self.subject_hash is not None,
            "identifier_types": sorted({i.entity for i in self.identifiers}),
            "purposes": list(self.purposes),
            "closed_at": _iso(self.closed_at),
            "hooks": [vars(hook) for hook in self.hooks],
            "events": [
                {"ts": e.ts.isoformat(), "event": e.event, "detail": e.detail}
                for e in self.events
            ],
        }


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class RightsRegister:
    """Opens, reads and moves data-subject requests along."""

    def __init__(
        self, db: Database, today: Any = None, holidays: Collection[date] = ()
    ) -> None:
        self._db = db
        self._today = today or (lambda: datetime.now(UTC).date())
        # Public holidays a deadline moves past, like a weekend day.
        self._holidays = frozenset(holidays)

    def today(self) -> date:
        """Today's date (UTC), from the clock the register was given."""
        day: date = self._today()
        return day

    def open(
        self,
        *,
        tenant: str,
        kind: str,
        subject_hash: str | None,
        identifiers: Sequence[Identifier],
        purposes: Sequence[str] = (),
        received_on: date | None = None,
    ) -> RightsRequest:
        """Register a request received on ``received_on`` (default: today)."""
        if kind not in KINDS:
            raise RightsError(f"the kind of request must be one of {', '.join(KINDS)}")
        if subject_hash is None and not identifiers:
            msg = "name the person: a subject id or at least one identifier"
            raise RightsError(msg)
        received = received_on or self.today()
        request_id = "rr_" + secrets.token_hex(8)
        row = {
            "id": request_id,
            "tenant": tenant,
            "kind": kind,
            "status": "open",
            "received_on": received,
            "due_on": due_date(received, holidays=self._holidays),
            "subject_hash": subject_hash,
            "identifiers": [vars(i) for i in identifiers],
            "purposes": list(purposes),
            "created_at": datetime.now(UTC),
        }
        with self._db.engine.begin() as connection:
            connection.execute(sa.insert(rights_requests), row)
            _event(connection, request_id, "received", {"kind": kind})
        return self.get(request_id)

    def get(self, request_id: str) -> RightsRequest:
        """The request with its events and hook calls; 404 when unknown."""
        with self._db.engine.connect() as connection:
            row = connection.execute(
                sa.select(rights_requests).where(rights_requests.c.id == request_id)
            ).first()
            if row is None:
                raise NotFound("no rights request with this id")
            events = connection.execute(
                sa.select(rights_events)
                .where(rights_events.c.request_id == request_id)
                .order_by(rights_events.c.id)
            ).all()
            hooks = connection.execute(
                sa.select(rights_hook_calls)
                .where(rights_hook_calls.c.request_id == request_id)
                .order_by(rights_hook_calls.c.hook)
            ).all()
        return _request(row, events, hooks)

    def list(self, *, overdue: bool = False) -> list[RightsRequest]:
        """Every request, oldest first; only the overdue ones when asked."""
        query = sa.select(rights_requests.c.id).order_by(
            rights_requests.c.received_on, rights_requests.c.created_at
        )
        with self._db.engine.connect() as connection:
            ids = [row.id for row in connection.execute(query)]
        found = [self.get(request_id) for request_id in ids]
        if overdue:
            return [r for r in found if r.overdue(self.today())]
        return found

    def extend(self, request_id: str, months: int, reason: str) -> RightsRequest:
        """Extend the deadline by 1 or 2 months (Art. 12(3)), with a reason."""
        request = self.get(request_id)
        if not reason.strip():
            raise RightsError("an extension needs a reason (Art. 12(3))")
        if request.status in ANSWERED:
            raise RightsError("this request is answered already")
        try:
            until = extended_due_date(request.received_on, months, self._holidays)
        except ValueError as exc:
            raise RightsError(str(exc)) from None
        values = {"extended_to": until, "extension_reason": reason.strip()}
        self._update(request_id, values, "extended", {"until": until.isoformat()})
        return self.get(request_id)

    def set_status(
        self, request_id: str, status: str, event: str, detail: dict[str, Any]
    ) -> None:
        """Move a request to ``status`` and record why."""
        values: dict[str, Any] = {"status": status}
        if status == "closed":
            values["closed_at"] = datetime.now(UTC)
        self._update(request_id, values, event, detail)

    def record(self, request_id: str, event: str, detail: dict[str, Any]) -> None:
        """Add an event to a request's history."""
        with self._db.engine.begin() as connection:
            _event(connection, request_id, event, detail)

    def summary(self) -> RightsSummary:
        """Counts for the Art. 30 record and the evidence bundle."""
        requests = self.list()
        today = self.today()
        return RightsSummary(
            received=len(requests),
            open=sum(r.status not in ANSWERED for r in requests),
            overdue=sum(r.overdue(today) for r in requests),
            closed=sum(r.status in ANSWERED for r in requests),
        )

    def open_count(self) -> int:
        """Requests not yet answered (for ``/metrics``)."""
        return self.summary().open

    def overdue_count(self) -> int:
        """Unanswered requests past their deadline (for ``/metrics``)."""
        return self.summary().overdue

    def _update(
        self,
        request_id: str,
        values: dict[str, Any],
        event: str,
        detail: dict[str, Any],
    ) -> None:
        with self._db.engine.begin() as connection:
            connection.execute(
                sa.update(rights_requests)
                .where(rights_requests.c.id == request_id)
                .values(**values)
            )
            _event(connection, request_id, event, detail)


def _event(
    connection: sa.Connection, request_id: str, event: str, detail: dict[str, Any]
) -> None:
    row = {
        "request_id": request_id,
        "ts": datetime.now(UTC),
        "event": event,
        "detail": detail,
    }
    connection.execute(sa.insert(rights_events), row)


def _request(
    row: sa.Row[Any], events: Iterable[sa.Row[Any]], hooks: Iterable[sa.Row[Any]]
) -> RightsRequest:
    return RightsRequest(
        id=row.id,
        tenant=row.tenant,
        kind=row.kind,
        status=row.status,
        received_on=row.received_on,
        due_on=row.due_on,
        extended_to=row.extended_to,
        extension_reason=row.extension_reason,
        subject_hash=row.subject_hash,
        identifiers=tuple(Identifier(**i) for i in row.identifiers),
        purposes=tuple(row.purposes),
        created_at=_aware(row.created_at),
        closed_at=None if row.closed_at is None else _aware(row.closed_at),
        events=tuple(Event(_aware(e.ts), e.event, dict(e.detail)) for e in events),
        hooks=tuple(
            HookCall(h.hook, h.status, h.attempts, h.last_error) for h in hooks
        ),
    )
