"""Streams: a value split over events in a field the route does not know
never reaches the client (vLLM's "reasoning" is the route's own field)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from gdprgate.gateway import create_app
from gdprgate.protect import OutputAction
from tests.gateway.answers.conftest import RawUpstream
from tests.gateway.conftest import start_gateway
from tests.support.canary import EMAIL_2, PERSON_2
from tests.support.servers import serve_in_thread


def _chat_stream(
    data_dir: Path,
    events: list[Any],
    route: str = "chat/completions",
    body: dict[str, Any] | None = None,
) -> str:
    upstream = RawUpstream(events=events, done=route != "responses")
    with serve_in_thread(upstream.app()) as up:
        gateway, db = start_gateway(
            data_dir, up + "/v1", output_action=OutputAction.TOKEN
        )
        body = body or {
            "model": "m",
            "messages": [{"role": "user", "content": "hi"}],
            "stream": True,
        }
        with (
            serve_in_thread(create_app(gateway)) as url,
            httpx.stream("POST", f"{url}/v1/{route}", json=body, timeout=20) as r,
        ):
            raw = "".join(r.iter_text())
        db.close()
    return raw


def _chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "c1",
        "object": "chat.completion.chunk",
        "model": "m",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _pieces(text: str, size: int = 4) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _joined(raw: str, pick) -> str:
    out = ""
    for line in raw.splitlines():
        if line.startswith("data: {"):
            out += pick(json.loads(line[6:])) or ""
    return out


def test_vllm_reasoning_field_split_value(data_dir: Path) -> None:
    """vLLM's 'reasoning' delta field is checked like the content."""
    text = f"The user may mean {PERSON_2} at {EMAIL_2}."
    events = [_chunk({"reasoning": p}) for p in _pieces(text)]
    events.append(_chunk({"content": "ok"}, "stop"))
    raw = _chat_stream(data_dir, events)
    got = _joined(
        raw, lambda c: (c.get("choices") or [{}])[0].get("delta", {}).get("reasoning")
    )
    assert PERSON_2 not in got, got
    assert EMAIL_2 not in got, got


def test_chat_audio_transcript_split_value(data_dir: Path) -> None:
    """delta.audio.transcript: a field the chat route does not know."""
    text = f"Please call {PERSON_2} soon."
    events = [_chunk({"audio": {"id": "a1", "transcript": p}}) for p in _pieces(text)]
    events.append(_chunk({}, "stop"))
    raw = _chat_stream(data_dir, events)
    got = _joined(
        raw,
        lambda c: (
            (c.get("choices") or [{}])[0]
            .get("delta", {})
            .get("audio", {})
            .get("transcript")
        ),
    )
    assert PERSON_2 not in got, got


def test_responses_unknown_delta_event_split_value(data_dir: Path) -> None:
    text = f"Please call {PERSON_2} soon."
    events = [
        {"type": "response.audio.transcript.delta", "sequence_number": i, "delta": p}
        for i, p in enumerate(_pieces(text))
    ]
    body = {"model": "m", "input": "hi", "stream": True}
    raw = _chat_stream(data_dir, events, route="responses", body=body)
    got = _joined(
        raw,
        lambda e: (
            e.get("delta") if e.get("type", "").endswith("transcript.delta") else ""
        ),
    )
    assert PERSON_2 not in got, got


def test_control_whole_value_in_one_event_is_checked(data_dir: Path) -> None:
    text = f"The user may mean {PERSON_2} at {EMAIL_2}."
    events = [_chunk({"reasoning": text}), _chunk({"content": "ok"}, "stop")]
    raw = _chat_stream(data_dir, events)
    got = _joined(
        raw, lambda c: (c.get("choices") or [{}])[0].get("delta", {}).get("reasoning")
    )
    assert PERSON_2 not in got, got
    assert EMAIL_2 not in got, got
