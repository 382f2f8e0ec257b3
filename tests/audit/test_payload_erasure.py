"""Stored interactions as the rights part uses them: listed and erased."""

from __future__ import annotations

from gdprgate.audit import PayloadStore
from gdprgate.rights.interfaces import PersonKeys
from gdprgate.store import Database

TOKEN_A = "<PERSON_4F2K>"
TOKEN_B = "<EMAIL_ADDRESS_9XQ1>"


def _save(store: PayloadStore, request_id: str, tenant: str, text: str) -> None:
    store.save(
        request_id=request_id,
        tenant=tenant,
        purpose="support",
        route="/v1/chat/completions",
        request={"messages": [{"role": "user", "content": text}]},
        answer={"choices": [{"message": {"content": "noted"}}]},
    )


def test_stored_for_lists_only_the_tenants_requests(db: Database) -> None:
    store = PayloadStore(db)
    _save(store, "r1", "acme", f"about {TOKEN_A}")
    _save(store, "r2", "other", f"about {TOKEN_A}")
    assert store.stored_for("acme", ["r1", "r2", "r3"]) == ["r1"]
    assert store.stored_for("acme", []) == []


def test_erase_takes_the_persons_interactions_and_no_others(db: Database) -> None:
    store = PayloadStore(db)
    _save(store, "r1", "acme", f"write to {TOKEN_A}")
    _save(store, "r2", "acme", f"write to {TOKEN_B}")
    _save(store, "r3", "acme", "sent with the subject id, no token")
    _save(store, "r4", "other", f"another tenant's {TOKEN_A}")
    person = PersonKeys(
        tenant="acme",
        tokens=frozenset({TOKEN_A}),
        blind_indexes=frozenset(),
        request_ids=frozenset({"r3"}),
    )
    assert store.erase(person) == 2
    assert store.get("r1") is None
    assert store.get("r3") is None
    assert store.get("r2") is not None
    assert store.get("r4") is not None
    # Nothing left to erase the second time.
    assert store.erase(person) == 0
