"""The audit log: one hash-chained row per gateway request, never a raw value.

Appending takes the chain's head row with an ``UPDATE`` first, so that the
whole step (read the last hash, write the entries, move the head) runs under
the database's write lock: concurrent writers in one process, or in several
gateways on one PostgreSQL, take turns and the chain never forks. Entries
appended at once in one process share a transaction (group commit). An
entry is committed before the request's answer is sent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from gdprgate.audit.chain import entry_hash
from gdprgate.audit.group_commit import GroupCommit
from gdprgate.audit.signing import Signer, checkpoint_message
from gdprgate.errors import StoreError
from gdprgate.store import Database
from gdprgate.store.schema import audit_checkpoints, audit_events, audit_head

logger = logging.getLogger("gdprgate.audit")

DEFAULT_CHECKPOINT_EVERY = 1000


def utc(value: datetime) -> datetime:
    """``value`` in UTC; naive values (as SQLite returns them) are UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """What happened in one request: ids, counts, types, tokens, timings.

    ``entity_counts`` counts what was found in the request; ``output_counts``
    counts personal data the model produced itself and the output rule caught.
    ``details`` holds counts or short codes of events that are not requests
    (a retention sweep, for instance). ``seq`` is the position in the chain,
    set once the entry is written.
    """

    request_id: str
    tenant: str
    route: str
    status: int
    outcome: str
    latency_ms: float
    model: str | None = None
    stream: bool = False
    upstream_ms: float | None = None
    entity_counts: Mapping[str, int] = field(default_factory=dict)
    output_counts: Mapping[str, int] = field(default_factory=dict)
    tokens: Sequence[str] = ()
    key_id: str | None = None
    purpose: str | None = None
    ts: datetime = field(default_factory=lambda: datetime.now(UTC))
    details: Mapping[str, int | str] | None = None
    seq: int | None = None

    def as_row(self) -> dict[str, Any]:
        """The entry as a row of ``audit_events`` (chain columns aside)."""
        return {
            "ts": utc(self.ts),
            "request_id": self.request_id,
            "tenant": self.tenant,
            "route": self.route,
            "model": self.model,
            "stream": self.stream,
            "status": self.status,
            "outcome": self.outcome,
            "latency_ms": round(self.latency_ms, 3),
            "upstream_ms": (
                None if self.upstream_ms is None else round(self.upstream_ms, 3)
            ),
            "entity_counts": dict(sorted(self.entity_counts.items())),
            "output_counts": dict(sorted(self.output_counts.items())),
            "tokens": sorted(self.tokens),
            "key_id": self.key_id,
            "purpose": self.purpose,
            "details": None if self.details is None else dict(self.details),
        }

    def content(self) -> dict[str, Any]:
        """What the entry's hash covers: every field as stored.

        Empty (``None``) fields are left out, so that a column added later,
        empty in old rows, does not change the hashes of entries written
        before it.
        """
        row = self.as_row()
        row["ts"] = row["ts"].isoformat(timespec="microseconds")
        return {key: value for key, value in row.items() if value is not None}


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement that the chain had ``entry_hash`` at ``seq``."""

    seq: int
    entry_hash: str
    created_at: datetime
    key_id: str
    signature: str

    def message(self) -> bytes:
        return checkpoint_message(self.seq, self.entry_hash, self.created_at)


@dataclass(frozen=True, slots=True)
class Head:
    """The chain's last position and hash, and what retention pruned."""

    seq: int
    entry_hash: str
    pruned_seq: int
    pruned_hash: str


def _utc_now() -> datetime:
    return datetime.now(UTC)


class AuditLog:
    """Appends entries to, and reads them back from, the store.

    With a ``signer``, a signed checkpoint is written every
    ``checkpoint_every`` entries, in the transaction of the entry it covers.
    """

    def __init__(
        self,
        db: Database,
        signer: Signer | None = None,
        *,
        checkpoint_every: int = DEFAULT_CHECKPOINT_EVERY,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._db = db
        self.signer = signer
        self._every = max(1, checkpoint_every)
        self._clock = clock
        self._group: GroupCommit[AuditEntry, int] = GroupCommit(self._append_all)

    @property
    def db(self) -> Database:
        return self._db

    def append(self, entry: AuditEntry) -> int:
        """Write one entry; return its position once it is committed.

        Entries appended at the same moment by several threads share one
        transaction (group commit); each call still returns only after its
        own entry is committed.
        """
        return self._group.submit(entry)

    def _append_all(self, entries: Sequence[AuditEntry]) -> list[int]:
        try:
            with self._db.engine.begin() as connection:
                return self._link(connection, entries)
        except sa.exc.SQLAlchemyError as exc:
            msg = "cannot write the audit trail: is the store migrated and writable?"
            raise StoreError(msg) from exc

    def _link(
        self, connection: sa.Connection, entries: Sequence[AuditEntry]
    ) -> list[int]:
        # The UPDATE comes first: it takes the write lock (SQLite) or the
        # head row's lock (PostgreSQL) before anything is read.
        last, prev = lock_head(connection, advance=len(entries))
        first = last - len(entries) + 1
        rows, signed = [], []
        for seq, entry in enumerate(entries, start=first):
            digest = entry_hash(prev, entry.content())
            rows.append(
                {**entry.as_row(), "seq": seq, "prev_hash": prev, "entry_hash": digest}
            )
            if self.signer is not None and seq % self._every == 0:
                signed.append((seq, digest))
            prev = digest
        connection.execute(_INSERT_ENTRIES, rows)
        connection.execute(_SET_HEAD_HASH, {"head_hash": prev})
        for seq, digest in signed:
            self._sign(connection, seq, digest)
        return list(range(first, last + 1))

    def checkpoint(self) -> Checkpoint | None:
        """Sign the chain's head now; ``None`` when there is nothing new.

        Needs a signer. The retention sweeper and ``audit checkpoint`` call
        it, so that the unsigned tail stays short on quiet gateways too.
        """
        if self.signer is None:
            msg = "checkpoints need the audit signing key"
            raise StoreError(msg)
        try:
            with self._db.engine.begin() as connection:
                seq, digest = lock_head(connection, advance=0)
                if seq == 0 or _has_checkpoint(connection, seq):
                    return None
                return self._sign(connection, seq, digest)
        except sa.exc.SQLAlchemyError as exc:
            msg = "cannot write a checkpoint: is the store migrated and writable?"
            raise StoreError(msg) from exc

    def sign_at(self, connection: sa.Connection, seq: int, digest: str) -> None:
        """Sign position ``seq`` within ``connection``'s transaction (if new)."""
        if not _has_checkpoint(connection, seq):
            self._sign(connection, seq, digest)

    def _sign(self, connection: sa.Connection, seq: int, digest: str) -> Checkpoint:
        assert self.signer is not None
        created = utc(self._clock())
        message = checkpoint_message(seq, digest, created)
        checkpoint = Checkpoint(
            seq, digest, created, self.signer.key_id, self.signer.sign(message)
        )
        connection.execute(
            sa.insert(audit_checkpoints),
            {
                "seq": seq,
                "entry_hash": digest,
                "created_at": created,
                "key_id": checkpoint.key_id,
                "signature": checkpoint.signature,
            },
        )
        logger.info("audit checkpoint signed", extra={"seq": seq})
        return checkpoint

    def head(self, connection: sa.Connection | None = None) -> Head:
        """The chain's head row (read on ``connection`` when given)."""
        query = sa.select(audit_head).where(audit_head.c.id == 1)
        with self._reading(connection) as reader:
            row = reader.execute(query).one()
        return Head(row.seq, row.entry_hash, row.pruned_seq, row.pruned_hash)

    def checkpoints(self, connection: sa.Connection | None = None) -> list[Checkpoint]:
        """Every checkpoint, oldest first (read on ``connection`` when given)."""
        query = sa.select(audit_checkpoints).order_by(audit_checkpoints.c.seq)
        with self._reading(connection) as reader:
            rows = reader.execute(query).all()
        return [
            Checkpoint(
                row.seq, row.entry_hash, utc(row.created_at), row.key_id, row.signature
            )
            for row in rows
        ]

    @contextmanager
    def _reading(self, connection: sa.Connection | None) -> Iterator[sa.Connection]:
        if connection is not None:
            yield connection
            return
        with self._db.engine.connect() as own:
            yield own

    def entries(
        self,
        request_id: str | None = None,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> Iterator[AuditEntry]:
        """Entries in chain order (of one request, or from ``since`` to
        before ``until``)."""
        query = sa.select(audit_events).order_by(audit_events.c.seq)
        if request_id is not None:
            query = query.where(audit_events.c.request_id == request_id)
        if since is not None:
            query = query.where(audit_events.c.ts >= utc(since))
        if until is not None:
            query = query.where(audit_events.c.ts < utc(until))
        with self._db.engine.connect() as connection:
            for row in connection.execute(query):
                yield entry_from_row(row)


def lock_head(connection: sa.Connection, *, advance: int) -> tuple[int, str]:
    """Lock the head row and move its position on by ``advance``; return
    the new position and the hash of the last entry before the move."""
    row = connection.execute(_ADVANCE_HEAD, {"advance": advance}).one()
    return int(row.seq), str(row.entry_hash)


# Built once: every audited request runs them.
_ADVANCE_HEAD = (
    sa.update(audit_head)
    .where(audit_head.c.id == 1)
    .values(seq=audit_head.c.seq + sa.bindparam("advance", type_=sa.Integer))
    .returning(audit_head.c.seq, audit_head.c.entry_hash)
)
_INSERT_ENTRIES = sa.insert(audit_events)
_SET_HEAD_HASH = (
    sa.update(audit_head)
    .where(audit_head.c.id == 1)
    .values(entry_hash=sa.bindparam("head_hash"))
)


def _has_checkpoint(connection: sa.Connection, seq: int) -> bool:
    query = sa.select(audit_checkpoints.c.seq).where(audit_checkpoints.c.seq == seq)
    return connection.execute(query).first() is not None


def entry_from_row(row: Any) -> AuditEntry:
    """An :class:`AuditEntry` from a row of ``audit_events``."""
    return AuditEntry(
        request_id=row.request_id,
        tenant=row.tenant,
        route=row.route,
        status=row.status,
        outcome=row.outcome,
        latency_ms=row.latency_ms,
        model=row.model,
        stream=bool(row.stream),
        upstream_ms=row.upstream_ms,
        entity_counts=dict(row.entity_counts),
        output_counts=dict(row.output_counts or {}),
        tokens=list(row.tokens),
        key_id=row.key_id,
        purpose=row.purpose,
        ts=utc(row.ts),
        details=None if row.details is None else dict(row.details),
        seq=getattr(row, "seq", None),
    )
