"""Identifiers that may not be processed: restriction (Art. 18), objection
(Art. 21) and the tombstones erasure leaves.

A block names a value by its blind index, so it also catches the value when
it comes back after erasure. The gateway asks :meth:`Blocks.check` for each
request. Each check reads the blocks table's change mark (a counter that a
trigger moves on every change, whoever makes it: another worker, a replica,
the CLI); a tenant's active blocks are read again only when it moved, so a
block counts from the moment it is committed, and a tenant without blocks
costs one small read per request.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from gdprgate.detect import Finding
from gdprgate.errors import Forbidden
from gdprgate.rights.subjects import Identifier
from gdprgate.store import Database, change_marks, processing_blocks
from gdprgate.vault import Keyring, normalize_value

# restrict: Art. 18; object: Art. 21; erased: a tombstone.
BLOCK_KINDS = ("restrict", "object", "erased")


@dataclass(frozen=True)
class Block:
    """One active block of one identifier."""

    kind: str
    purposes: tuple[str, ...]  # empty: every purpose

    def applies_to(self, purpose: str | None) -> bool:
        """Whether the block covers a request made for ``purpose``."""
        return not self.purposes or purpose in self.purposes


# Built once: every request reads the blocks on its values.
_ACTIVE = sa.select(
    processing_blocks.c.blind_index,
    processing_blocks.c.kind,
    processing_blocks.c.purposes,
).where(
    processing_blocks.c.tenant == sa.bindparam("tenant"),
    processing_blocks.c.lifted_at.is_(None),
)
_ACTIVE_ON = _ACTIVE.where(
    processing_blocks.c.blind_index.in_(sa.bindparam("indexes", expanding=True))
)
_MARK = sa.select(change_marks.c.version).where(
    change_marks.c.name == processing_blocks.name
)
# A tenant with more active blocks than this is not held in memory: its
# checks read the blocks on the request's values from the store.
HELD_BLOCKS = 10_000
# Held blocks are read again after this many seconds even when the change
# mark did not move: a write that skipped the trigger (a replica session,
# a restore with triggers off, a mark reset) counts within this time.
HELD_SECONDS = 5.0
_ACTIVE_UP_TO = _ACTIVE.limit(HELD_BLOCKS + 1)


@dataclass(frozen=True)
class _Held:
    """A tenant's active blocks as of one change mark; ``None``: too many."""

    mark: int
    blocks: dict[str, list[Block]] | None
    read_at: float = field(default_factory=time.monotonic)


class Blocks:
    """Stores blocks and applies them to the findings of a request."""

    def __init__(self, db: Database, keyring: Keyring, ttl: float = 5.0) -> None:
        self._db = db
        self._keyring = keyring
        self._ttl = ttl
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, dict[str, list[Block]]]] = {}
        self._held: dict[str, _Held] = {}

    def add(
        self,
        tenant: str,
        identifiers: Iterable[Identifier],
        kind: str,
        request_id: str,
        purposes: Sequence[str] = (),
    ) -> int:
        """Block ``identifiers`` for ``purposes`` (none: every purpose)."""
        now = datetime.now(UTC)
        rows = [
            {
                "tenant": tenant,
                "blind_index": i.blind_index,
                "entity": i.entity,
                "kind": kind,
                "request_id": request_id,
                "purposes": list(purposes),
                "created_at": now,
            }
            for i in {(i.entity, i.blind_index): i for i in identifiers}.values()
        ]
        if rows:
            with self._db.engine.begin() as connection:
                connection.execute(sa.insert(processing_blocks), rows)
        self.invalidate()
        return len(rows)

    def lift(self, request_id: str) -> int:
        """Lift every block a request set; how many were lifted."""
        query = (
            sa.update(processing_blocks)
            .where(
                processing_blocks.c.request_id == request_id,
                processing_blocks.c.lifted_at.is_(None),
            )
            .values(lifted_at=datetime.now(UTC))
        )
        with self._db.engine.begin() as connection:
            lifted = connection.execute(query).rowcount
        self.invalidate()
        return int(lifted)

    def invalidate(self) -> None:
        """Forget what was read, so the next check reads the store."""
        with self._lock:
            self._cache.clear()
            self._held.clear()

    def active(self, tenant: str) -> dict[str, list[Block]]:
        """The tenant's active blocks by blind index (cached a few seconds,
        for overviews; checks on values read the store, see :meth:`for_values`)."""
        with self._lock:
            cached = self._cache.get(tenant)
            if cached is not None and time.monotonic() - cached[0] < self._ttl:
                return cached[1]
        found = self._read(tenant, None)
        with self._lock:
            self._cache[tenant] = (time.monotonic(), found)
        return found

    def for_values(
        self, tenant: str, indexes: Collection[str]
    ) -> dict[str, list[Block]]:
        """The active blocks on ``indexes`` as the store holds them now.

        A block or tombstone set by another process (a second worker, a
        replica, the CLI) counts from the moment it is committed: the
        tenant's blocks held in memory are used only while the table's
        change mark has not moved.
        """
        if not indexes:
            return {}
        held = self._current(tenant)
        if held is None:
            return self._read(tenant, sorted(set(indexes)))
        return {index: held[index] for index in indexes if index in held}

    def _current(self, tenant: str) -> dict[str, list[Block]] | None:
        """The tenant's active blocks at the current change mark (read again
        when it moved); ``None`` when the tenant has too many to hold."""
        with self._db.engine.connect() as connection:
            mark = connection.execute(_MARK).scalar_one()
            with self._lock:
                held = self._held.get(tenant)
            if (
                held is None
                or held.mark != mark
                or time.monotonic() - held.read_at > HELD_SECONDS
            ):
                # Read after the mark: blocks committed in between make the
                # next check read again, never go unseen.
                found = self._rows(connection, _ACTIVE_UP_TO, {"tenant": tenant})
                count = sum(len(blocks) for blocks in found.values())
                held = _Held(mark, found if count <= HELD_BLOCKS else None)
                with self._lock:
                    self._held[tenant] = held
        return held.blocks

    def _read(self, tenant: str, indexes: list[str] | None) -> dict[str, list[Block]]:
        params: dict[str, Any] = {"tenant": tenant}
        query = _ACTIVE
        if indexes is not None:
            query, params["indexes"] = _ACTIVE_ON, indexes
        with self._db.engine.connect() as connection:
            return self._rows(connection, query, params)

    @staticmethod
    def _rows(
        connection: sa.Connection, query: sa.Select[Any], params: dict[str, Any]
    ) -> dict[str, list[Block]]:
        found: dict[str, list[Block]] = {}
        for row in connection.execute(query, params):
            block = Block(row.kind, tuple(row.purposes))
            found.setdefault(row.blind_index, []).append(block)
        return found

    def is_blocked(
        self, tenant: str, purpose: str | None, entity: str, value: str
    ) -> bool:
        """Whether any block covers ``value`` for ``purpose``."""
        keys = self._keyring.for_tenant(tenant)
        index = keys.blind_index(entity, normalize_value(entity, value))
        active = self.for_values(tenant, [index])
        return any(b.applies_to(purpose) for b in active.get(index, []))

    def check(
        self,
        tenant: str,
        purpose: str | None,
        texts: Sequence[str],
        findings: Sequence[Sequence[Finding]],
        on_restricted: str = "refuse",
    ) -> tuple[list[str], list[list[Finding]]]:
        """The texts and findings with blocked values handled.

        A restricted or objecting subject's value refuses the request (403,
        naming no value) or is redacted, as ``on_restricted`` says; an
        erased value is always redacted, so it never re-enters the vault.
        """
        if not any(findings):
            return list(texts), [list(found) for found in findings]
        held = self._current(tenant)
        if held == {}:
            # No active block in the tenant: no value needs its blind index.
            return list(texts), [list(found) for found in findings]
        keys = self._keyring.for_tenant(tenant)
        indexes = {
            keys.blind_index(f.entity, normalize_value(f.entity, text[f.start : f.end]))
            for text, found in zip(texts, findings, strict=True)
            for f in found
        }
        if held is None:
            active = self._read(tenant, sorted(indexes))
        else:
            active = {index: held[index] for index in indexes if index in held}
        if not active:
            return list(texts), [list(found) for found in findings]
        out_texts, out_findings = [], []
        for text, found in zip(texts, findings, strict=True):
            blocked = []
            for finding in found:
                value = text[finding.start : finding.end]
                index = keys.blind_index(
                    finding.entity, normalize_value(finding.entity, value)
                )
                kinds = {b.kind for b in active.get(index, []) if b.applies_to(purpose)}
                if kinds - {"erased"} and on_restricted == "refuse":
                    msg = (
                        "the request names a person whose data may not be "
                        "processed for this purpose (restriction or objection)"
                    )
                    raise Forbidden(msg, code="subject_restricted")
                if kinds:
                    blocked.append(finding)
            new_text, kept = redact_spans(text, found, blocked)
            out_texts.append(new_text)
            out_findings.append(kept)
        return out_texts, out_findings


def redact_spans(
    text: str, findings: Sequence[Finding], redacted: Sequence[Finding]
) -> tuple[str, list[Finding]]:
    """``text`` with the ``redacted`` findings replaced by ``[ENTITY]``; the
    other findings moved to their new offsets (``str`` indices)."""
    if not redacted:
        return text, list(findings)
    gone = set(redacted)
    pieces, kept = [], []
    cursor, shift = 0, 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding in gone:
            label = f"[{finding.entity}]"
            pieces.append(text[cursor : finding.start] + label)
            shift += len(label) - len(finding)
            cursor = finding.end
        else:
            kept.append(
                replace(finding, start=finding.start + shift, end=finding.end + shift)
            )
    pieces.append(text[cursor:])
    return "".join(pieces), kept
