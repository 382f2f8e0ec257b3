"""Every kind of tampering with the audit trail is found, with its position."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from gdprgate.audit import AuditLog, Verifier, load_signer, verify_chain
from gdprgate.audit.chain import entry_hash
from gdprgate.store import Database
from tests.audit.conftest import entry, execute

Fill = Callable[[int], None]


def kinds(log: AuditLog) -> set[tuple[str, int]]:
    return {(p.kind, p.seq) for p in verify_chain(log).problems}


def test_an_untouched_chain_verifies(log: AuditLog, fill: Fill) -> None:
    fill(12)
    report = verify_chain(log)
    assert report.ok, report.problems
    assert (report.entries, report.first_seq, report.last_seq) == (12, 1, 12)
    assert report.checkpoints == 2
    assert report.last_checkpoint == 10


def test_entries_link_to_their_predecessor(log: AuditLog, fill: Fill) -> None:
    fill(3)
    entries = list(log.entries())
    assert [e.seq for e in entries] == [1, 2, 3]
    assert log.head().seq == 3


def test_an_edited_entry_is_reported(log: AuditLog, db: Database, fill: Fill) -> None:
    fill(8)
    execute(db, "UPDATE audit_events SET status = 500 WHERE seq = 3")
    assert kinds(log) == {("modified", 3)}


def test_an_edited_entry_with_a_fresh_hash_breaks_the_next_link(
    log: AuditLog, db: Database, fill: Fill
) -> None:
    """Whoever rewrites an entry and its hash cannot fix its successor's link."""
    fill(8)
    forged = entry(7, outcome="forged")
    execute(
        db,
        "UPDATE audit_events SET outcome = 'forged', entry_hash = :h WHERE seq = 7",
        h=entry_hash(_hash_at(db, 6), forged.content()),
    )
    assert kinds(log) == {("deleted", 8)}


def _hash_at(db: Database, seq: int) -> str:
    query = sa.text("SELECT entry_hash FROM audit_events WHERE seq = :s")
    with db.engine.connect() as connection:
        return str(connection.execute(query, {"s": seq}).scalar_one())


def test_a_deleted_entry_is_reported(log: AuditLog, db: Database, fill: Fill) -> None:
    fill(8)
    execute(db, "DELETE FROM audit_events WHERE seq = 4")
    assert kinds(log) == {("deleted", 4)}


def test_a_deleted_entry_is_reported_even_when_renumbered(
    log: AuditLog, db: Database, fill: Fill
) -> None:
    fill(4)
    execute(db, "DELETE FROM audit_events WHERE seq = 4")
    execute(db, "DELETE FROM audit_events WHERE seq = 3")
    log.append(entry(9))
    problems = kinds(log)
    assert ("deleted", 3) in problems


def test_an_inserted_entry_is_reported(log: AuditLog, db: Database, fill: Fill) -> None:
    fill(8)
    for seq in range(8, 2, -1):
        execute(db, "UPDATE audit_events SET seq = :n WHERE seq = :o", n=seq + 1, o=seq)
    row = entry(99).as_row()
    prev = _hash_at(db, 2)
    execute(
        db,
        "INSERT INTO audit_events (seq, prev_hash, entry_hash, ts, request_id, tenant,"
        " route, model, stream, status, outcome, latency_ms, entity_counts,"
        " output_counts, tokens) VALUES (3, :p, :h, :ts, :r, 'acme', :route, 'm',"
        " false, 200, 'ok', :lat, '{}', '{}', '[]')",
        p=prev,
        h="f" * 64,
        ts=row["ts"],
        r=row["request_id"],
        route=row["route"],
        lat=row["latency_ms"],
    )
    problems = kinds(log)
    assert ("inserted", 3) in problems
    assert ("inserted", 9) in problems  # one past the head


def test_swapped_entries_are_reported(log: AuditLog, db: Database, fill: Fill) -> None:
    fill(8)
    execute(db, "UPDATE audit_events SET seq = -1 WHERE seq = 4")
    execute(db, "UPDATE audit_events SET seq = 4 WHERE seq = 5")
    execute(db, "UPDATE audit_events SET seq = 5 WHERE seq = -1")
    problems = kinds(log)
    assert ("reordered", 4) in problems
    assert ("reordered", 5) in problems
    assert {kind for kind, _ in problems} == {"reordered", "modified"}


def test_a_cut_tail_is_reported(log: AuditLog, db: Database, fill: Fill) -> None:
    fill(12)
    execute(db, "DELETE FROM audit_events WHERE seq > 10")
    assert kinds(log) == {("truncated", 11)}


def test_a_cut_tail_with_a_rewound_head_is_caught_by_the_checkpoint(
    log: AuditLog, db: Database, fill: Fill
) -> None:
    fill(12)
    execute(db, "DELETE FROM audit_events WHERE seq > 7")
    execute(db, "UPDATE audit_head SET seq = 7, entry_hash = :h", h=_hash_at(db, 7))
    assert kinds(log) == {("truncated", 8)}


def test_a_forged_checkpoint_is_reported(
    log: AuditLog, db: Database, fill: Fill
) -> None:
    fill(10)
    execute(
        db, "UPDATE audit_checkpoints SET entry_hash = :h WHERE seq = 5", h="a" * 64
    )
    assert ("checkpoint", 5) in kinds(log)


def test_checkpoints_of_another_key_are_not_trusted(
    log: AuditLog, fill: Fill, data_dir: Path
) -> None:
    fill(5)
    other = load_signer(data_dir / "other.key")
    report = verify_chain(log, Verifier(other.public_key))
    assert [(p.kind, p.seq) for p in report.problems] == [("checkpoint", 5)]
    own = Verifier.from_text(log.signer.public_text)  # type: ignore[union-attr]
    assert verify_chain(log, own).ok


def test_a_rewritten_history_does_not_match_its_checkpoint(
    log: AuditLog, db: Database, fill: Fill
) -> None:
    """Recomputing every hash after an edit still fails at the checkpoint."""
    fill(6)
    entries = list(log.entries())
    prev = "0" * 64
    for item in entries:
        content = item.content()
        if item.seq == 2:
            content["status"] = 500
        digest = entry_hash(prev, content)
        execute(
            db,
            "UPDATE audit_events SET status = :st, prev_hash = :p, entry_hash = :h"
            " WHERE seq = :s",
            st=content["status"],
            p=prev,
            h=digest,
            s=item.seq,
        )
        prev = digest
    execute(db, "UPDATE audit_head SET entry_hash = :h", h=prev)
    assert kinds(log) == {("modified", 5)}


def test_a_readable_signing_key_is_refused(data_dir: Path) -> None:
    from gdprgate.errors import ConfigError

    path = data_dir / "audit-signing.key"
    load_signer(path)
    path.chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_signer(path)


def test_concurrent_writers_keep_one_unbroken_chain(log: AuditLog) -> None:
    """Eight threads append at once: no fork, no gap, every checkpoint valid."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        positions = list(pool.map(lambda n: log.append(entry(n)), range(1, 81)))
    assert sorted(positions) == list(range(1, 81))
    report = verify_chain(log)
    assert report.ok, report.problems
    assert report.checkpoints == 16


def test_verifying_sees_the_chain_as_it_was_when_it_began(log: AuditLog) -> None:
    """Entries written during the walk are neither checked nor reported."""
    log.append(entry(1))
    with log.db.snapshot() as connection:
        head = log.head(connection)
        log.append(entry(2))
        assert log.head(connection) == head
        assert log.head().seq == head.seq + 1
    report = verify_chain(log)
    assert report.ok, report.problems
    assert report.entries == 2
