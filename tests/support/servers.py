"""Real HTTP servers on loopback for tests: a scripted upstream and helpers."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from gdprgate.gateway.builtin import free_port
from gdprgate.vault import TOKEN_RE


@contextmanager
def serve_in_thread(app: Any) -> Iterator[str]:
    """Run an ASGI app with uvicorn on a free loopback port; yield its URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class ScriptedUpstream:
    """An OpenAI-compatible upstream that records requests and answers a script.

    By default it answers with every token found in the request's messages,
    joined by " and ", so that restoration can be checked. ``reply`` sets a
    fixed answer instead; ``chunk_size`` splits streamed content into pieces
    that small, so tokens arrive split across chunks.
    """

    reply: str | None = None
    chunk_size: int = 3
    status: int = 200
    tool_call_arguments: str | None = None
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/chat/completions", self._chat, methods=["POST"]),
                Route("/v1/models", self._models, methods=["GET"]),
            ]
        )

    def answer_for(self, body: dict[str, Any]) -> str:
        if self.reply is not None:
            return self.reply
        seen = TOKEN_RE.findall(json.dumps(body["messages"]))
        tokens = [f"<{entity}_{code}>" for entity, code in seen]
        return "I saw " + " and ".join(dict.fromkeys(tokens)) + "."

    async def _models(self, _request: Request) -> Response:
        return JSONResponse({"object": "list", "data": [{"id": "scripted"}]})

    async def _chat(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        if self.status != 200:
            error = {"error": {"message": "scripted failure", "code": "scripted"}}
            return JSONResponse(error, status_code=self.status)
        content = self.answer_for(body)
        if body.get("stream"):
            return StreamingResponse(
                self._events(content), media_type="text/event-stream"
            )
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if self.tool_call_arguments is not None:
            message["tool_calls"] = [_tool_call(self.tool_call_arguments)]
        return JSONResponse(_completion(message))

    async def _events(self, content: str) -> AsyncIterator[bytes]:
        yield b": keep-alive\n\n"
        yield _event({"delta": {"role": "assistant", "content": ""}})
        for start in range(0, len(content), self.chunk_size):
            piece = content[start : start + self.chunk_size]
            yield _event({"delta": {"content": piece}})
            await asyncio.sleep(self.delay)
        if self.tool_call_arguments is not None:
            args = self.tool_call_arguments
            yield _event({"delta": {"tool_calls": [_tool_call("", stream=True)]}})
            for start in range(0, len(args), self.chunk_size):
                piece = {
                    "index": 0,
                    "function": {"arguments": args[start : start + self.chunk_size]},
                }
                yield _event({"delta": {"tool_calls": [piece]}})
        yield _event({"delta": {}, "finish_reason": "stop"})
        yield b"data: [DONE]\n\n"


def _tool_call(arguments: str, *, stream: bool = False) -> dict[str, Any]:
    call: dict[str, Any] = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "send_mail", "arguments": arguments},
    }
    if stream:
        call["index"] = 0
    return call


def _completion(message: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": 1,
        "model": "scripted",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _event(choice: dict[str, Any]) -> bytes:
    chunk = {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "scripted",
        "choices": [{"index": 0, "finish_reason": None, **choice}],
    }
    return f"data: {json.dumps(chunk)}\n\n".encode()


def values_in(requests: list[dict[str, Any]], values: tuple[str, ...]) -> list[str]:
    """The values that appear anywhere in recorded requests (case-insensitive)."""
    text = json.dumps(requests, ensure_ascii=False).lower()
    return [value for value in values if value.lower() in text]
