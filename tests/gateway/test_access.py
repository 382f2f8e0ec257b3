"""Keys, roles and purposes: who may call what, and what they get back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
import sqlalchemy as sa

from gdprgate.detect import Finding
from gdprgate.gateway import Gateway, create_app
from gdprgate.gateway.access import Access
from gdprgate.gateway.slots import Slots
from gdprgate.policy import KeyStore, parse_policy
from gdprgate.store import Database
from gdprgate.store.schema import api_keys
from gdprgate.vault import TOKEN_RE
from tests.gateway.conftest import start_gateway
from tests.support.canary import CANARIES, EMAIL, IBAN, PERSON
from tests.support.servers import ScriptedUpstream, serve_in_thread, values_in

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
    recipients: [model]
    models: [m]
    input_actions: {IBAN_CODE: block, EMAIL_ADDRESS: redact}
  - id: research
    description: Research on anonymised questions.
    legal_basis: f
    data_subjects: [customer]
    data_categories: [user.name]
    recipients: [model]
    restore: false
"""
ROUTES = {
    "/v1/chat/completions": {"model": "m", "messages": [{"content": f"Hi {PERSON}"}]},
    "/v1/completions": {"model": "m", "prompt": f"Hi {PERSON}"},
    "/v1/embeddings": {"model": "m", "input": f"Hi {PERSON}"},
    "/v1/responses": {"model": "m", "input": f"Hi {PERSON}"},
}


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Stack:
    url: str
    upstream: ScriptedUpstream
    keys: KeyStore
    clock: Clock
    secrets: dict[str, str]
    audit: object
    db: Database
    gateway: Gateway


@pytest.fixture
def stack(data_dir: Path) -> Iterator[Stack]:
    policy = parse_policy(POLICY)
    upstream = ScriptedUpstream()
    with serve_in_thread(upstream.app()) as upstream_url:
        gateway, db = start_gateway(data_dir, upstream_url + "/v1")
        clock = Clock()
        keys = KeyStore(db, clock)
        gateway.access = Access(keys, lambda: policy)
        secrets = {}
        for name, roles in {
            "client": ["client"],
            "reidentify": ["client", "reidentify"],
            "auditor": ["auditor"],
            "dpo": ["dpo"],
            "admin": ["admin"],
        }.items():
            purposes = ["support", "research"]
            _, secrets[name] = keys.create(
                tenant="acme", roles=roles, purposes=purposes, policy=policy
            )
        with serve_in_thread(create_app(gateway)) as url:
            yield Stack(url, upstream, keys, clock, secrets, gateway.audit, db, gateway)
    db.close()


def call(stack: Stack, route: str, key: str | None, **headers: str) -> httpx.Response:
    sent = {"authorization": f"Bearer {key}"} if key else {}
    sent.update({k.replace("_", "-"): v for k, v in headers.items()})
    return httpx.post(f"{stack.url}{route}", json=ROUTES[route], headers=sent)


@pytest.mark.parametrize("route", sorted(ROUTES))
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("client", 200),
        ("reidentify", 200),
        ("auditor", 403),
        ("dpo", 403),
        ("admin", 403),
        ("nobody", 401),
        ("forged", 401),
    ],
)
def test_authorization_matrix(stack: Stack, route: str, who: str, status: int) -> None:
    key = {"nobody": None, "forged": "gg_0000000000000000_forged"}.get(
        who, stack.secrets.get(who)
    )
    response = call(stack, route, key)
    assert response.status_code == status, response.text
    if status != 200:
        assert stack.upstream.requests == []


def test_models_list_needs_a_client_key(stack: Stack) -> None:
    assert httpx.get(f"{stack.url}/v1/models").status_code == 401
    headers = {"authorization": f"Bearer {stack.secrets['client']}"}
    assert httpx.get(f"{stack.url}/v1/models", headers=headers).status_code == 200


def test_only_reidentify_callers_get_values_back(stack: Stack) -> None:
    plain = call(stack, "/v1/chat/completions", stack.secrets["client"]).json()
    full = call(stack, "/v1/chat/completions", stack.secrets["reidentify"]).json()
    assert PERSON not in plain["choices"][0]["message"]["content"]
    assert TOKEN_RE.search(plain["choices"][0]["message"]["content"])
    assert PERSON in full["choices"][0]["message"]["content"]


def test_a_purpose_without_restore_gives_tokens_even_to_reidentify(
    stack: Stack,
) -> None:
    response = call(
        stack,
        "/v1/embeddings",
        stack.secrets["reidentify"],
        x_gdprgate_purpose="research",
    )
    assert response.status_code == 200
    answer = httpx.post(
        f"{stack.url}/v1/chat/completions",
        json={"model": "any", "messages": [{"content": f"Hi {PERSON}"}]},
        headers={
            "authorization": f"Bearer {stack.secrets['reidentify']}",
            "x-gdprgate-purpose": "research",
        },
    ).json()
    assert PERSON not in answer["choices"][0]["message"]["content"]


@pytest.mark.parametrize(
    ("purpose", "code"),
    [("marketing", "purpose_not_allowed"), ("", None)],
)
def test_the_purpose_must_be_one_of_the_keys(
    stack: Stack, purpose: str, code: str | None
) -> None:
    response = call(
        stack,
        "/v1/chat/completions",
        stack.secrets["client"],
        x_gdprgate_purpose=purpose,
    )
    if code is None:
        assert response.status_code == 200  # the key's default purpose
    else:
        assert response.status_code == 403
        assert response.json()["error"]["code"] == code


def test_a_model_outside_the_purpose_is_refused(stack: Stack) -> None:
    body = {"model": "other", "messages": [{"content": "hi"}]}
    headers = {"authorization": f"Bearer {stack.secrets['client']}"}
    response = httpx.post(
        f"{stack.url}/v1/chat/completions", json=body, headers=headers
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "model_not_allowed"
    assert stack.upstream.requests == []


def test_blocked_types_are_named_and_their_values_never_sent(stack: Stack) -> None:
    body = {"model": "m", "messages": [{"content": f"Pay {IBAN} for {PERSON}"}]}
    headers = {"authorization": f"Bearer {stack.secrets['client']}"}
    response = httpx.post(
        f"{stack.url}/v1/chat/completions", json=body, headers=headers
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "blocked_entities"
    assert "IBAN_CODE" in error["message"]
    assert IBAN not in response.text
    assert stack.upstream.requests == []


def test_redacted_types_reach_the_model_as_their_type(stack: Stack) -> None:
    body = {"model": "m", "messages": [{"content": f"Mail {EMAIL}"}]}
    headers = {"authorization": f"Bearer {stack.secrets['reidentify']}"}
    httpx.post(f"{stack.url}/v1/chat/completions", json=body, headers=headers)
    assert (
        stack.upstream.requests[0]["messages"][0]["content"] == "Mail [EMAIL_ADDRESS]"
    )


def test_revocation_and_expiry_take_effect_at_once(stack: Stack) -> None:
    principal, secret = stack.keys.create(
        tenant="acme",
        roles=["client"],
        purposes=["support"],
        expires_at=stack.clock.now + timedelta(minutes=5),
    )
    assert call(stack, "/v1/embeddings", secret).status_code == 200
    stack.clock.now += timedelta(minutes=6)
    assert call(stack, "/v1/embeddings", secret).status_code == 401

    client_id = stack.secrets["client"].split("_")[1]
    assert client_id != principal.key_id
    assert stack.keys.revoke(client_id)
    assert call(stack, "/v1/embeddings", stack.secrets["client"]).status_code == 401


def _key_id(secret: str) -> str:
    return secret.split("_")[1]


def test_a_key_in_use_is_refused_once_another_process_revoked_it(
    stack: Stack,
) -> None:
    """The gateway keeps keys it has read; a revocation still counts at once."""
    secret = stack.secrets["client"]
    for _ in range(2):
        assert call(stack, "/v1/chat/completions", secret).status_code == 200
    forwarded = len(stack.upstream.requests)

    elsewhere = Database(stack.db.url)  # its own connections, as the CLI's
    assert KeyStore(elsewhere).revoke(_key_id(secret))
    elsewhere.close()
    refused = call(stack, "/v1/chat/completions", secret)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "invalid_api_key"
    assert len(stack.upstream.requests) == forwarded
    last = list(stack.audit.entries())[-1]  # type: ignore[attr-defined]
    assert (last.status, last.key_id) == (401, _key_id(secret))
    assert call(stack, "/v1/chat/completions", secret).status_code == 401


def test_a_key_revoked_or_changed_by_hand_in_the_store_counts_at_once(
    stack: Stack,
) -> None:
    client, other = stack.secrets["client"], stack.secrets["reidentify"]
    assert call(stack, "/v1/embeddings", client).status_code == 200
    assert call(stack, "/v1/embeddings", other).status_code == 200

    elsewhere = Database(stack.db.url)
    with elsewhere.engine.begin() as connection:
        connection.execute(
            sa.update(api_keys)
            .where(api_keys.c.key_id == _key_id(client))
            .values(roles=["auditor"])
        )
        connection.execute(
            sa.update(api_keys)
            .where(api_keys.c.key_id == _key_id(other))
            .values(revoked_at=datetime.now(UTC))
        )
    elsewhere.close()
    # Admitted from memory, then refused before anything was forwarded.
    assert call(stack, "/v1/embeddings", client).status_code == 401
    # Read from the store again: the key has lost its client role.
    assert call(stack, "/v1/embeddings", client).status_code == 403
    assert call(stack, "/v1/embeddings", other).status_code == 401


def test_a_refused_key_is_read_again_on_its_next_request(stack: Stack) -> None:
    """A key refused once (no client role) is not refused from memory."""
    secret = stack.secrets["auditor"]
    assert call(stack, "/v1/embeddings", secret).status_code == 403
    with stack.db.engine.begin() as connection:
        connection.execute(
            sa.update(api_keys)
            .where(api_keys.c.key_id == _key_id(secret))
            .values(roles=["auditor", "client"])
        )
    assert call(stack, "/v1/embeddings", secret).status_code == 200


def test_a_key_read_before_is_admitted_without_reading_the_keys_table(
    stack: Stack,
) -> None:
    secret = stack.secrets["client"]
    assert call(stack, "/v1/embeddings", secret).status_code == 200
    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]))

    sa.event.listen(stack.db.engine, "before_cursor_execute", seen)
    try:
        assert call(stack, "/v1/embeddings", secret).status_code == 200
    finally:
        sa.event.remove(stack.db.engine, "before_cursor_execute", seen)
    assert [s for s in statements if "api_keys" in s] == []
    assert any("change_marks" in s for s in statements)


def test_every_refusal_is_audited(stack: Stack) -> None:
    call(stack, "/v1/chat/completions", None)
    call(stack, "/v1/chat/completions", stack.secrets["auditor"])
    call(stack, "/v1/chat/completions", stack.secrets["client"], x_gdprgate_purpose="x")
    entries = list(stack.audit.entries())  # type: ignore[attr-defined]
    assert [e.status for e in entries] == [401, 403, 403]
    assert entries[0].key_id is None
    assert entries[1].key_id is not None
    assert values_in([{"e": repr(entries)}], CANARIES) == []


def test_a_key_whose_purpose_or_tenant_left_the_policy_is_refused(
    stack: Stack,
) -> None:
    _, gone_purpose = stack.keys.create(
        tenant="acme", roles=["client"], purposes=["retired"]
    )
    _, gone_tenant = stack.keys.create(
        tenant="closed", roles=["client"], purposes=["support"]
    )
    first = call(stack, "/v1/embeddings", gone_purpose)
    second = call(stack, "/v1/embeddings", gone_tenant)
    assert first.json()["error"]["code"] == "unknown_purpose"
    assert second.json()["error"]["code"] == "unknown_tenant"
    assert stack.upstream.requests == []


def test_personal_data_in_object_keys_is_protected_too(stack: Stack) -> None:
    """A tool's property names reach the model: a blocked type there blocks."""
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
        "tools": [
            {
                "type": "function",
                "function": {
                    "name": "f",
                    "parameters": {
                        "type": "object",
                        "properties": {f"pay {IBAN}": {"type": "string"}},
                    },
                },
            }
        ],
    }
    headers = {"authorization": f"Bearer {stack.secrets['client']}"}
    response = httpx.post(
        f"{stack.url}/v1/chat/completions", json=body, headers=headers
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "blocked_entities"
    assert stack.upstream.requests == []


def test_personal_data_in_ids_is_protected_too(stack: Stack) -> None:
    body = {
        "model": "m",
        "messages": [
            {"role": "tool", "tool_call_id": EMAIL, "content": "ok"},
            {"role": "user", "content": "x", "id": EMAIL},
        ],
    }
    headers = {"authorization": f"Bearer {stack.secrets['client']}"}
    response = httpx.post(
        f"{stack.url}/v1/chat/completions", json=body, headers=headers
    )
    assert response.status_code == 200
    assert values_in(stack.upstream.requests, CANARIES) == []
    sent = stack.upstream.requests[0]["messages"]
    assert sent[0]["tool_call_id"] == "[EMAIL_ADDRESS]"


def test_a_type_that_is_not_a_string_is_no_crash(stack: Stack) -> None:
    body = {"model": "m", "messages": [{"role": "user", "content": [{"type": ["x"]}]}]}
    headers = {"authorization": f"Bearer {stack.secrets['client']}"}
    response = httpx.post(
        f"{stack.url}/v1/chat/completions", json=body, headers=headers
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"model": "m", "messages": [{"role": EMAIL, "content": "x"}]},
        {"model": EMAIL, "messages": [{"role": "user", "content": "x"}]},
    ],
)
def test_personal_data_in_a_role_or_model_name_is_refused(
    stack: Stack, body: dict[str, object]
) -> None:
    headers = {"authorization": f"Bearer {stack.secrets['client']}"}
    response = httpx.post(
        f"{stack.url}/v1/chat/completions", json=body, headers=headers
    )
    assert response.status_code in {400, 403}
    assert EMAIL not in response.text
    assert stack.upstream.requests == []


def test_a_revocation_that_skipped_the_change_mark_counts_after_a_while(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write with the trigger bypassed (a replica session, a restore with
    triggers off) moves no mark: a held key is read again after
    KNOWN_SECONDS whatever the mark says."""
    import gdprgate.gateway.access as access_module

    secret = stack.secrets["client"]
    assert call(stack, "/v1/embeddings", secret).status_code == 200
    with stack.db.engine.begin() as connection:
        [mark] = connection.execute(
            sa.text("SELECT version FROM change_marks WHERE name = 'api_keys'")
        ).one()
        connection.execute(
            sa.update(api_keys)
            .where(api_keys.c.key_id == _key_id(secret))
            .values(revoked_at=datetime.now(UTC))
        )
        # Put the mark back, as if the trigger had not fired.
        connection.execute(
            sa.text("UPDATE change_marks SET version = :v WHERE name = 'api_keys'"),
            {"v": mark},
        )
    # Held in memory and the mark unchanged: still admitted (the window).
    assert call(stack, "/v1/embeddings", secret).status_code == 200
    monkeypatch.setattr(access_module, "KNOWN_SECONDS", 0.0)
    assert call(stack, "/v1/embeddings", secret).status_code == 401


@pytest.mark.parametrize("first", [True, False])
def test_a_key_revoked_while_its_request_is_detected_sends_nothing(
    stack: Stack, monkeypatch: pytest.MonkeyPatch, first: bool
) -> None:
    """Read from the store (its first request) or held in memory alike."""
    secret = stack.secrets["client"]
    if not first:
        assert call(stack, "/v1/chat/completions", secret).status_code == 200
    forwarded = len(stack.upstream.requests)
    detector = stack.gateway.detector
    real = detector.analyze_batch

    def revoking(
        texts: Sequence[str], language: str | None = None, scope: str = ""
    ) -> list[list[Finding]]:
        KeyStore(stack.db).revoke(_key_id(secret))
        return real(texts, language, scope)

    monkeypatch.setattr(
        stack.gateway, "detector", SimpleNamespace(analyze_batch=revoking)
    )
    stored = stack.gateway.vault.count()
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "Write to nadia.vorn@example.org"}],
    }
    refused = httpx.post(
        f"{stack.url}/v1/chat/completions",
        json=body,
        headers={"authorization": f"Bearer {secret}"},
    )
    assert refused.status_code == 401
    assert len(stack.upstream.requests) == forwarded
    # Refused before the vault: the new address was never stored.
    assert stack.gateway.vault.count() == stored


def test_detection_is_scoped_to_the_callers_tenant(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The detector's cache keeps tenants apart: a text another tenant sent
    is not answered from its entry (no timing tells)."""
    scopes: list[str] = []
    real = stack.gateway.detector.analyze_batch

    def recording(
        texts: Sequence[str], language: str | None = None, scope: str = ""
    ) -> list[list[Finding]]:
        scopes.append(scope)
        return real(texts, language, scope)

    monkeypatch.setattr(
        stack.gateway, "detector", SimpleNamespace(analyze_batch=recording)
    )
    assert (
        call(stack, "/v1/chat/completions", stack.secrets["client"]).status_code == 200
    )
    assert scopes
    assert set(scopes) == {"acme"}


def test_json_schema_words_as_keys_are_no_text() -> None:
    """A tool's schema keeps its syntax ("enum", "required", ...); its
    property names and values are still read."""
    parameters = {
        "type": "object",
        "properties": {"city": {"type": "string", "enum": ["Lindau", "Kassel"]}},
        "required": ["city"],
        "additionalProperties": False,
    }
    body = {"tools": [{"type": "function", "function": {"parameters": parameters}}]}
    slots = Slots()
    slots.walk(body, "request")
    texts = slots.texts()
    assert {"city", "Lindau", "Kassel"} <= set(texts)
    assert not {"enum", "required", "properties", "additionalProperties"} & set(texts)
    read = {"city", "Lindau", "Kassel"}
    slots.replace([f"<{text}>" if text in read else text for text in texts])
    kept = body["tools"][0]["function"]["parameters"]  # type: ignore[index]
    assert set(kept) == {"type", "properties", "required", "additionalProperties"}
    assert kept["properties"] == {
        "<city>": {"type": "string", "enum": ["<Lindau>", "<Kassel>"]}
    }
