"""Two fictional people use the gateway; one of them asks for access,
restriction and erasure. The other's data stays as it was."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from gdprgate.audit import verify_chain
from gdprgate.store import vault_entries
from gdprgate.vault import TOKEN_RE
from tests.rights.conftest import RightsStack
from tests.support.canary import EMAIL, EMAIL_2, PERSON, PERSON_2
from tests.support.servers import values_in

ANNIKA = "customer-1001"
JORINDE = "customer-2002"


def _traffic(stack: RightsStack) -> None:
    for text, subject in [
        (f"Please call {PERSON} back, mail {EMAIL}.", ANNIKA),
        (f"{PERSON} asked again about her order.", ANNIKA),
        (f"Refund for {PERSON_2} at {EMAIL_2}.", JORINDE),
    ]:
        assert stack.chat(text, subject).status_code == 200


def _rows(stack: RightsStack) -> list[sa.Row[object]]:
    with stack.db.engine.connect() as connection:
        return connection.execute(sa.select(vault_entries)).all()


def _open(stack: RightsStack, kind: str, **body: object) -> str:
    answer = stack.dpo("POST", "/admin/rights", json={"kind": kind, **body})
    assert answer.status_code == 201, answer.text
    request_id: str = answer.json()["id"]
    return request_id


def _store_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.iterdir()) if p.is_file())


def test_access_restriction_and_erasure_for_one_of_two_people(
    stack: RightsStack,
) -> None:
    _traffic(stack)
    vault = stack.gateway.vault
    jorinde_tokens = {
        vault.lookup("acme", "PERSON", PERSON_2),
        vault.lookup("acme", "EMAIL_ADDRESS", EMAIL_2),
    }
    audit_before = list(stack.gateway.audit.entries())

    # Access (Art. 15), by subject id: her values, and when and why.
    access = _open(stack, "access", subject=ANNIKA)
    report = stack.dpo("POST", f"/admin/rights/{access}/execute").json()
    held = {item["value"] for item in report["data"]}
    assert held == {PERSON, EMAIL}
    assert len(report["processing"]) == 2
    assert {p["purpose"] for p in report["processing"]} == {"support"}
    assert report["purposes"][0]["legal_basis"] == "Art. 6(1)(b) contract"
    assert report["purposes"][0]["retention"] == {"vault": "90d"}
    assert stack.dpo("GET", f"/admin/rights/{access}").json()["status"] == "closed"

    # Restriction (Art. 18) for support, by subject id and e-mail address.
    restrict = _open(
        stack,
        "restrict",
        subject=ANNIKA,
        identifiers={"email": EMAIL},
        purposes=["support"],
    )
    assert stack.dpo("POST", f"/admin/rights/{restrict}/execute").status_code == 200
    refused = stack.chat(f"Any news for {PERSON}?")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "subject_restricted"
    assert stack.chat(f"Any news for {PERSON}?", purpose="research").status_code == 200
    assert stack.chat(f"Any news for {PERSON_2}?").status_code == 200

    # Erasure (Art. 17), by subject id, with the hook told.
    ciphertexts = [r.ciphertext for r in _rows(stack) if r.token not in jorinde_tokens]
    assert ciphertexts
    erase = _open(stack, "erase", subject=ANNIKA)
    receipt = stack.dpo("POST", f"/admin/rights/{erase}/execute").json()
    assert receipt["erased_values"] == 2
    assert receipt["hooks"] == {"crm": "confirmed"}
    assert receipt["status"] == "closed"

    # The hook server got one signed call naming her values only.
    assert stack.hooks.valid_signatures == [True]
    told = {item["value"] for item in stack.hooks.calls[0]["values"]}
    assert told == {PERSON, EMAIL}

    # Her values are gone, Jorinde's are all there.
    remaining = {row.token for row in _rows(stack)}
    assert remaining == jorinde_tokens
    assert set(vault.resolve("acme", jorinde_tokens).values()) == {PERSON_2, EMAIL_2}
    stored = _store_bytes(stack.data_dir)
    for value in (PERSON, EMAIL, PERSON.lower(), EMAIL.upper()):
        assert value.encode() not in stored
    for sealed in ciphertexts:
        assert sealed not in stored

    # The audit trail is as it was, plus the receipt, which holds tokens only.
    audit_after = list(stack.gateway.audit.entries())
    assert audit_after[: len(audit_before)] == audit_before
    receipts = [e for e in audit_after if e.outcome == "erased"]
    assert [e.request_id for e in receipts] == [erase]
    assert all(TOKEN_RE.fullmatch(token) for token in receipts[0].tokens)
    assert vault.resolve("acme", receipts[0].tokens) == {}
    # The hash chain still verifies end to end after the erasure.
    report = verify_chain(stack.gateway.audit)
    assert report.ok, report.to_dict()
    assert report.entries == len(audit_after)

    # Her values, sent again, are redacted (tombstone) and never re-stored.
    stack.chat(f"Write to {EMAIL} please.", purpose="research")
    sent = stack.upstream.requests[-1]
    assert values_in([sent], (EMAIL,)) == []
    assert "[EMAIL_ADDRESS]" in sent["messages"][0]["content"]
    assert vault.lookup("acme", "EMAIL_ADDRESS", EMAIL) is None
