"""The official openai SDK talks to ``gdprgate serve`` in front of an upstream.

The upstream records what it receives: no detected value may reach it, and
the answer the SDK gets carries the original values again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openai import OpenAI

from gdprgate.audit import AuditLog
from gdprgate.store import Database
from gdprgate.vault import TOKEN_RE
from tests.e2e.conftest import bootstrap_key, gdprgate_serve
from tests.support.canary import CANARIES, EMAIL, IBAN, PERSON, PHONE
from tests.support.servers import ScriptedUpstream, serve_in_thread, values_in

pytestmark = pytest.mark.ner

PROMPT = (
    f"Please write to {PERSON} at {EMAIL}, phone {PHONE}, and pay the refund to {IBAN}."
)
# Detected values (the detector may find more); none may reach the upstream.
SENT_VALUES = (PERSON, EMAIL, PHONE, IBAN)


@pytest.fixture(scope="module")
def stack(
    run_dir: Path, log_dir: Path
) -> Iterator[tuple[OpenAI, ScriptedUpstream, Path]]:
    scripted = ScriptedUpstream(chunk_size=3)
    data_dir = run_dir / "data" / "e2e-openai-sdk"
    with (
        serve_in_thread(scripted.app()) as upstream_url,
        gdprgate_serve(
            data_dir, log_dir / "gateway-e2e.log", upstream_url + "/v1"
        ) as url,
    ):
        client = OpenAI(
            base_url=f"{url}/v1", api_key=bootstrap_key(data_dir), max_retries=0
        )
        yield client, scripted, data_dir


def test_non_streamed_answer_is_restored(
    stack: tuple[OpenAI, ScriptedUpstream, Path],
) -> None:
    client, scripted, _ = stack
    scripted.requests.clear()
    completion = client.chat.completions.create(
        model="scripted", messages=[{"role": "user", "content": PROMPT}]
    )
    answer = completion.choices[0].message.content or ""

    assert values_in(scripted.requests, SENT_VALUES) == []
    sent = json.dumps(scripted.requests[0]["messages"])
    assert len(set(TOKEN_RE.findall(sent))) >= 4
    for value in SENT_VALUES:
        assert value in answer, value
    assert TOKEN_RE.search(answer) is None


def test_streamed_answer_is_restored(
    stack: tuple[OpenAI, ScriptedUpstream, Path],
) -> None:
    client, scripted, _ = stack
    scripted.requests.clear()
    stream = client.chat.completions.create(
        model="scripted",
        messages=[{"role": "user", "content": PROMPT}],
        stream=True,
    )
    answer = "".join(
        chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices
    )

    assert values_in(scripted.requests, SENT_VALUES) == []
    for value in SENT_VALUES:
        assert value in answer, value
    assert TOKEN_RE.search(answer) is None


def test_each_request_leaves_an_audit_entry(
    stack: tuple[OpenAI, ScriptedUpstream, Path],
) -> None:
    client, _, data_dir = stack
    client.chat.completions.create(
        model="scripted", messages=[{"role": "user", "content": PROMPT}]
    )
    db = Database.for_data_dir(data_dir)
    entries = list(AuditLog(db).entries())
    db.close()
    assert entries
    last = entries[-1]
    assert last.status == 200
    assert last.entity_counts.get("EMAIL_ADDRESS") == 1
    assert last.entity_counts.get("IBAN_CODE") == 1
    assert not any(value in repr(last) for value in CANARIES)
