"""The Art. 30 record: every field, observed traffic, and each gap flagged."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gdprgate.audit import AuditEntry, AuditLog
from gdprgate.cli import main
from gdprgate.policy import Principal
from gdprgate.policy.loader import parse_policy_as
from gdprgate.records import DraftPolicy, build_record, observe
from gdprgate.store import Database
from tests.support.canary import CANARIES

ART30_1 = (
    "a_controller",
    "b_purpose",
    "c_data_subjects",
    "c_data_categories",
    "d_recipients",
    "e_transfers",
    "f_retention",
    "g_security_measures",
)


def run_records(*args: str) -> tuple[str, str]:
    result = CliRunner().invoke(main, ["records", *args])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def as_json(policy: Path, data_dir: Path, *more: str) -> dict[str, Any]:
    out, _ = run_records(
        "--format", "json", "--policy", str(policy), "--data-dir", str(data_dir), *more
    )
    return json.loads(out)  # type: ignore[no-any-return]


def test_record_of_the_example_policy_holds_every_art30_field(
    policy_file: Path, traffic: Path
) -> None:
    record = as_json(policy_file, traffic)
    controller = record["controller_record"]
    assert controller["a_controller"]["name"] == "Example Organisation Ltd"
    assert controller["a_controller"]["dpo_contact"] == "dpo@example.org"
    assert controller["g_security_measures"]
    activities = {a["id"]: a for a in controller["activities"]}
    assert set(activities) == {"default", "customer.support"}
    for activity in activities.values():
        for key in ART30_1[1:-1]:
            assert key in activity
        assert activity["legal_basis"] is not None
    support = activities["customer.support"]
    assert support["legal_basis"]["article"] == "6(1)(b)"
    assert support["f_retention"] == {"vault": "90d", "audit": "1y", "payloads": "30d"}
    assert support["c_seen"]["requests"] == 2
    assert support["c_seen"]["forwarded"] == 2
    assert support["c_seen"]["input"] == {
        "EMAIL_ADDRESS": 1,
        "PERSON": 1,
        "PHONE_NUMBER": 1,
    }
    assert support["d_recipients"]["models_called"] == {"m": 2}
    assert record["registers"]["deletion_hooks"] == "none registered"
    # The rights register exists (empty): counts, not "none registered".
    assert record["registers"]["rights_requests"] == {
        "received": 0,
        "open": 0,
        "overdue": 0,
        "closed": 0,
    }
    assert len(record["policy_sha256"]) == 64


def test_traffic_of_types_a_purpose_does_not_declare_is_a_gap(
    policy_file: Path, traffic: Path
) -> None:
    """The default purpose declares user.name and user.contact, not IBANs."""
    gaps = as_json(policy_file, traffic)["gaps"]
    undeclared = [g for g in gaps if g["kind"] == "undeclared_data"]
    assert [(g["purpose"], g["detail"].split()[0]) for g in undeclared] == [
        ("default", "IBAN_CODE")
    ]


def test_markdown_and_html_name_each_art30_field(
    policy_file: Path, traffic: Path
) -> None:
    common = ["--policy", str(policy_file), "--data-dir", str(traffic)]
    markdown, _ = run_records("--format", "md", *common)
    page, _ = run_records("--format", "html", *common)
    for text in (markdown, page):
        for heading in (
            "Art. 30(1)(a) Controller",
            "(b) purpose",
            "(c) categories of data subjects",
            "(c) categories of personal data",
            "(d) recipients",
            "(e) transfers to third countries",
            "(f) time limits for erasure",
            "Art. 30(1)(g) Security measures",
        ):
            assert heading in text
    assert "```mermaid" in markdown
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page or 'class="mermaid"' in page


def test_no_value_of_the_traffic_reaches_the_record(
    policy_file: Path, traffic: Path
) -> None:
    common = ["--policy", str(policy_file), "--data-dir", str(traffic)]
    for fmt in ("md", "html", "json"):
        text, _ = run_records("--format", fmt, *common)
        for canary in CANARIES:
            assert canary.lower() not in text.lower()


DRAFT = """
version: 1
controller: {name: Example Ltd, contact: privacy@example.org}
processor: {name: Hosting Example GmbH, contact: ops@example.org}
tenants:
  - id: acme
    controller: {name: Acme Example SA, contact: dpo@acme.example}
purposes:
  - id: nobasis
    description: A purpose someone forgot to ground.
    data_subjects: [customer]
    data_categories: [user.name]
    retention: {vault: 30d, audit: 1y}
  - id: health
    description: Notes on sick leave.
    legal_basis: c
    data_subjects: [employee]
    data_categories: [user.health_and_medical]
    retention: {vault: 30d, audit: 1y}
  - id: abroad
    description: Hosted model abroad.
    legal_basis: b
    data_subjects: [customer]
    data_categories: [user.name]
    transfers: [{country: US, recipient: Example Hosting Inc.}]
    retention: {vault: 30d, audit: 1y}
  - id: forever
    description: No retention declared.
    legal_basis: f
    data_subjects: [customer]
    data_categories: [user.name]
"""


def _gaps(policy_text: str, entries: list[AuditEntry]) -> set[tuple[str, str | None]]:
    policy = parse_policy_as(policy_text, DraftPolicy)
    record = build_record(policy, observe(entries))
    return {(g["kind"], g["purpose"]) for g in record["gaps"]}


def _entry(purpose: str, **counts: int) -> AuditEntry:
    return AuditEntry(
        request_id="req_test",
        tenant="acme",
        route="/v1/chat/completions",
        status=200,
        outcome="ok",
        latency_ms=1.0,
        upstream_ms=0.5,
        model="m",
        purpose=purpose,
        entity_counts=counts,
    )


def test_each_planted_gap_is_flagged() -> None:
    gaps = _gaps(DRAFT, [_entry("abroad", EMAIL_ADDRESS=2), _entry("gone", PERSON=1)])
    assert gaps == {
        ("no_legal_basis", "nobasis"),
        ("no_art9_condition", "health"),
        ("transfer_without_safeguard", "abroad"),
        ("no_retention", "forever"),
        ("undeclared_data", "abroad"),
        ("no_legal_basis", "gone"),
    }


def test_a_complete_purpose_has_no_gap() -> None:
    complete = DRAFT.split("  - id: nobasis")[0] + (
        "  - id: fine\n"
        "    description: Complete.\n"
        "    legal_basis: b\n"
        "    data_subjects: [customer]\n"
        "    data_categories: [user.name, user.contact]\n"
        "    transfers: [{country: US, safeguard: scc}]\n"
        "    retention: {vault: 30d, audit: 1y}\n"
    )
    entries = [_entry("fine", PERSON=1, EMAIL_ADDRESS=1, ORGANIZATION=3)]
    assert _gaps(complete, entries) == set()


def test_processor_record_names_each_tenants_controller() -> None:
    policy = parse_policy_as(DRAFT, DraftPolicy)
    record = build_record(policy, observe([_entry("abroad")]))
    processor = record["processor_record"]
    assert processor["a_processor"]["name"] == "Hosting Example GmbH"
    acme = processor["a_controllers"][0]
    assert acme["controller"]["name"] == "Acme Example SA"
    assert acme["b_categories_of_processing"] == ["abroad"]
    assert processor["c_transfers"] == [
        {"purpose": "abroad", "country": "US", "safeguard": None}
    ]


def test_a_policy_the_gateway_refuses_still_prints_its_record(
    data_dir: Path,
) -> None:
    path = data_dir / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    out, err = run_records("--policy", str(path), "--data-dir", str(data_dir))
    assert "legal basis | MISSING" in out
    assert "NO SAFEGUARD" in out
    assert "gap(s) flagged" in err


def test_the_period_limits_the_traffic_read(data_dir: Path) -> None:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    old = datetime.now(UTC) - timedelta(days=200)
    AuditLog(db).append(
        AuditEntry(
            request_id="req_old",
            tenant="default",
            route="/v1/chat/completions",
            status=200,
            outcome="ok",
            latency_ms=1.0,
            purpose="default",
            entity_counts={"PERSON": 1},
            ts=old,
        )
    )
    db.close()
    path = data_dir / "p.yaml"
    path.write_text(DRAFT.replace("id: forever", "id: default"), encoding="utf-8")
    recent = as_json(path, data_dir, "--since", "90d")
    everything = as_json(path, data_dir, "--since", "2000-01-01")
    assert recent["period"]["requests"] == 0
    assert everything["period"]["requests"] == 1


def test_a_bad_period_is_a_clear_error(data_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["records", "--data-dir", str(data_dir), "--since", "soon"]
    )
    assert result.exit_code == 2
    assert "--since must be a date" in result.stderr


@pytest.mark.parametrize("command", ["records", "map", "evidence"])
def test_every_record_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_client_applications_are_the_active_client_keys_by_name() -> None:
    now = datetime.now(UTC)

    def key(name: str, roles: set[str], revoked: bool = False) -> Principal:
        return Principal(
            key_id="0123456789abcdef",
            name=name,
            tenant="acme",
            roles=frozenset(roles),
            purposes=("abroad",),
            default_purpose=None,
            expires_at=None,
            revoked_at=now - timedelta(days=1) if revoked else None,
        )

    principals = [
        key("support-bot", {"client"}),
        key("old-bot", {"client"}, revoked=True),
        key("audit-desk", {"auditor"}),
    ]
    policy = parse_policy_as(DRAFT, DraftPolicy)
    record = build_record(
        policy, observe([_entry("forever")]), principals=principals, now=now
    )
    assert record["clients"] == [
        {"tenant": "acme", "purpose": "abroad", "applications": ["support-bot"]},
        {"tenant": "acme", "purpose": "forever", "applications": []},
    ]


def test_only_requests_that_reached_the_model_count_as_forwarded() -> None:
    refused = AuditEntry(
        request_id="req_refused",
        tenant="acme",
        route="/v1/chat/completions",
        status=400,
        outcome="blocked_entities",
        latency_ms=1.0,
        model="other-model",
        purpose="abroad",
    )
    traffic = observe([_entry("abroad"), refused]).of("abroad")
    assert (traffic.requests, traffic.forwarded, traffic.not_forwarded) == (2, 1, 1)
    assert dict(traffic.models) == {"m": 1}
