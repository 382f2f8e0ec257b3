"""A tombstone set by another process counts at once (no cached window)."""

from __future__ import annotations

from pathlib import Path

from gdprgate.detect import Finding
from gdprgate.rights.blocks import Blocks
from gdprgate.rights.subjects import Identifier
from gdprgate.store import Database
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
