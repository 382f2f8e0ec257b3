"""A model that writes an erased person's value by itself does not put it
back into the vault: the answer has it redacted."""

from __future__ import annotations

from gdprgate.protect import OutputAction
from tests.rights.conftest import RightsStack
from tests.support.canary import EMAIL, EMAIL_2


def test_model_output_does_not_bring_an_erased_value_back(stack: RightsStack) -> None:
    stack.chat(f"Write to {EMAIL}", "c-1")
    opened = stack.dpo(
        "POST", "/admin/rights", json={"kind": "erase", "subject": "c-1"}
    )
    stack.dpo("POST", f"/admin/rights/{opened.json()['id']}/execute")
    stack.gateway.output_action = OutputAction.TOKEN
    stack.upstream.reply = f"Try {EMAIL} or {EMAIL_2}."

    answer = stack.chat("Whom should I write to?", purpose="research")

    content = answer.json()["choices"][0]["message"]["content"]
    assert content.startswith("Try [EMAIL_ADDRESS] or <EMAIL_ADDRESS_")
    assert stack.gateway.vault.lookup("acme", "EMAIL_ADDRESS", EMAIL) is None
    assert stack.gateway.vault.lookup("acme", "EMAIL_ADDRESS", EMAIL_2) is not None
