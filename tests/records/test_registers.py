"""Registers other parts fill in: hooks, data sets, payloads, rights, chain."""

from __future__ import annotations

from typing import Any

from gdprgate.policy.loader import parse_policy_as
from gdprgate.records import (
    DraftPolicy,
    RightsSummary,
    build_map,
    build_record,
    observe,
    to_markdown,
    to_mermaid,
)
from gdprgate.records.evidence import audit_verification
from gdprgate.records.registers import Dataset

POLICY = """
version: 1
controller: {name: Example Ltd, contact: privacy@example.org}
deletion_hooks: [crm]
purposes:
  - id: train
    description: Fine-tuning on support tickets.
    legal_basis: f
    data_subjects: [customer]
    data_categories: [user.name]
    retention: {vault: 30d, audit: 1y}
"""


class Filled:
    def deletion_hooks(self) -> list[str]:
        return ["ticketing"]

    def datasets(self) -> list[Dataset]:
        return [Dataset("tickets-2026", "train", 1200, {"PERSON": 800})]

    def stored_payloads(self) -> bool:
        return True

    def rights(self) -> RightsSummary | None:
        return RightsSummary(received=4, open=1, overdue=0, closed=3)


def _record(registers: Any = None) -> dict[str, Any]:
    policy = parse_policy_as(POLICY, DraftPolicy)
    return build_record(policy, observe([]), registers)


def test_nothing_registered_is_said_plainly() -> None:
    registers = _record()["registers"]
    assert registers["deletion_hooks"] == ["crm"]
    assert registers["datasets"] == "none registered"
    assert registers["rights_requests"] == "none registered"
    assert registers["stored_payloads"] is False


def test_registered_parts_reach_the_record_and_the_map() -> None:
    record = _record(Filled())
    registers = record["registers"]
    assert registers["deletion_hooks"] == ["crm", "ticketing"]
    assert registers["rights_requests"]["open"] == 1
    assert registers["datasets"][0]["name"] == "tickets-2026"
    mermaid = to_mermaid(build_map(record))
    for node in ("payloads", "subject_index", "dataset_tickets_2026", "hook_crm"):
        assert f"  {node}" in mermaid
    assert "tickets-2026 (1200 records)" in to_markdown(record)


def test_audit_verification_uses_the_logs_own_check() -> None:
    class Chained:
        def verify(self) -> dict[str, Any]:
            return {"status": "ok", "entries": 12}

    class Broken:
        def verify(self) -> bool:
            return False

    assert audit_verification(Chained()) == {"status": "ok", "entries": 12}
    assert audit_verification(Broken()) == {"status": "broken"}
    assert audit_verification(object())["status"] == "unverified"
