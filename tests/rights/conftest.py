"""A gateway with the rights part, API keys, and a deletion-hook server,
all real and on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gdprgate.gateway import Gateway, create_app
from gdprgate.gateway.access import Access
from gdprgate.gateway.policy_holder import PolicyHolder
from gdprgate.policy import KeyStore, parse_policy
from gdprgate.rights import HookOptions, Rights, verify_signature
from gdprgate.store import Database
from gdprgate.vault import Keyring, load_master_key
from tests.gateway.conftest import start_gateway
from tests.support.servers import ScriptedUpstream, serve_in_thread

HOOK_SECRET = "hook-secret-for-tests"
SECRET_ENV = "GDPRGATE_TEST_HOOK_SECRET"

POLICY = """
version: 1
controller:
  name: Example Ltd
  contact: privacy@example.org
  dpo_contact: dpo@example.org
tenants: [{{id: acme}}, {{id: other}}]
deletion_hooks:
  - {{name: crm, url: "{hook_url}", secret_env: {secret_env}, events: {events}}}
  - ticketing
rights: {{on_restricted: {on_restricted}}}
purposes:
  - id: support
    description: Answering tickets.
    legal_basis: b
    data_subjects: [customer]
    data_categories: [user.name, user.contact.email]
    recipients: [self-hosted model]
    retention: {{vault: 90d}}
  - id: research
    description: Research on questions.
    legal_basis: f
    data_subjects: [customer]
    data_categories: [user.name]
    recipients: [self-hosted model]
"""


@dataclass
class HookServer:
    """Answers deletion-hook calls; fails the first ``fail_first`` of them."""

    fail_first: int = 0
    calls: list[dict[str, Any]] = field(default_factory=list)
    valid_signatures: list[bool] = field(default_factory=list)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/erase", self._erase, methods=["POST"])])

    async def _erase(self, request: Request) -> Response:
        body = await request.body()
        header = request.headers.get("x-gdprgate-signature", "")
        self.valid_signatures.append(
            verify_signature(HOOK_SECRET.encode(), body, header)
        )
        self.calls.append(json.loads(body))
        if len(self.calls) <= self.fail_first:
            return JSONResponse({"error": "try later"}, status_code=503)
        return JSONResponse({"erased": True})


@dataclass
class RightsStack:
    url: str
    gateway: Gateway
    rights: Rights
    upstream: ScriptedUpstream
    hooks: HookServer
    keys: dict[str, str]
    db: Database
    data_dir: Path

    def chat(
        self, text: str, subject: str | None = None, purpose: str = "support"
    ) -> httpx.Response:
        headers = {
            "authorization": f"Bearer {self.keys['client']}",
            "x-gdprgate-purpose": purpose,
        }
        if subject is not None:
            headers["x-gdprgate-subject"] = subject
        body = {"model": "m", "messages": [{"role": "user", "content": text}]}
        return httpx.post(f"{self.url}/v1/chat/completions", json=body, headers=headers)

    def dpo(
        self, method: str, path: str, key: str = "dpo", **kwargs: Any
    ) -> httpx.Response:
        headers = {"authorization": f"Bearer {self.keys[key]}"}
        return httpx.request(
            method, f"{self.url}{path}", headers=headers, timeout=30, **kwargs
        )


def build_stack(
    data_dir: Path,
    hooks: HookServer,
    on_restricted: str = "refuse",
    events: str = "[erasure]",
) -> Iterator[RightsStack]:
    upstream = ScriptedUpstream()
    with (
        serve_in_thread(upstream.app()) as upstream_url,
        serve_in_thread(hooks.app()) as hook_url,
    ):
        policy = parse_policy(
            POLICY.format(
                hook_url=hook_url + "/erase",
                secret_env=SECRET_ENV,
                on_restricted=on_restricted,
                events=events,
            )
        )
        gateway, db = start_gateway(data_dir, upstream_url + "/v1")
        holder = PolicyHolder(None)
        holder.current = policy
        keys = KeyStore(db)
        gateway.access = Access(keys, lambda: holder.current)
        gateway.policy_holder = holder
        keyring = Keyring(db, load_master_key(data_dir))
        options = HookOptions(backoff=0.01, environ={SECRET_ENV: HOOK_SECRET})
        rights = Rights(
            db, keyring, gateway.audit, lambda: holder.current, hooks=options
        )
        gateway.rights = rights
        gateway.metrics.sources.rights = rights.register
        secrets = {}
        for name, roles, tenant in [
            ("client", ["client", "reidentify"], "acme"),
            ("dpo", ["dpo"], "acme"),
            ("admin", ["admin"], "acme"),
            ("other_dpo", ["dpo"], "other"),
        ]:
            _, secrets[name] = keys.create(
                tenant=tenant,
                roles=roles,
                purposes=["support", "research"],
                policy=policy,
            )
        with serve_in_thread(create_app(gateway)) as url:
            yield RightsStack(
                url, gateway, rights, upstream, hooks, secrets, db, data_dir
            )
    db.close()


@pytest.fixture
def hook_server() -> HookServer:
    return HookServer()


@pytest.fixture
def stack(data_dir: Path, hook_server: HookServer) -> Iterator[RightsStack]:
    yield from build_stack(data_dir, hook_server)
