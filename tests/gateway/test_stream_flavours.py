"""Streams in the formats of vLLM, Ollama and TGI, and streams that break."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from gdprgate.gateway import create_app
from gdprgate.vault import TOKEN_RE
from tests.gateway.conftest import Harness, start_gateway
from tests.support.canary import CANARIES, EMAIL, IBAN, PERSON
from tests.support.servers import ScriptedUpstream, serve_in_thread, values_in


def stream_chat(harness: Harness, **extra: Any) -> tuple[list[dict[str, Any]], str]:
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": f"Hi {PERSON}, {EMAIL}"}],
        "stream": True,
        **extra,
    }
    chunks: list[dict[str, Any]] = []
    tail = ""
    with httpx.stream(
        "POST", f"{harness.url}/v1/chat/completions", json=body, timeout=10
    ) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if line.startswith("data: {"):
                chunks.append(json.loads(line[6:]))
            elif line.startswith("data: "):
                tail = line[6:]
    return chunks, tail


def content_of(chunks: list[dict[str, Any]]) -> str:
    return "".join(
        choice["delta"].get("content") or ""
        for chunk in chunks
        for choice in chunk["choices"]
    )


@pytest.mark.parametrize("flavour", ["openai", "vllm", "ollama", "tgi"])
@pytest.mark.parametrize("chunk_size", [1, 2, 5])
def test_every_stream_flavour_is_restored(
    harness: Harness, flavour: str, chunk_size: int
) -> None:
    harness.upstream.flavour = flavour
    harness.upstream.chunk_size = chunk_size
    options = {"stream_options": {"include_usage": True}}
    chunks, tail = stream_chat(harness, **options)
    text = content_of(chunks)
    assert PERSON in text
    assert EMAIL in text
    assert TOKEN_RE.search(text) is None
    assert tail == "[DONE]"
    assert chunks[-1]["choices"] or chunks[-1].get("usage")
    if flavour == "vllm":
        assert chunks[-1]["usage"]["total_tokens"] == 12


def test_token_split_over_three_chunks_is_restored(harness: Harness) -> None:
    harness.upstream.reply = "Dear <PERSON_"
    chunks, _ = stream_chat(harness)
    token = TOKEN_RE.search(json.dumps(harness.upstream.requests[0]))
    assert token is not None
    reply = f"Dear {token.group(0)} bye"
    harness.upstream.reply = reply
    # Pieces of 6 split the 13-character token across three chunks.
    harness.upstream.chunk_size = 6
    chunks, _ = stream_chat(harness)
    assert content_of(chunks) in {f"Dear {PERSON} bye", f"Dear {EMAIL} bye"}


def test_tool_call_with_email_and_iban_is_restored_in_deltas(harness: Harness) -> None:
    first = {"model": "m", "messages": [{"role": "user", "content": f"{EMAIL} {IBAN}"}]}
    httpx.post(f"{harness.url}/v1/chat/completions", json=first, timeout=10)
    sent = harness.upstream.requests[0]["messages"][0]["content"]
    email_token, iban_token = sent.split(" ")
    harness.upstream.tool_call_arguments = json.dumps(
        {"to": email_token, "iban": iban_token}
    )
    harness.upstream.chunk_size = 4
    arguments = ""
    with httpx.stream(
        "POST",
        f"{harness.url}/v1/chat/completions",
        json={**first, "stream": True},
        timeout=10,
    ) as response:
        for line in response.iter_lines():
            if line.startswith("data: {"):
                for choice in json.loads(line[6:])["choices"]:
                    for call in choice["delta"].get("tool_calls") or []:
                        arguments += call["function"].get("arguments") or ""
    assert json.loads(arguments) == {"to": EMAIL, "iban": IBAN}
    assert values_in(harness.upstream.requests, CANARIES) == []


def test_upstream_dying_mid_stream_ends_with_an_error_event(harness: Harness) -> None:
    harness.upstream.die_after = 4
    chunks, _ = stream_chat(harness)
    assert "error" in chunks[-1]
    assert chunks[-1]["error"]["code"] == "upstream_error"
    [entry] = [e for e in harness.audit.entries() if e.stream]
    assert entry.status == 502


def test_client_disconnect_cancels_the_upstream_request(harness: Harness) -> None:
    harness.upstream.delay = 0.1
    harness.upstream.chunk_size = 1
    body = {"model": "m", "messages": [{"content": f"Hi {PERSON}"}], "stream": True}
    with httpx.stream(
        "POST", f"{harness.url}/v1/chat/completions", json=body, timeout=10
    ) as response:
        next(response.iter_lines())
    deadline = time.monotonic() + 10
    while harness.upstream.closed_streams == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert harness.upstream.closed_streams == 1
    # The scripted answer has ~20 pieces at 0.1 s: closing early means cancelled.
    assert time.monotonic() < deadline


def test_n_choices_are_each_restored(harness: Harness) -> None:
    body = {"model": "m", "n": 3, "messages": [{"content": f"Hi {PERSON}"}]}
    answer = httpx.post(f"{harness.url}/v1/chat/completions", json=body).json()
    assert len(answer["choices"]) == 3
    assert all(PERSON in c["message"]["content"] for c in answer["choices"])
    assert all("logprobs" not in c for c in answer["choices"])


def test_json_answers_stay_valid_json_when_restored(harness: Harness) -> None:
    quoted = 'Annika "Anni" Vesterholm'
    harness.gateway.detector.values[quoted] = "PERSON"  # type: ignore[attr-defined]
    body = {
        "model": "m",
        "response_format": {"type": "json_object"},
        "messages": [{"content": f"Name: {quoted}"}],
    }
    httpx.post(f"{harness.url}/v1/chat/completions", json=body)
    token = TOKEN_RE.search(json.dumps(harness.upstream.requests[0])).group(0)  # type: ignore[union-attr]
    harness.upstream.reply = json.dumps({"name": token})
    answer = httpx.post(f"{harness.url}/v1/chat/completions", json=body).json()
    assert json.loads(answer["choices"][0]["message"]["content"]) == {"name": quoted}


def test_an_unreadable_stream_event_ends_the_stream_with_an_error(
    harness: Harness,
) -> None:
    harness.upstream.flavour = "garbage"
    chunks, tail = stream_chat(harness)
    assert chunks[-1]["error"]["code"] == "upstream_error"
    assert tail != "[DONE]"
    [entry] = list(harness.audit.entries())
    assert entry.status == 502


def test_stream_to_a_failing_upstream_gets_its_status_not_200(
    harness: Harness,
) -> None:
    harness.upstream.status = 429
    body = {"model": "m", "messages": [{"content": "hi"}], "stream": True}
    response = httpx.post(f"{harness.url}/v1/chat/completions", json=body)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "upstream_error"


@pytest.mark.parametrize("stream", [False, True])
def test_a_slow_upstream_gets_504(
    data_dir: Path, upstream: tuple[ScriptedUpstream, str], stream: bool
) -> None:
    scripted, upstream_url = upstream
    scripted.pause = 1.0
    gateway, db = start_gateway(data_dir, upstream_url, read_timeout=0.2)
    body = {"model": "m", "messages": [{"content": "hi"}], "stream": stream}
    with serve_in_thread(create_app(gateway)) as url:
        response = httpx.post(f"{url}/v1/chat/completions", json=body, timeout=10)
    assert response.status_code == 504
    assert response.json()["error"]["code"] == "upstream_timeout"
    db.close()
