"""Two hundred concurrent conversations of different tenants never cross."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx

from gdprgate.gateway import create_app
from gdprgate.gateway.access import Access
from gdprgate.policy import KeyStore, parse_policy
from gdprgate.vault import TOKEN_RE
from tests.gateway.conftest import start_gateway
from tests.support.detectors import EmailDetector
from tests.support.servers import ScriptedUpstream, serve_in_thread

CONVERSATIONS = 200


POLICY = "\n".join(
    [
        "version: 1",
        "controller: {name: Example Ltd, contact: privacy@example.org}",
        "tenants:",
        *(f"  - id: tenant-{number}" for number in range(CONVERSATIONS)),
        "purposes:",
        "  - {id: chat, description: Chat., legal_basis: f,",
        "     data_subjects: [customer], data_categories: [user.contact.email],",
        "     recipients: [model]}",
    ]
)


def address(number: int) -> str:
    # Conversations 2k and 2k+1 share a value, in two different tenants.
    return f"member{number // 2}@example.org"


async def converse(client: httpx.AsyncClient, number: int, key: str) -> str:
    headers = {"authorization": f"Bearer {key}"}
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": f"I am {address(number)}."}],
        "stream": number % 2 == 0,
    }
    if not body["stream"]:
        response = await client.post("/v1/chat/completions", json=body, headers=headers)
        return str(response.json()["choices"][0]["message"]["content"])
    text = ""
    async with client.stream(
        "POST", "/v1/chat/completions", json=body, headers=headers
    ) as response:
        async for line in response.aiter_lines():
            if line.startswith("data: {"):
                delta = json.loads(line[6:])["choices"][0]["delta"]
                text += delta.get("content") or ""
    return text


async def run_all(url: str, keys: list[str]) -> list[str]:
    limits = httpx.Limits(max_connections=CONVERSATIONS)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        return await asyncio.gather(
            *(converse(client, n, keys[n]) for n in range(CONVERSATIONS))
        )


def test_concurrent_conversations_of_different_tenants_never_cross(
    data_dir: Path,
) -> None:
    upstream = ScriptedUpstream(chunk_size=4, delay=0.002)
    with serve_in_thread(upstream.app()) as upstream_url:
        gateway, db = start_gateway(
            data_dir, upstream_url + "/v1", detector=EmailDetector()
        )
        # One key per conversation, each in its own tenant.
        policy = parse_policy(POLICY)
        store = KeyStore(db)
        gateway.access = Access(store, lambda: policy)
        keys = [
            store.create(
                tenant=f"tenant-{number}",
                roles=["client", "reidentify"],
                purposes=["chat"],
                policy=policy,
            )[1]
            for number in range(CONVERSATIONS)
        ]
        with serve_in_thread(create_app(gateway)) as url:
            answers = asyncio.run(run_all(url, keys))

    for number, answer in enumerate(answers):
        assert answer == f"I saw {address(number)}.", number
    sent = json.dumps(upstream.requests)
    assert "@example.org" not in sent
    assert len(TOKEN_RE.findall(sent)) == CONVERSATIONS
    # The same value in two tenants has two unlinkable tokens.
    for pair in range(CONVERSATIONS // 2):
        first = gateway.vault.lookup(
            f"tenant-{2 * pair}", "EMAIL_ADDRESS", address(2 * pair)
        )
        second = gateway.vault.lookup(
            f"tenant-{2 * pair + 1}", "EMAIL_ADDRESS", address(2 * pair)
        )
        assert first is not None
        assert second is not None
        assert first != second
    assert {e.tenant for e in gateway.audit.entries()} == {
        f"tenant-{n}" for n in range(CONVERSATIONS)
    }
    db.close()
