"""POST /v1/chat/completions over real HTTP, in front of a scripted upstream."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest

from gdprgate.audit import AuditEntry
from gdprgate.gateway import create_app
from gdprgate.gateway.access import Caller
from gdprgate.store import Database
from gdprgate.vault import TOKEN_RE
from tests.gateway.conftest import Harness, start_gateway
from tests.support.canary import CANARIES, EMAIL, PERSON, PERSON_2
from tests.support.detectors import FailingDetector
from tests.support.servers import ScriptedUpstream, serve_in_thread, values_in


def chat(url: str, body: object, **kwargs: object) -> httpx.Response:
    return httpx.post(f"{url}/v1/chat/completions", json=body, timeout=10, **kwargs)  # type: ignore[arg-type]


def request_body(**extra: object) -> dict[str, object]:
    return {
        "model": "scripted",
        "messages": [
            {"role": "system", "content": f"You assist {PERSON_2}."},
            {"role": "user", "content": f"Write to {PERSON} at {EMAIL}."},
        ],
        **extra,
    }


def test_upstream_sees_tokens_and_client_gets_values(harness: Harness) -> None:
    response = chat(harness.url, request_body())
    assert response.status_code == 200, response.text
    answer = response.json()["choices"][0]["message"]["content"]

    assert values_in(harness.upstream.requests, CANARIES) == []
    sent = json.dumps(harness.upstream.requests[0]["messages"])
    assert len(TOKEN_RE.findall(sent)) == 3
    assert PERSON in answer
    assert EMAIL in answer
    assert PERSON_2 in answer
    assert TOKEN_RE.search(answer) is None


def test_streamed_answer_restores_tokens_split_across_chunks(
    harness: Harness,
) -> None:
    harness.upstream.chunk_size = 2
    content = ""
    with httpx.stream(
        "POST", f"{harness.url}/v1/chat/completions", json=request_body(stream=True)
    ) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if line.startswith("data: ") and line != "data: [DONE]":
                chunk = json.loads(line[6:])
                for choice in chunk["choices"]:
                    content += choice["delta"].get("content") or ""
    assert PERSON in content
    assert EMAIL in content
    assert TOKEN_RE.search(content) is None
    assert values_in(harness.upstream.requests, CANARIES) == []


def test_audit_entry_has_counts_and_tokens_but_no_values(harness: Harness) -> None:
    response = chat(harness.url, request_body())
    request_id = response.headers["x-request-id"]
    [entry] = list(harness.audit.entries(request_id))
    assert entry.status == 200
    assert entry.outcome == "ok"
    assert entry.entity_counts == {"EMAIL_ADDRESS": 1, "PERSON": 2}
    assert len(entry.tokens) == 3
    assert all(TOKEN_RE.fullmatch(token) for token in entry.tokens)
    assert not any(value in repr(entry) for value in CANARIES)


def test_tokens_are_stable_across_requests(harness: Harness) -> None:
    chat(harness.url, request_body())
    chat(harness.url, request_body())
    first, second = harness.upstream.requests
    assert first["messages"] == second["messages"]


def test_tool_call_arguments_stay_valid_json(harness: Harness) -> None:
    arguments = json.dumps({"to": EMAIL, "names": [PERSON], "n": 2})
    body = request_body()
    body["messages"] = [
        *body["messages"],  # type: ignore[list-item]
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "send_mail", "arguments": arguments},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": f"sent to {EMAIL}"},
    ]
    assert chat(harness.url, body).status_code == 200
    sent = harness.upstream.requests[0]["messages"]
    forwarded = json.loads(sent[2]["tool_calls"][0]["function"]["arguments"])
    assert forwarded["n"] == 2
    assert TOKEN_RE.fullmatch(forwarded["to"])
    assert TOKEN_RE.fullmatch(forwarded["names"][0])
    assert values_in(harness.upstream.requests, CANARIES) == []


def test_tool_call_arguments_in_the_answer_are_restored(harness: Harness) -> None:
    body = request_body()
    first = chat(harness.url, body)
    assert first.status_code == 200
    token = next(t for t, v in _restore_map(harness, body).items() if v == EMAIL)
    harness.upstream.tool_call_arguments = json.dumps({"to": token})
    harness.upstream.chunk_size = 4

    answer = chat(harness.url, body).json()
    arguments = answer["choices"][0]["message"]["tool_calls"][0]["function"]
    assert json.loads(arguments["arguments"]) == {"to": EMAIL}

    streamed = ""
    with httpx.stream(
        "POST", f"{harness.url}/v1/chat/completions", json={**body, "stream": True}
    ) as response:
        for line in response.iter_lines():
            if line.startswith("data: {"):
                delta = json.loads(line[6:])["choices"][0]["delta"]
                for call in delta.get("tool_calls") or []:
                    streamed += call["function"].get("arguments") or ""
    assert json.loads(streamed) == {"to": EMAIL}


def _restore_map(harness: Harness, body: dict[str, object]) -> dict[str, str]:
    texts = [
        m["content"] for m in body["messages"] if isinstance(m.get("content"), str)
    ]  # type: ignore[union-attr]
    return harness.gateway.protect(Caller(tenant="default"), texts).restore_map


def test_content_parts_and_names_are_protected(harness: Harness) -> None:
    body = {
        "model": "scripted",
        "messages": [
            {
                "role": "user",
                "name": PERSON,
                "content": [{"type": "text", "text": f"I am {PERSON_2}."}],
            }
        ],
    }
    assert chat(harness.url, body).status_code == 200
    assert values_in(harness.upstream.requests, CANARIES) == []


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"{not json", "invalid_json"),
        (b"\xff\xfe{}", "invalid_utf8"),
        (b"[]", "invalid_json"),
        (b'{"model": "m"}', "invalid_messages"),
        (b'{"model": "m", "messages": []}', "invalid_messages"),
        (b'{"model": "m", "messages": ["hi"]}', "invalid_messages"),
        (b'{"messages": [{"role": "user", "content": "x"}]}', "invalid_model"),
        (
            b'{"model": "m", "stream": "yes", "messages": [{"content": "x"}]}',
            "invalid_stream",
        ),
        (
            b'{"model": "m", "messages": [{"role": "a b", "content": "x"}]}',
            "invalid_request",
        ),
        (
            b'{"model": "m", "messages": [{"content": "x"}], "temperature": NaN}',
            "invalid_json",
        ),
        (
            b'{"model": "m", "messages": [{"content": "x"}], "top_p": 1e999}',
            "invalid_json",
        ),
        (
            b'{"model": "m", "messages": [{"content": "x"}], "n": 1'
            + b"1" * 5000
            + b"}",
            "invalid_json",
        ),
        (b'{"model": "m", "messages": [{"content": "\\ud800"}]}', "invalid_json"),
        (b'{"model": "m", "messages": [{"content": "a\\uDC00"}]}', "invalid_json"),
        (b"[" * 20_000 + b"]" * 20_000, "invalid_json"),
    ],
)
def test_bad_requests_get_400_and_reach_nobody(
    harness: Harness, raw: bytes, code: str
) -> None:
    response = httpx.post(
        f"{harness.url}/v1/chat/completions",
        content=raw,
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code
    assert error["type"] == "invalid_request_error"
    assert harness.upstream.requests == []


def test_escaped_surrogate_pairs_and_escaped_backslashes_pass(
    harness: Harness,
) -> None:
    """Only a lone surrogate is refused, not a pair or a look-alike text."""
    raw = b'{"model": "m", "messages": [{"content": "\\ud83d\\ude00 \\\\ud800"}]}'
    response = httpx.post(
        f"{harness.url}/v1/chat/completions",
        content=raw,
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200
    sent = harness.upstream.requests[0]["messages"][0]["content"]
    assert sent == "\U0001f600 \\ud800"


def test_error_messages_quote_no_payload(harness: Harness) -> None:
    raw = f'{{"model": "m", "messages": [{{"content": "{PERSON}" '.encode()
    response = httpx.post(f"{harness.url}/v1/chat/completions", content=raw)
    assert response.status_code == 400
    assert PERSON not in response.text


def test_image_parts_are_refused_because_they_cannot_be_checked(
    harness: Harness,
) -> None:
    body = {
        "model": "m",
        "messages": [
            {
                "role": "user",
                "content": [{"type": "image_url", "image_url": {"url": "data:x"}}],
            }
        ],
    }
    response = chat(harness.url, body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unsupported_content"
    assert harness.upstream.requests == []


def test_oversized_body_gets_413(harness: Harness) -> None:
    body = request_body()
    body["messages"] = [{"role": "user", "content": "x" * (70 * 1024)}]
    response = chat(harness.url, body)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert harness.upstream.requests == []


def test_detection_failure_fails_closed_with_503(
    data_dir: Path, upstream: tuple[ScriptedUpstream, str]
) -> None:
    scripted, upstream_url = upstream
    gateway, db = start_gateway(data_dir, upstream_url, detector=FailingDetector())
    with serve_in_thread(create_app(gateway)) as url:
        response = chat(url, request_body())
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "protection_failed"
    assert scripted.requests == []
    [entry] = list(gateway.audit.entries())
    assert entry.status == 503
    db.close()


def test_vault_failure_fails_closed_with_503(harness: Harness, tmp_path: Path) -> None:
    """A store that cannot be opened means nothing is forwarded."""
    vault = harness.gateway.pseudonymizer._vault
    unreachable = Database(f"sqlite:///{tmp_path}/missing-dir/vault.sqlite3")
    vault._db = unreachable
    vault._keyring._db = unreachable
    vault._keyring._cache.clear()
    response = chat(harness.url, request_body())
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "protection_failed"
    assert harness.upstream.requests == []
    unreachable.close()


@pytest.mark.parametrize("stream", [False, True])
def test_upstream_down_gives_502(data_dir: Path, stream: bool) -> None:
    gateway, db = start_gateway(data_dir, "http://127.0.0.1:9/v1")
    with serve_in_thread(create_app(gateway)) as url:
        response = chat(url, request_body(stream=stream))
    assert response.status_code == 502
    assert response.json()["error"]["code"] == "upstream_error"
    db.close()


def test_upstream_client_error_is_passed_on_without_its_message(
    harness: Harness,
) -> None:
    harness.upstream.status = 422
    response = chat(harness.url, request_body())
    assert response.status_code == 422
    error = response.json()["error"]
    assert "scripted failure" not in error["message"]
    assert "(scripted)" in error["message"]


def test_unknown_route_is_404_in_openai_format(harness: Harness) -> None:
    response = httpx.get(f"{harness.url}/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_models_and_health(harness: Harness) -> None:
    assert httpx.get(f"{harness.url}/healthz").json() == {"status": "ok"}
    models = httpx.get(f"{harness.url}/v1/models").json()
    assert models["data"][0]["id"] == "scripted"


def test_without_restore_the_client_gets_tokens(
    data_dir: Path, upstream: tuple[ScriptedUpstream, str]
) -> None:
    _, upstream_url = upstream
    gateway, db = start_gateway(data_dir, upstream_url, restore=False)
    with serve_in_thread(create_app(gateway)) as url:
        answer = chat(url, request_body()).json()["choices"][0]["message"]["content"]
    assert PERSON not in answer
    assert len(TOKEN_RE.findall(answer)) == 3
    db.close()


def test_client_disconnect_mid_stream_is_audited(harness: Harness) -> None:
    harness.upstream.delay = 0.05
    harness.upstream.chunk_size = 1
    with httpx.stream(
        "POST", f"{harness.url}/v1/chat/completions", json=request_body(stream=True)
    ) as response:
        request_id = response.headers["x-request-id"]
        next(response.iter_lines())
    deadline = time.monotonic() + 10
    entries: list[AuditEntry] = []
    while not entries and time.monotonic() < deadline:
        entries = list(harness.audit.entries(request_id))
        time.sleep(0.05)
    [entry] = entries
    assert entry.outcome == "client_closed"
    assert entry.status == 499


@pytest.mark.parametrize(
    "message",
    [
        {"role": "user", "content": "x", "tool_calls": 5},
        {"role": "user", "content": "x", "tool_calls": f"{PERSON} {EMAIL}"},
        {"role": "assistant", "tool_calls": {"function": {"arguments": EMAIL}}},
        {"role": "assistant", "tool_calls": [{"function": f"{PERSON}"}]},
        {
            "role": "assistant",
            "tool_calls": [{"function": {"name": "f", "arguments": {"to": EMAIL}}}],
        },
        {
            "role": "assistant",
            "tool_calls": [
                {"function": {"name": "f", "arguments": json.dumps({EMAIL: PERSON})}}
            ],
        },
        {"role": "user", "content": [{"type": "refusal", "refusal": PERSON}]},
        {"role": "user", "content": [{"type": "text", "text": "hi", "x": EMAIL}]},
        {"role": "assistant", "content": "ok", "reasoning_content": PERSON},
        {"role": "user", "content": "hi", "extra": {"nested": [EMAIL]}},
        {"role": "tool", "content": "ok", "name": {"n": PERSON}},
    ],
)
def test_text_in_any_field_or_shape_is_protected(
    harness: Harness, message: dict[str, object]
) -> None:
    """Unknown fields and odd shapes are walked too: nothing passes unchecked."""
    response = chat(harness.url, {"model": "m", "messages": [message]})
    assert response.status_code in {200, 400}
    assert values_in(harness.upstream.requests, CANARIES) == []


def test_top_level_texts_are_protected(harness: Harness) -> None:
    body = request_body(
        user=EMAIL,
        metadata={"owner": PERSON},
        stop=[PERSON_2],
        prediction={"type": "content", "content": EMAIL},
        tools=[
            {
                "type": "function",
                "function": {
                    "name": "send",
                    "description": f"Mail {PERSON} at {EMAIL}",
                    "parameters": {
                        "type": "object",
                        "properties": {"to": {"type": "string", "default": EMAIL}},
                    },
                },
            }
        ],
        response_format={
            "type": "json_schema",
            "json_schema": {"name": "s", "schema": {"description": PERSON}},
        },
    )
    assert chat(harness.url, body).status_code == 200
    assert values_in(harness.upstream.requests, CANARIES) == []
    tools = harness.upstream.requests[0]["tools"]
    assert tools[0]["function"]["name"] == "send"
    assert tools[0]["function"]["parameters"]["type"] == "object"


def test_free_text_in_control_fields_is_refused(harness: Harness) -> None:
    body = {"model": f"{PERSON} {EMAIL}", "messages": [{"content": "x"}]}
    response = chat(harness.url, body)
    assert response.status_code == 400
    assert PERSON not in response.text
    assert harness.upstream.requests == []
