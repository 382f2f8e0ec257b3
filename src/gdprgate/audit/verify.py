"""Checking the audit chain: every entry, every link, every checkpoint.

A problem names its kind and the chain position (``seq``) where it shows:

- ``modified``: an entry's content no longer matches its hash, or a signed
  checkpoint no longer matches the entry it covers;
- ``deleted``: positions are missing, or an entry's predecessor is gone;
- ``inserted``: an entry that the chain does not link, or one past the head;
- ``reordered``: an entry links to one that is elsewhere in the chain;
- ``truncated``: the end of the chain is gone (the head or a checkpoint
  vouches for entries that are not there);
- ``checkpoint``: a checkpoint whose signature does not verify.

Without the head row and a checkpoint, a cut of the unsigned tail that
also rewinds the head cannot be told from a shorter trail: checkpoints are
what an attacker who can write the database cannot forge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from gdprgate.audit.chain import entry_hash
from gdprgate.audit.log import AuditLog, Head, entry_from_row
from gdprgate.audit.signing import Verifier
from gdprgate.store.schema import audit_events

_BATCH = 1000


@dataclass(frozen=True)
class Problem:
    """One finding of :func:`verify_chain`."""

    kind: str
    seq: int
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "seq": self.seq, "message": self.message}


@dataclass
class Report:
    """What :func:`verify_chain` found."""

    entries: int = 0
    first_seq: int | None = None
    last_seq: int | None = None
    head_seq: int = 0
    pruned_seq: int = 0
    checkpoints: int = 0
    checkpoints_checked: bool = False
    last_checkpoint: int | None = None
    problems: list[Problem] = field(default_factory=list)
    more_problems: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "head_seq": self.head_seq,
            "pruned_seq": self.pruned_seq,
            "checkpoints": self.checkpoints,
            "checkpoints_checked": self.checkpoints_checked,
            "last_checkpoint": self.last_checkpoint,
            "problems": [p.to_dict() for p in self.problems],
            "more_problems": self.more_problems,
        }


class _Walk:
    """The state of one verification walk."""

    def __init__(
        self, log: AuditLog, connection: sa.Connection, report: Report, limit: int
    ) -> None:
        self.log = log
        self.connection = connection
        self.report = report
        self.limit = limit
        self.signed: dict[int, str] = {}

    def add(self, kind: str, seq: int, message: str) -> None:
        if len(self.report.problems) >= self.limit:
            self.report.more_problems = True
            return
        self.report.problems.append(Problem(kind, seq, message))


def verify_chain(
    log: AuditLog, verifier: Verifier | None = None, *, limit: int = 100
) -> Report:
    """Check the whole chain; report at most ``limit`` problems.

    ``verifier`` checks checkpoint signatures (default: the log's signer).
    Without either, checkpoints are not trusted and not used.
    """
    # One snapshot: entries appended while the walk runs are not part of
    # it (they would look like entries past the head otherwise).
    with log.db.snapshot() as connection:
        head = log.head(connection)
        report = Report(head_seq=head.seq, pruned_seq=head.pruned_seq)
        walk = _Walk(log, connection, report, limit)
        _check_checkpoints(walk, verifier or log.signer)
        _check_pruned_start(walk, head)
        last_seq = _walk_entries(walk, head)
        _check_end(walk, head, last_seq)
    return report


def _check_checkpoints(walk: _Walk, verifier: Verifier | None) -> None:
    checkpoints = walk.log.checkpoints(walk.connection)
    walk.report.checkpoints = len(checkpoints)
    if verifier is None:
        return
    walk.report.checkpoints_checked = True
    for checkpoint in checkpoints:
        if checkpoint.key_id == verifier.key_id and verifier.verify(
            checkpoint.signature, checkpoint.message()
        ):
            walk.signed[checkpoint.seq] = checkpoint.entry_hash
        else:
            msg = "checkpoint signature does not verify: forged or altered"
            walk.add("checkpoint", checkpoint.seq, msg)
    if walk.signed:
        walk.report.last_checkpoint = max(walk.signed)


def _check_pruned_start(walk: _Walk, head: Head) -> None:
    # Pruned entries are gone; a signed checkpoint at the cut vouches for
    # the hash the first remaining entry must follow.
    if head.pruned_seq > 0 and walk.signed.get(head.pruned_seq) != head.pruned_hash:
        msg = (
            f"entries up to {head.pruned_seq} are marked as pruned, "
            "but no valid checkpoint covers the cut"
        )
        walk.add("deleted", head.pruned_seq, msg)


def _walk_entries(walk: _Walk, head: Head) -> int:
    """Check every entry in chain order; return the last position seen."""
    expected_seq, prev = head.pruned_seq + 1, head.pruned_hash
    before_prev: str | None = None
    after = last_seq = head.pruned_seq
    moved = False
    while True:
        rows = _batch(walk, after)
        if not rows:
            return last_seq
        for row in rows:
            link = _Link(expected_seq, prev, before_prev, moved)
            moved = _check_entry(walk, row, head, link)
            before_prev, prev = prev, row.entry_hash
            expected_seq = row.seq + 1
            last_seq = row.seq
            walk.report.entries += 1
            if walk.report.first_seq is None:
                walk.report.first_seq = row.seq
        walk.report.last_seq = last_seq
        after = rows[-1].seq


def _batch(walk: _Walk, after: int) -> list[Any]:
    query = (
        sa.select(audit_events)
        .where(audit_events.c.seq > after)
        .order_by(audit_events.c.seq)
        .limit(_BATCH)
    )
    return list(walk.connection.execute(query))


@dataclass(frozen=True)
class _Link:
    """What the walk expects of the next entry."""

    seq: int
    prev: str
    before_prev: str | None
    prev_moved: bool


def _check_entry(walk: _Walk, row: Any, head: Head, link: _Link) -> bool:
    """Check one entry; ``True`` when it was found out of order."""
    seq = row.seq
    content = entry_from_row(row).content()
    if entry_hash(row.prev_hash, content) != row.entry_hash:
        walk.add("modified", seq, "the entry's content does not match its hash")
    signed = walk.signed.get(seq)
    if signed is not None and signed != row.entry_hash:
        msg = "the signed checkpoint here does not match: the chain was rewritten"
        walk.add("modified", seq, msg)
    if seq > head.seq:
        walk.add("inserted", seq, f"the entry lies past the chain head ({head.seq})")
    if seq > link.seq:
        last = seq - 1
        span = str(link.seq) if last == link.seq else f"{link.seq}-{last}"
        walk.add("deleted", link.seq, f"entries {span} are missing")
        return False
    if row.prev_hash == link.prev:
        return False
    return _classify_link(walk, seq, row.prev_hash, link)


def _classify_link(walk: _Walk, seq: int, linked: str, link: _Link) -> bool:
    """Say why an entry does not follow the one before it."""
    if linked == link.before_prev and not link.prev_moved:
        msg = "the entry before this one is not part of the chain"
        walk.add("inserted", seq - 1, msg)
        return False
    query = sa.select(audit_events.c.seq).where(audit_events.c.entry_hash == linked)
    found = walk.connection.execute(query).first()
    if found is not None:
        msg = f"the entry follows entry {found.seq}, not the one before it"
        walk.add("reordered", seq, msg)
        return True
    msg = (
        "the entry does not follow the one before it: an entry was removed "
        "here, or the one before was rewritten"
    )
    walk.add("deleted", seq, msg)
    return False


def _check_end(walk: _Walk, head: Head, last_seq: int) -> None:
    vouched = max([head.seq, *walk.signed])
    if vouched > last_seq:
        span = f"{last_seq + 1}-{vouched}" if vouched > last_seq + 1 else str(vouched)
        walk.add("truncated", last_seq + 1, f"entries {span} are missing at the end")
