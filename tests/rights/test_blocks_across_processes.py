"""A block or tombstone set by another process counts at once (no cached
window), however it was written."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from gdprgate.detect import Finding
from gdprgate.rights import blocks as blocks_module
from gdprgate.rights.blocks import Blocks
from gdprgate.rights.subjects import Identifier
from gdprgate.store import Database, processing_blocks
from gdprgate.vault import Keyring, load_master_key
from gdprgate.vault.normalize import normalize_value
from tests.support.canary import EMAIL, EMAIL_2


def test_a_block_written_elsewhere_counts_on_the_next_check(
    db: Database, data_dir: Path
) -> None:
    keyring = Keyring(db, load_master_key(data_dir))
    here, elsewhere = Blocks(db, keyring), Blocks(db, keyring)
    text = f"write to {EMAIL} and {EMAIL_2}"
    findings = [
        Finding(text.index(v), text.index(v) + len(v), "EMAIL_ADDRESS", 1.0, "t")
        for v in (EMAIL, EMAIL_2)
    ]
    # A first check fills whatever this process may keep.
    assert here.check("acme", "support", [text], [findings])[0] == [text]
    keys = keyring.for_tenant("acme")
    index = keys.blind_index("EMAIL_ADDRESS", normalize_value("EMAIL_ADDRESS", EMAIL))
    elsewhere.add("acme", [Identifier("EMAIL_ADDRESS", index)], "erased", "rr_1")
    [new_text], [kept] = here.check("acme", "support", [text], [findings])
    assert [new_text[f.start : f.end] for f in kept] == [EMAIL_2]
    assert EMAIL not in new_text
    assert "[EMAIL_ADDRESS]" in new_text
    assert EMAIL_2 in new_text
    assert here.is_blocked("acme", "support", "EMAIL_ADDRESS", EMAIL)


def _findings(text: str, values: tuple[str, ...]) -> list[Finding]:
    return [
        Finding(text.index(v), text.index(v) + len(v), "EMAIL_ADDRESS", 1.0, "t")
        for v in values
    ]


def test_a_block_written_by_hand_on_another_connection_counts_at_once(
    db: Database, data_dir: Path
) -> None:
    """Any writer moves the change mark (a trigger), not only this code."""
    keyring = Keyring(db, load_master_key(data_dir))
    blocks = Blocks(db, keyring)
    text = f"write to {EMAIL}"
    findings = _findings(text, (EMAIL,))
    assert blocks.check("acme", "support", [text], [findings])[0] == [text]

    index = keyring.for_tenant("acme").blind_index(
        "EMAIL_ADDRESS", normalize_value("EMAIL_ADDRESS", EMAIL)
    )
    row = {
        "tenant": "acme",
        "blind_index": index,
        "entity": "EMAIL_ADDRESS",
        "kind": "erased",
        "request_id": "rr_2",
        "purposes": [],
        "created_at": datetime.now(UTC),
    }
    other = Database(db.url)
    try:
        with other.engine.begin() as connection:
            connection.execute(sa.insert(processing_blocks), row)
        [new_text], _ = blocks.check("acme", "support", [text], [findings])
        assert EMAIL not in new_text

        # Lifted by hand elsewhere: the value passes again on the next check.
        with other.engine.begin() as connection:
            connection.execute(
                sa.update(processing_blocks).values(lifted_at=datetime.now(UTC))
            )
    finally:
        other.close()
    assert blocks.check("acme", "support", [text], [findings])[0] == [text]


def test_a_tenant_without_blocks_costs_no_read_of_the_blocks_table(
    db: Database, data_dir: Path
) -> None:
    keyring = Keyring(db, load_master_key(data_dir))
    blocks = Blocks(db, keyring)
    text = f"write to {EMAIL} and {EMAIL_2}"
    findings = _findings(text, (EMAIL, EMAIL_2))
    blocks.check("acme", "support", [text], [findings])

    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]))

    sa.event.listen(db.engine, "before_cursor_execute", seen)
    try:
        for _ in range(3):
            assert blocks.check("acme", "support", [text], [findings])[0] == [text]
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", seen)
    reads = [s for s in statements if "processing_blocks" in s]
    assert reads == []
    assert len([s for s in statements if "change_marks" in s]) == 3


def test_a_tenant_with_too_many_blocks_is_checked_in_the_store(
    db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blocks_module, "HELD_BLOCKS", 1)
    monkeypatch.setattr(blocks_module, "_ACTIVE_UP_TO", blocks_module._ACTIVE.limit(2))
    keyring = Keyring(db, load_master_key(data_dir))
    blocks = Blocks(db, keyring)
    keys = keyring.for_tenant("acme")
    erased = [
        Identifier(
            "EMAIL_ADDRESS",
            keys.blind_index("EMAIL_ADDRESS", normalize_value("EMAIL_ADDRESS", v)),
        )
        for v in (EMAIL, EMAIL_2)
    ]
    Blocks(db, keyring).add("acme", erased, "erased", "rr_3")
    text = f"write to {EMAIL} and {EMAIL_2}"
    [new_text], [kept] = blocks.check(
        "acme", "support", [text], [_findings(text, (EMAIL, EMAIL_2))]
    )
    assert kept == []
    assert EMAIL not in new_text
    assert EMAIL_2 not in new_text
    assert blocks.is_blocked("acme", "support", "EMAIL_ADDRESS", EMAIL_2)


def test_a_block_that_skipped_the_change_mark_counts_after_a_while(
    db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write with the trigger bypassed (a replica session, a restore with
    triggers off) moves no mark: held blocks are read again after
    HELD_SECONDS whatever the mark says."""
    keyring = Keyring(db, load_master_key(data_dir))
    here, elsewhere = Blocks(db, keyring), Blocks(db, keyring)
    text = f"write to {EMAIL}"
    findings = _findings(text, (EMAIL,))
    assert here.check("acme", "support", [text], [findings])[0] == [text]
    with db.engine.connect() as connection:
        [mark] = connection.execute(
            sa.text("SELECT version FROM change_marks WHERE name = :n"),
            {"n": processing_blocks.name},
        ).one()
    keys = keyring.for_tenant("acme")
    index = keys.blind_index("EMAIL_ADDRESS", normalize_value("EMAIL_ADDRESS", EMAIL))
    elsewhere.add("acme", [Identifier("EMAIL_ADDRESS", index)], "erased", "rr_9")
    with db.engine.begin() as connection:  # as if the trigger had not fired
        connection.execute(
            sa.text("UPDATE change_marks SET version = :v WHERE name = :n"),
            {"v": mark, "n": processing_blocks.name},
        )
    assert here.check("acme", "support", [text], [findings])[0] == [text]
    monkeypatch.setattr(blocks_module, "HELD_SECONDS", 0.0)
    [new_text], _ = here.check("acme", "support", [text], [findings])
    assert EMAIL not in new_text
