"""``/admin/rights``: for dpo keys of the request's tenant; subject ids
are checked and never stored in clear."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gdprgate.audit import AuditLog
from tests.rights.conftest import HookServer, RightsStack, build_stack
from tests.support.canary import EMAIL, EMAIL_2, PERSON, PERSON_2

SUBJECT = "subject-id-4417-do-not-store"


@pytest.mark.parametrize(("who", "status"), [("client", 403), ("admin", 403)])
def test_only_dpo_keys_reach_the_rights_api(
    stack: RightsStack, who: str, status: int
) -> None:
    assert stack.dpo("GET", "/admin/rights", key=who).status_code == status
    assert stack.dpo("GET", "/admin/rights").status_code == 200


def test_a_dpo_sees_only_its_own_tenant(stack: RightsStack) -> None:
    opened = stack.dpo("POST", "/admin/rights", json={"kind": "access", "subject": "x"})
    request_id = opened.json()["id"]
    assert (
        stack.dpo("GET", f"/admin/rights/{request_id}", key="other_dpo").status_code
        == 404
    )
    assert stack.dpo("GET", "/admin/rights", key="other_dpo").json() == {"requests": []}
    listed = stack.dpo("GET", "/admin/rights").json()["requests"]
    assert [r["id"] for r in listed] == [request_id]
    assert listed[0]["deadline"] == listed[0]["due_on"]


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "forget", "subject": "x"},
        {"kind": "access"},
        {"kind": "access", "identifiers": {"shoe_size": "44"}},
        {"kind": "access", "subject": "x", "received_on": "yesterday"},
        {"kind": "access", "subject": "x", "purposes": ["support"]},
        {"kind": "restrict", "subject": "x", "purposes": ["unknown"]},
    ],
)
def test_a_bad_request_is_refused_with_400(stack: RightsStack, body: object) -> None:
    answer = stack.dpo("POST", "/admin/rights", json=body)
    assert answer.status_code == 400, answer.text


def test_the_subject_id_is_kept_only_as_a_keyed_hash(stack: RightsStack) -> None:
    assert stack.chat(f"Hello {PERSON}", SUBJECT).status_code == 200
    stack.dpo("POST", "/admin/rights", json={"kind": "access", "subject": SUBJECT})
    stored = b"".join(p.read_bytes() for p in stack.data_dir.iterdir() if p.is_file())
    assert SUBJECT.encode() not in stored
    assert stack.rights.subjects.links(
        "acme", stack.rights.subjects.subject_hash("acme", SUBJECT)
    )


@pytest.mark.parametrize("subject", ["a\tb", "x" * 257])
def test_an_unusable_subject_header_is_refused(
    stack: RightsStack, subject: str
) -> None:
    answer = stack.chat(f"Hello {PERSON}", subject)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid_subject"
    assert stack.upstream.requests == []


def test_access_as_html_and_export_as_json(stack: RightsStack) -> None:
    stack.chat(f"{PERSON} <{EMAIL}> wrote in.", "c-1")
    stack.chat(f"{PERSON_2} <{EMAIL_2}> wrote in.", "c-2")
    access = stack.dpo(
        "POST", "/admin/rights", json={"kind": "access", "subject": "c-1"}
    )
    page = stack.dpo("POST", f"/admin/rights/{access.json()['id']}/execute?format=html")
    assert page.headers["content-type"].startswith("text/html")
    assert PERSON in page.text
    assert EMAIL in page.text
    assert PERSON_2 not in page.text
    assert "Art. 6(1)(b) contract" in page.text
    export = stack.dpo(
        "POST",
        "/admin/rights",
        json={"kind": "export", "identifiers": {"email": EMAIL_2}},
    )
    exported = stack.dpo("POST", f"/admin/rights/{export.json()['id']}/execute").json()
    assert exported["format"] == "gdprgate.portability/1"
    assert [(i["type"], i["value"]) for i in exported["items"]] == [
        ("EMAIL_ADDRESS", EMAIL_2)
    ]
    assert exported["items"][0]["purposes"] == ["support"]
    # Done is done: a closed request is not run again.
    again = stack.dpo("POST", f"/admin/rights/{export.json()['id']}/execute")
    assert again.status_code == 400


def test_rights_calls_are_audited_without_identifiers(stack: RightsStack) -> None:
    stack.dpo(
        "POST",
        "/admin/rights",
        json={"kind": "access", "identifiers": {"email": EMAIL}},
    )
    entries = [e for e in AuditLog(stack.db).entries() if e.route == "/admin/rights"]
    assert [e.status for e in entries] == [201]
    assert EMAIL not in repr(entries)


def test_metrics_count_open_requests(stack: RightsStack) -> None:
    stack.dpo("POST", "/admin/rights", json={"kind": "access", "subject": "x"})
    metrics = stack.dpo("GET", "/metrics").text
    assert "gdprgate_rights_requests_open 1.0" in metrics
    assert "gdprgate_rights_requests_overdue 0.0" in metrics


@pytest.fixture
def redacting(data_dir: Path) -> Iterator[RightsStack]:
    yield from build_stack(data_dir, HookServer(), on_restricted="redact")


def test_an_objection_redacts_when_the_policy_says_so(redacting: RightsStack) -> None:
    stack = redacting
    stack.chat(f"{PERSON} and {EMAIL}", "c-1")
    opened = stack.dpo(
        "POST", "/admin/rights", json={"kind": "object", "subject": "c-1"}
    )
    request_id = opened.json()["id"]
    done = stack.dpo("POST", f"/admin/rights/{request_id}/execute").json()
    assert done["purposes"] == "all"
    assert (
        stack.chat(f"Mail {EMAIL} about {PERSON_2}", purpose="research").status_code
        == 200
    )
    sent = stack.upstream.requests[-1]["messages"][0]["content"]
    assert sent.startswith("Mail [EMAIL_ADDRESS] about <PERSON_")
    # Lifted: the value is processed (pseudonymised) again.
    lifted = stack.dpo("POST", f"/admin/rights/{request_id}/lift").json()
    assert lifted["status"] == "closed"
    stack.chat(f"Mail {EMAIL}")
    assert "<EMAIL_ADDRESS_" in stack.upstream.requests[-1]["messages"][0]["content"]
