"""Retention: what the policy no longer allows to keep is gone, bytes and all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from gdprgate.audit import AuditEntry, AuditLog, PayloadStore, load_signer, verify_chain
from gdprgate.policy import Policy, parse_policy
from gdprgate.retention import Retention
from gdprgate.store import Database
from gdprgate.store.schema import vault_entries
from gdprgate.vault import FOREVER, Keyring, Vault, load_master_key
from tests.support.canary import EMAIL, PERSON

POLICY = """
version: 1
controller: {name: Example Ltd, contact: privacy@example.org}
tenants: [{id: acme}]
purposes:
  - id: support
    description: Answering tickets.
    legal_basis: b
    data_subjects: [customer]
    data_categories: [user.name]
    store_payloads: true
    retention: {payloads: 30d, vault: 30d, audit: 90d}
  - id: research
    description: Research on pseudonymised questions.
    legal_basis: f
    data_subjects: [customer]
    data_categories: [user.name]
    store_payloads: true
    retention: {payloads: 7d, vault: 10d, audit: 30d}
"""
MARKER = "quokka-ticket-7781"


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


class Stores:
    def __init__(self, db: Database, data_dir: Path, policy: Policy) -> None:
        self.db = db
        self.clock = Clock()
        self.start = self.clock.now
        self.audit = AuditLog(db, load_signer(data_dir / "audit-signing.key"))
        self.payloads = PayloadStore(db, self.clock)
        self.vault = Vault(db, Keyring(db, load_master_key(data_dir)))
        self.retention = Retention(db, lambda: policy, self.audit, self.clock)

    def request(self, number: int, purpose: str) -> None:
        request_id = f"req_{purpose}_{number:03d}"
        self.payloads.save(
            request_id=request_id,
            tenant="acme",
            purpose=purpose,
            route="/v1/chat/completions",
            request={"messages": [{"content": f"{MARKER} {purpose} {number}"}]},
            answer={"choices": [{"message": {"content": "noted"}}]},
        )
        self.audit.append(
            AuditEntry(
                request_id=request_id,
                tenant="acme",
                route="/v1/chat/completions",
                status=200,
                outcome="ok",
                latency_ms=3.0,
                purpose=purpose,
                ts=self.clock.now,
            )
        )

    def later(self, days: float) -> None:
        self.clock.now = self.start + timedelta(days=days)


@pytest.fixture
def stores(db: Database, data_dir: Path) -> Stores:
    return Stores(db, data_dir, parse_policy(POLICY))


def _file_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.iterdir()) if p.is_file())


def test_expired_data_is_gone_from_the_sqlite_files(data_dir: Path) -> None:
    """Not hidden: the bytes are not in the database file or its journal."""
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    stores = Stores(db, data_dir, parse_policy(POLICY))
    stores.vault.tokenize("acme", "PERSON", PERSON)
    with db.engine.connect() as connection:
        index = connection.execute(sa.select(vault_entries.c.blind_index)).scalar_one()
    for number in range(3):
        stores.request(number, "support")
    before = _file_bytes(data_dir)
    assert MARKER.encode() in before
    assert index.encode() in before

    stores.later(31)
    result = stores.retention.run()
    assert (result.payloads, result.vault, result.audit) == (3, 1, 0)
    stores.later(91)
    result = stores.retention.run()
    db.close()

    assert result.audit == 4  # three requests and the first sweep
    blob = _file_bytes(data_dir)
    assert MARKER.encode() not in blob
    assert index.encode() not in blob
    assert b"req_support_001" not in blob


def test_each_purpose_keeps_its_payloads_for_its_own_period(stores: Stores) -> None:
    stores.request(1, "support")
    stores.request(2, "research")
    stores.later(8)
    assert stores.retention.run().payloads == 1
    assert stores.payloads.get("req_research_002") is None
    assert stores.payloads.get("req_support_001") is not None
    stores.later(31)
    assert stores.retention.run().payloads == 1
    assert stores.payloads.count() == 0


def test_the_vault_keeps_values_for_the_longest_period(stores: Stores) -> None:
    """Values are shared by purposes, so the longest vault period counts."""
    token = stores.vault.tokenize("acme", "PERSON", PERSON)
    stores.later(11)
    assert stores.retention.run().vault == 0
    assert stores.vault.resolve("acme", [token]) == {token: PERSON}
    stores.later(31)
    assert stores.retention.run().vault == 1
    assert stores.vault.resolve("acme", [token]) == {}


def test_every_sweep_is_audited_with_its_counts(stores: Stores) -> None:
    stores.request(1, "research")
    stores.later(8)
    stores.retention.run()
    sweeps = [e for e in stores.audit.entries() if e.route == "retention"]
    assert len(sweeps) == 1
    assert sweeps[0].details is not None
    assert sweeps[0].details["payloads"] == 1
    assert sweeps[0].details["audit"] == 0


def test_pruned_audit_segments_leave_a_verifiable_chain(stores: Stores) -> None:
    for number in range(5):
        stores.request(number, "research")
    stores.later(0.5)
    stores.request(9, "support")
    stores.later(31)
    result = stores.retention.run()
    assert result.audit == 5
    assert result.audit_pruned_through == 5
    report = verify_chain(stores.audit)
    assert report.ok, report.problems
    assert report.pruned_seq == 5
    assert report.first_seq == 6
    assert next(stores.audit.entries()).request_id == "req_support_009"


def test_deleting_past_the_pruned_cut_is_still_reported(stores: Stores) -> None:
    for number in range(3):
        stores.request(number, "research")
    stores.request(5, "support")
    stores.later(31)
    stores.retention.run()
    with stores.db.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM audit_events WHERE seq = 4"))
    problems = [(p.kind, p.seq) for p in verify_chain(stores.audit).problems]
    assert problems == [("deleted", 4)]


def test_a_chain_that_does_not_verify_is_not_pruned(stores: Stores) -> None:
    for number in range(3):
        stores.request(number, "research")
    with stores.db.engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE audit_events SET status = 201 WHERE seq = 2")
        )
    stores.later(31)
    result = stores.retention.run()
    assert result.audit == 0
    assert "does not verify" in result.audit_note
    assert len(list(stores.audit.entries())) == 4


def test_without_a_signing_key_the_audit_trail_is_not_pruned(
    db: Database, data_dir: Path
) -> None:
    policy = parse_policy(POLICY)
    audit = AuditLog(db)
    clock = Clock()
    audit.append(
        AuditEntry(
            request_id="req_1",
            tenant="acme",
            route="/v1/chat/completions",
            status=200,
            outcome="ok",
            latency_ms=1.0,
            purpose="research",
        )
    )
    clock.now += timedelta(days=400)
    result = Retention(db, lambda: policy, audit, clock).run()
    assert result.audit == 0
    assert "signing key" in result.audit_note


def test_each_value_keeps_the_period_of_the_purposes_that_used_it(
    stores: Stores,
) -> None:
    """research keeps values 10 days, support 30: a value both used stays 30."""
    research = stores.start + timedelta(days=10)
    support = stores.start + timedelta(days=30)
    only_research = stores.vault.tokenize_many(
        "acme", [("PERSON", PERSON)], keep_until=research
    )[0].token
    both = stores.vault.tokenize_many(
        "acme", [("EMAIL_ADDRESS", EMAIL)], keep_until=research
    )[0].token
    stores.vault.tokenize_many("acme", [("EMAIL_ADDRESS", EMAIL)], keep_until=support)
    stores.vault.tokenize_many("acme", [("PERSON", PERSON)], keep_until=research)

    stores.later(11)
    assert stores.retention.run().vault == 1
    assert stores.vault.resolve("acme", [only_research, both]) == {both: EMAIL}
    stores.later(31)
    assert stores.retention.run().vault == 1
    assert stores.vault.count() == 0


def test_a_later_use_moves_the_expiry_on(stores: Stores) -> None:
    first = stores.start + timedelta(days=10)
    token = stores.vault.tokenize_many("acme", [("PERSON", PERSON)], keep_until=first)[
        0
    ].token
    stores.vault.tokenize_many(
        "acme", [("PERSON", PERSON)], keep_until=first + timedelta(days=5)
    )
    stores.later(12)
    assert stores.retention.run().vault == 0
    assert stores.vault.resolve("acme", [token]) == {token: PERSON}


def test_a_purpose_without_a_vault_period_keeps_its_values(stores: Stores) -> None:
    token = stores.vault.tokenize_many(
        "acme", [("PERSON", PERSON)], keep_until=FOREVER
    )[0].token
    stores.later(3650)
    assert stores.retention.run().vault == 0
    assert stores.vault.resolve("acme", [token]) == {token: PERSON}


def test_a_purpose_without_an_audit_period_keeps_its_entries(
    db: Database, data_dir: Path
) -> None:
    policy = parse_policy(
        POLICY
        + """  - id: archive
    description: Kept as long as the law requires; no period declared.
    legal_basis: c
    data_subjects: [customer]
    data_categories: [user.name]
"""
    )
    stores = Stores(db, data_dir, policy)
    stores.request(1, "research")
    stores.request(2, "archive")
    stores.request(3, "research")
    stores.later(400)
    result = stores.retention.run()
    # The first entry goes; the archive entry stays, and so does the rest.
    assert result.audit == 1
    assert [e.request_id for e in stores.audit.entries()][:2] == [
        "req_archive_002",
        "req_research_003",
    ]
    assert verify_chain(stores.audit).ok
