"""Answer bodies and stream formats of the servers gdprgate sits in front of.

The stream flavours reproduce what each server really sends: vLLM's role
chunk and usage-only chunk, Ollama's role in every delta, TGI's ``data:``
without a space, empty deltas, keep-alive comments and ``[DONE]``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.support.servers import ScriptedUpstream

USAGE = {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12}


def tool_call(arguments: str, *, stream: bool = False) -> dict[str, Any]:
    call: dict[str, Any] = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "send_mail", "arguments": arguments},
    }
    if stream:
        call["index"] = 0
    return call


def completion(message: dict[str, Any], n: int = 1) -> dict[str, Any]:
    choices = [
        {"index": i, "message": message, "finish_reason": "stop", "logprobs": None}
        for i in range(n)
    ]
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": 1,
        "model": "scripted",
        "choices": choices,
        "usage": USAGE,
    }


def text_completion(text: str) -> dict[str, Any]:
    return {
        "id": "cmpl-scripted",
        "object": "text_completion",
        "created": 1,
        "model": "scripted",
        "choices": [
            {"index": 0, "text": text, "finish_reason": "stop", "logprobs": None}
        ],
        "usage": USAGE,
    }


def _data(payload: dict[str, Any] | str, flavour: str = "openai") -> bytes:
    text = payload if isinstance(payload, str) else json.dumps(payload)
    separator = "data:" if flavour == "tgi" else "data: "
    return f"{separator}{text}\n\n".encode()


def _chunk(flavour: str, choice: dict[str, Any], **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "scripted",
        "choices": [{"index": 0, "finish_reason": None, **choice}],
    }
    if flavour == "ollama":
        base["system_fingerprint"] = "fp_ollama"
        base["choices"][0]["delta"].setdefault("role", "assistant")
    if flavour == "tgi":
        base["system_fingerprint"] = "3.0.0-native"
        base["choices"][0]["logprobs"] = None
    return {**base, **extra}


async def chat_events(
    upstream: ScriptedUpstream, body: dict[str, Any], content: str
) -> AsyncIterator[bytes]:
    flavour = upstream.flavour
    yield b": keep-alive\n\n"
    if flavour == "garbage":
        yield _data(_chunk("openai", {"delta": {"content": "Hello "}}))
        yield b"data: this is not json\n\n"
        return
    if flavour in {"openai", "vllm"}:
        yield _data(_chunk(flavour, {"delta": {"role": "assistant", "content": ""}}))
    for number, piece in enumerate(upstream.pieces(content)):
        yield _data(_chunk(flavour, {"delta": {"content": piece}}), flavour)
        if number == 1:
            yield _data(_chunk(flavour, {"delta": {}}), flavour)  # empty delta
            yield b": ping\n\n"
    if upstream.tool_call_arguments is not None:
        async for event in _tool_call_events(upstream, flavour):
            yield event
    finish = "eos_token" if flavour == "tgi" else "stop"
    yield _data(_chunk(flavour, {"delta": {}, "finish_reason": finish}), flavour)
    options = body.get("stream_options") or {}
    if flavour == "vllm" and options.get("include_usage"):
        usage_chunk = _chunk(flavour, {"delta": {}})
        usage_chunk["choices"] = []
        usage_chunk["usage"] = USAGE
        yield _data(usage_chunk)
    yield _data("[DONE]", flavour)


async def _tool_call_events(
    upstream: ScriptedUpstream, flavour: str
) -> AsyncIterator[bytes]:
    assert upstream.tool_call_arguments is not None
    opening = {"delta": {"tool_calls": [tool_call("", stream=True)]}}
    yield _data(_chunk(flavour, opening), flavour)
    for piece in upstream.pieces(upstream.tool_call_arguments):
        call = {"index": 0, "function": {"arguments": piece}}
        yield _data(_chunk(flavour, {"delta": {"tool_calls": [call]}}), flavour)


async def completion_events(
    upstream: ScriptedUpstream, text: str
) -> AsyncIterator[bytes]:
    for piece in upstream.pieces(text):
        chunk = text_completion(piece)
        chunk["choices"][0]["finish_reason"] = None
        yield _data(chunk)
    last = text_completion("")
    yield _data(last)
    yield _data("[DONE]")


def response_object(text: str, arguments: str | None = None) -> dict[str, Any]:
    output: list[dict[str, Any]] = [
        {
            "type": "message",
            "id": "msg_1",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": text, "annotations": []}],
        }
    ]
    if arguments is not None:
        output.append(
            {
                "type": "function_call",
                "id": "fc_1",
                "call_id": "call_1",
                "name": "send_mail",
                "arguments": arguments,
                "status": "completed",
            }
        )
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "scripted",
        "status": "completed",
        "output": output,
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "usage": {
            "input_tokens": 5,
            "output_tokens": 7,
            "total_tokens": 12,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens_details": {"reasoning_tokens": 0},
        },
    }


def _event(kind: str, number: int, **fields: Any) -> bytes:
    payload = {"type": kind, "sequence_number": number, **fields}
    return f"event: {kind}\ndata: {json.dumps(payload)}\n\n".encode()


async def response_events(
    upstream: ScriptedUpstream, text: str
) -> AsyncIterator[bytes]:
    final = response_object(text)
    started = {**final, "status": "in_progress", "output": []}
    message = {**final["output"][0], "status": "in_progress", "content": []}
    part = {"type": "output_text", "text": "", "annotations": []}
    where = {"item_id": "msg_1", "output_index": 0, "content_index": 0}
    events = [
        ("response.created", {"response": started}),
        ("response.in_progress", {"response": started}),
        ("response.output_item.added", {"output_index": 0, "item": message}),
        ("response.content_part.added", {**where, "part": part}),
    ]
    events += [
        ("response.output_text.delta", {**where, "delta": piece})
        for piece in upstream.pieces(text)
    ]
    events += [
        ("response.output_text.done", {**where, "text": text}),
        ("response.content_part.done", {**where, "part": {**part, "text": text}}),
        ("response.output_item.done", {"output_index": 0, "item": final["output"][0]}),
        ("response.completed", {"response": final}),
    ]
    for number, (kind, fields) in enumerate(events):
        yield _event(kind, number, **fields)
