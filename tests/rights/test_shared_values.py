"""A value also sent about another person concerns them too: it is neither
shown to nor erased for the first one."""

from __future__ import annotations

from tests.rights.conftest import RightsStack
from tests.support.canary import EMAIL, EMAIL_2, PERSON, PERSON_2


def _run(stack: RightsStack, body: dict[str, object]) -> dict[str, object]:
    opened = stack.dpo("POST", "/admin/rights", json=body)
    answer = stack.dpo("POST", f"/admin/rights/{opened.json()['id']}/execute")
    assert answer.status_code == 200, answer.text
    result: dict[str, object] = answer.json()
    return result


def test_a_value_shared_with_another_subject_is_kept_for_them(
    stack: RightsStack,
) -> None:
    stack.chat(f"{PERSON} ({EMAIL}) complains about {PERSON_2}.", "c-1")
    stack.chat(f"{PERSON_2} ({EMAIL_2}) asks for a refund.", "c-2")

    report = _run(stack, {"kind": "access", "subject": "c-1"})
    assert {d["value"] for d in report["data"]} == {PERSON, EMAIL}  # type: ignore[attr-defined, index]

    receipt = _run(stack, {"kind": "erase", "subject": "c-1"})
    assert receipt["erased_values"] == 2
    assert receipt["kept_shared_values"] == 1
    vault = stack.gateway.vault
    assert vault.lookup("acme", "PERSON", PERSON_2) is not None
    assert vault.lookup("acme", "PERSON", PERSON) is None

    # Named explicitly, a shared value is the person's own and is erased.
    receipt = _run(stack, {"kind": "erase", "identifiers": {"name": PERSON_2}})
    assert receipt["erased_values"] == 1
    assert vault.lookup("acme", "PERSON", PERSON_2) is None
