"""Deletion hooks: signed HTTP calls and Python entry points, retried; the
erasure stays open until every hook has confirmed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from gdprgate.policy import DeletionHook
from gdprgate.rights import sign, verify_signature
from gdprgate.rights.hooks import HookFailed, HookOptions, call_hook
from gdprgate.store import rights_requests
from tests.rights import hook_target
from tests.rights.conftest import HookServer, RightsStack, build_stack
from tests.support.canary import EMAIL, PERSON

NOTICE = {"event": "erasure", "request_id": "rr_test", "values": []}


@pytest.fixture
def flaky_stack(data_dir: Path) -> Iterator[RightsStack]:
    """The hook server fails the first four calls: one full run of three
    attempts, then one more."""
    yield from build_stack(data_dir, HookServer(fail_first=4))


def _erase(stack: RightsStack, subject: str) -> tuple[str, dict[str, object]]:
    opened = stack.dpo(
        "POST", "/admin/rights", json={"kind": "erase", "subject": subject}
    )
    request_id = opened.json()["id"]
    receipt = stack.dpo("POST", f"/admin/rights/{request_id}/execute").json()
    return request_id, receipt


def test_an_erasure_waits_until_every_hook_confirms(flaky_stack: RightsStack) -> None:
    stack = flaky_stack
    assert stack.chat(f"Call {PERSON} at {EMAIL}.", "customer-7").status_code == 200
    request_id, receipt = _erase(stack, "customer-7")
    assert receipt["hooks"] == {"crm": "failed"}
    assert receipt["status"] == "waiting_for_hooks"
    shown = stack.dpo("GET", f"/admin/rights/{request_id}").json()
    assert shown["hooks"] == [
        {"hook": "crm", "status": "failed", "attempts": 3, "last_error": "http_503"}
    ]
    assert stack.rights.register.open_count() == 1

    # A later retry: the fourth call fails, the fifth confirms.
    retried = stack.dpo("POST", f"/admin/rights/{request_id}/hooks").json()
    assert retried["hooks"] == {"crm": "confirmed"}
    shown = stack.dpo("GET", f"/admin/rights/{request_id}").json()
    assert shown["status"] == "closed"
    assert shown["hooks"][0]["attempts"] == 5
    assert len(stack.hooks.calls) == 5
    assert all(stack.hooks.valid_signatures)
    # Every call carried the same values, kept sealed until confirmed.
    assert {v["value"] for v in stack.hooks.calls[-1]["values"]} == {PERSON, EMAIL}
    with stack.db.engine.connect() as connection:
        notice = connection.execute(
            sa.select(rights_requests.c.notice).where(
                rights_requests.c.id == request_id
            )
        ).scalar_one()
    assert notice is None


def test_a_python_entry_point_is_called_with_the_notice() -> None:
    hook = DeletionHook(name="search", entry_point="tests.rights.hook_target:erase")
    hook_target.RECEIVED.clear()
    call_hook(hook, NOTICE, HookOptions())
    assert hook_target.RECEIVED == [NOTICE]


@pytest.mark.parametrize(
    ("entry_point", "reason"),
    [
        ("tests.rights.hook_target:refuse", "refused"),
        ("tests.rights.hook_target:missing", "entry_point_not_found"),
        ("tests.rights.no_such_module:erase", "entry_point_not_found"),
    ],
)
def test_an_entry_point_that_does_not_confirm_fails(
    entry_point: str, reason: str
) -> None:
    hook = DeletionHook(name="search", entry_point=entry_point)
    with pytest.raises(HookFailed) as failed:
        call_hook(hook, NOTICE, HookOptions())
    assert failed.value.reason == reason


def test_an_http_hook_without_its_secret_is_not_called() -> None:
    hook = DeletionHook(name="crm", url="http://127.0.0.1:9/erase", secret_env="NOPE")
    with pytest.raises(HookFailed) as failed:
        call_hook(hook, NOTICE, HookOptions(environ={}))
    assert failed.value.reason == "missing_secret"


def test_signature_covers_time_and_body() -> None:
    header = sign(b"k", b'{"a":1}', 1700000000)
    assert verify_signature(b"k", b'{"a":1}', header)
    assert not verify_signature(b"k", b'{"a":2}', header)
    assert not verify_signature(b"other", b'{"a":1}', header)
    assert not verify_signature(
        b"k", b'{"a":1}', header.replace("1700000000", "1700000001")
    )


def test_an_http_hook_needs_a_secret_and_not_both_ways() -> None:
    with pytest.raises(ValueError, match="secret_env"):
        DeletionHook(name="crm", url="https://crm.example.org/erase")
    with pytest.raises(ValueError, match="not both"):
        DeletionHook(
            name="crm",
            url="https://crm.example.org/erase",
            secret_env="CRM",
            entry_point="a:b",
        )
    assert not DeletionHook(name="ticketing").callable
    with pytest.raises(ValueError, match="use https"):
        DeletionHook(name="crm", url="http://crm.example.org/erase", secret_env="C")
    assert DeletionHook(name="crm", url="http://[::1]:8080/erase", secret_env="C")


@pytest.fixture
def subscribed(data_dir: Path) -> Iterator[RightsStack]:
    """The crm hook is also told of restrictions (Art. 19)."""
    yield from build_stack(data_dir, HookServer(), events="[erasure, restriction]")


def test_a_subscribed_hook_is_told_of_a_restriction_and_its_lifting(
    subscribed: RightsStack,
) -> None:
    stack = subscribed
    stack.chat(f"Call {PERSON} at {EMAIL}.", "customer-8")
    opened = stack.dpo(
        "POST",
        "/admin/rights",
        json={"kind": "restrict", "subject": "customer-8", "purposes": ["support"]},
    )
    request_id = opened.json()["id"]
    done = stack.dpo("POST", f"/admin/rights/{request_id}/execute").json()
    assert done["hooks"] == {"crm": "confirmed"}
    stack.dpo("POST", f"/admin/rights/{request_id}/lift")
    events = [(call["event"], call["purposes"]) for call in stack.hooks.calls]
    assert events == [("restriction", ["support"]), ("restriction_lifted", ["support"])]
    assert {v["value"] for v in stack.hooks.calls[0]["values"]} == {PERSON, EMAIL}
    assert all(stack.hooks.valid_signatures)
    shown = stack.dpo("GET", f"/admin/rights/{request_id}").json()
    assert shown["status"] == "closed"
    assert shown["hooks"][0]["status"] == "confirmed"


def test_an_objection_is_not_sent_to_a_hook_for_erasures(stack: RightsStack) -> None:
    stack.chat(f"Call {PERSON}.", "customer-9")
    opened = stack.dpo(
        "POST", "/admin/rights", json={"kind": "object", "subject": "customer-9"}
    )
    done = stack.dpo("POST", f"/admin/rights/{opened.json()['id']}/execute").json()
    assert done["hooks"] == {}
    assert stack.hooks.calls == []
