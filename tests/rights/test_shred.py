"""Crypto-shredding: erasure destroys the keys of copies that cannot be
deleted in place, so those copies can no longer be opened."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from gdprgate.rights import Shredded, request_scope
from gdprgate.store import shred_keys
from tests.rights.conftest import RightsStack
from tests.support.canary import EMAIL, PERSON


def _wrapped_keys(stack: RightsStack) -> list[bytes]:
    with stack.db.engine.connect() as connection:
        return [row.wrapped_key for row in connection.execute(sa.select(shred_keys))]


def _files(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.iterdir()) if p.is_file())


def test_erasure_shreds_what_the_persons_requests_sealed(stack: RightsStack) -> None:
    assert stack.chat(f"{PERSON} wrote from {EMAIL}", "c-9").status_code == 200
    assert stack.chat("Unrelated question", "c-10").status_code == 200
    links = {
        subject: stack.rights.subjects.links(
            "acme", stack.rights.subjects.subject_hash("acme", subject)
        )[0].request_id
        for subject in ("c-9", "c-10")
    }
    # An append-only copy of each request, sealed under its request's key.
    copies = {
        subject: stack.rights.shred.seal("acme", request_scope(rid), b"segment")
        for subject, rid in links.items()
    }
    keys_before = _wrapped_keys(stack)

    opened = stack.dpo(
        "POST", "/admin/rights", json={"kind": "erase", "subject": "c-9"}
    )
    receipt = stack.dpo("POST", f"/admin/rights/{opened.json()['id']}/execute").json()
    assert receipt["shredded_keys"] == 1

    with pytest.raises(Shredded):
        stack.rights.shred.open("acme", request_scope(links["c-9"]), copies["c-9"])
    kept = stack.rights.shred.open("acme", request_scope(links["c-10"]), copies["c-10"])
    assert kept == b"segment"
    stored = _files(stack.data_dir)
    gone = [key for key in keys_before if key not in _wrapped_keys(stack)]
    assert len(gone) == 1
    assert gone[0] not in stored
    # The hook notice's own key went when the hook confirmed: one key is left.
    assert len(_wrapped_keys(stack)) == 1
