"""Auditors read the audit trail and stored interactions; values come back
only for keys that may re-identify."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from gdprgate.audit import AuditLog, PayloadStore
from gdprgate.audit.log import utc
from gdprgate.gateway import create_app
from gdprgate.gateway.access import Access
from gdprgate.policy import KeyStore, parse_policy
from gdprgate.store import Database
from gdprgate.store.schema import vault_entries
from gdprgate.vault import FOREVER, TOKEN_RE
from tests.gateway.conftest import start_gateway
from tests.support.canary import EMAIL, PERSON
from tests.support.servers import ScriptedUpstream, serve_in_thread

POLICY = """
version: 1
controller: {name: Example Ltd, contact: privacy@example.org}
tenants: [{id: acme}, {id: globex}]
purposes:
  - id: support
    description: Answering tickets.
    legal_basis: b
    data_subjects: [customer]
    data_categories: [user.name]
    store_payloads: true
    retention: {vault: 30d}
  - id: chat
    description: Chat without review.
    legal_basis: f
    data_subjects: [customer]
    data_categories: [user.name]
"""
ROLES = {
    "client": ("acme", ["client"]),
    "client_reid": ("acme", ["client", "reidentify"]),
    "auditor": ("acme", ["auditor"]),
    "auditor_reid": ("acme", ["auditor", "reidentify"]),
    "other_tenant": ("globex", ["auditor", "reidentify"]),
    "admin": ("acme", ["admin"]),
}


@dataclass
class Review:
    url: str
    secrets: dict[str, str]
    payloads: PayloadStore
    db: Database


@pytest.fixture
def review(data_dir: Path) -> Iterator[Review]:
    policy = parse_policy(POLICY)
    upstream = ScriptedUpstream()
    with serve_in_thread(upstream.app()) as upstream_url:
        gateway, db = start_gateway(data_dir, upstream_url + "/v1")
        gateway.payloads = PayloadStore(db)
        keys = KeyStore(db)
        gateway.access = Access(keys, lambda: policy)
        secrets = {}
        for name, (tenant, roles) in ROLES.items():
            _, secrets[name] = keys.create(
                tenant=tenant, roles=roles, purposes=["support", "chat"], policy=policy
            )
        with serve_in_thread(create_app(gateway)) as url:
            yield Review(url, secrets, gateway.payloads, db)
    db.close()


def chat(review: Review, purpose: str) -> httpx.Response:
    body = {"model": "m", "messages": [{"content": f"Mail {PERSON} at {EMAIL}"}]}
    headers = {
        "authorization": f"Bearer {review.secrets['client']}",
        "x-gdprgate-purpose": purpose,
    }
    response = httpx.post(
        f"{review.url}/v1/chat/completions", json=body, headers=headers
    )
    assert response.status_code == 200, response.text
    return response


def get(review: Review, path: str, who: str) -> httpx.Response:
    headers = {"authorization": f"Bearer {review.secrets[who]}"}
    return httpx.get(f"{review.url}{path}", headers=headers)


def test_interactions_are_stored_only_for_purposes_that_ask(review: Review) -> None:
    stored = chat(review, "support").headers["x-request-id"]
    not_stored = chat(review, "chat").headers["x-request-id"]
    assert review.payloads.get(not_stored) is None
    payload = review.payloads.get(stored)
    assert payload is not None
    text = json.dumps([payload.request, payload.answer])
    assert PERSON not in text
    assert EMAIL not in text
    assert len(set(TOKEN_RE.findall(text))) == 2


def test_auditors_read_interactions_as_stored(review: Review) -> None:
    request_id = chat(review, "support").headers["x-request-id"]
    response = get(review, f"/admin/payloads/{request_id}", "auditor")
    assert response.status_code == 200
    assert PERSON not in response.text
    assert TOKEN_RE.search(response.text)


def test_values_are_restored_only_with_reidentify_in_the_same_tenant(
    review: Review,
) -> None:
    request_id = chat(review, "support").headers["x-request-id"]
    path = f"/admin/payloads/{request_id}?restore=true"
    assert get(review, path, "auditor").status_code == 403
    assert get(review, path, "other_tenant").status_code == 403
    restored = get(review, path, "auditor_reid")
    assert restored.status_code == 200
    content = restored.json()["request"]["messages"][0]["content"]
    assert content == f"Mail {PERSON} at {EMAIL}"
    # The re-identification is in the audit trail: which interaction, how
    # many values, behind which tokens; never the values.
    [entry] = [
        e
        for e in AuditLog(review.db).entries()
        if e.details and "reidentified" in e.details
    ]
    assert entry.details == {"reidentified": 2, "interaction": request_id}
    assert len(entry.tokens) == 2
    assert all(TOKEN_RE.fullmatch(token) for token in entry.tokens)
    assert entry.tenant == "acme"


@pytest.mark.parametrize("path", ["/admin/audit", "/admin/payloads/req_x"])
@pytest.mark.parametrize(("who", "status"), [("client", 403), ("admin", 403)])
def test_only_auditors_read_the_trail(
    review: Review, path: str, who: str, status: int
) -> None:
    assert get(review, path, who).status_code == status


def test_the_trail_is_exported_as_jsonl_and_csv(review: Review) -> None:
    request_id = chat(review, "chat").headers["x-request-id"]
    lines = get(review, "/admin/audit", "auditor").text.splitlines()
    records = [json.loads(line) for line in lines]
    ours = next(r for r in records if r["request_id"] == request_id)
    assert ours["purpose"] == "chat"
    assert ours["entity_counts"] == {"EMAIL_ADDRESS": 1, "PERSON": 1}
    assert {"seq", "prev_hash", "entry_hash"} <= set(ours)

    table = get(review, "/admin/audit?format=csv", "auditor").text
    rows = list(csv.DictReader(io.StringIO(table)))
    assert request_id in {row["request_id"] for row in rows}
    assert PERSON not in table


def test_export_window_and_bad_dates(review: Review) -> None:
    chat(review, "chat")
    future = get(review, "/admin/audit?since=2999-01-01", "auditor")
    assert future.status_code == 200
    assert future.text == ""
    bad = get(review, "/admin/audit?since=yesterday", "auditor")
    assert bad.status_code == 400
    assert "ISO 8601" in bad.json()["error"]["message"]


def test_auditors_can_verify_the_chain(review: Review) -> None:
    chat(review, "chat")
    report = get(review, "/admin/audit/verify", "auditor").json()
    assert report["ok"] is True
    assert report["entries"] >= 1


def test_a_streamed_answer_is_kept_checked_but_not_restored(review: Review) -> None:
    body = {
        "model": "m",
        "stream": True,
        "messages": [{"content": f"Mail {PERSON} at {EMAIL}"}],
    }
    headers = {
        "authorization": f"Bearer {review.secrets['client_reid']}",
        "x-gdprgate-purpose": "support",
    }
    with httpx.stream(
        "POST", f"{review.url}/v1/chat/completions", json=body, headers=headers
    ) as response:
        streamed = response.read().decode()
        request_id = response.headers["x-request-id"]
    assert PERSON in streamed  # the caller may re-identify
    payload = review.payloads.get(request_id)
    assert payload is not None
    kept = json.dumps(payload.answer)
    assert PERSON not in kept
    assert EMAIL not in kept
    pieces = [
        event["choices"][0]["delta"].get("content", "")
        for event in payload.answer["events"]
        if isinstance(event, dict) and event.get("choices")
    ]
    assert len(set(TOKEN_RE.findall("".join(pieces)))) == 2


def test_values_expire_with_the_purpose_they_were_sent_for(review: Review) -> None:
    """support keeps vault values 30 days; chat sets no period (kept)."""

    def expiries() -> set[datetime]:
        with review.db.engine.connect() as connection:
            rows = connection.execute(sa.select(vault_entries.c.expires_at))
            return {utc(row.expires_at) for row in rows}

    chat(review, "support")
    month = datetime.now(UTC) + timedelta(days=30)
    ends = expiries()
    assert len(ends) == 1
    assert abs(ends.pop() - month) < timedelta(hours=1)
    chat(review, "chat")
    assert expiries() == {FOREVER}
