"""A gateway with real keys, a policy and output checks, for monitoring tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from gdprgate.gateway import Gateway, create_app
from gdprgate.gateway.access import Access
from gdprgate.policy import KeyStore, parse_policy
from gdprgate.protect import OutputAction
from gdprgate.store import Database
from tests.gateway.conftest import start_gateway
from tests.support.canary import IBAN, PERSON, PERSON_2
from tests.support.servers import ScriptedUpstream, serve_in_thread

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
    input_actions: {IBAN_CODE: block}
"""
# The model "remembers" someone the caller never mentioned.
INVENTED = f"You could also ask {PERSON_2} about it."


@dataclass
class MonitoredStack:
    url: str
    gateway: Gateway
    db: Database
    secret: str
    key_id: str

    def chat(
        self, text: str, key: str | None = None, purpose: str | None = None
    ) -> httpx.Response:
        body = {"model": "m", "messages": [{"role": "user", "content": text}]}
        secret = self.secret if key is None else key
        headers = {"authorization": f"Bearer {secret}"} if secret else {}
        if purpose is not None:
            headers["x-gdprgate-purpose"] = purpose
        return httpx.post(
            f"{self.url}/v1/chat/completions", json=body, headers=headers, timeout=10
        )

    def traffic(self) -> None:
        """Two answered requests, one blocked, one without a key."""
        assert self.chat(f"Please write to {PERSON}.").status_code == 200
        assert self.chat(f"{PERSON} thanks you.").status_code == 200
        assert self.chat(f"Pay to {IBAN}.").status_code == 400
        assert self.chat("hello", key="").status_code == 401


@contextmanager
def monitored_stack(
    data_dir: Path,
    policy_text: str = POLICY,
    purposes: tuple[str, ...] = ("support",),
    tenant: str = "acme",
) -> Iterator[MonitoredStack]:
    policy = parse_policy(policy_text)
    upstream = ScriptedUpstream(reply=INVENTED)
    with serve_in_thread(upstream.app()) as upstream_url:
        gateway, db = start_gateway(
            data_dir, upstream_url + "/v1", output_action=OutputAction.TOKEN
        )
        keys = KeyStore(db)
        gateway.access = Access(keys, lambda: policy)
        principal, secret = keys.create(
            tenant=tenant, roles=["client"], purposes=list(purposes), policy=policy
        )
        with serve_in_thread(create_app(gateway)) as url:
            yield MonitoredStack(url, gateway, db, secret, principal.key_id)
    db.close()
