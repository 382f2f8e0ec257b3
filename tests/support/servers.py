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
from tests.support import flavours


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


class UpstreamDied(Exception):
    """Raised inside a scripted stream to cut the connection mid-answer."""


@dataclass
class ScriptedUpstream:
    """An OpenAI-compatible upstream that records requests and answers a script.

    By default it answers with every token found in the request, joined by
    " and ", so that restoration can be checked. ``reply`` sets a fixed
    answer instead. Streams split the answer into ``chunk_size`` pieces, in
    the wire format of ``flavour`` (openai, vllm, ollama, tgi); ``die_after``
    cuts the connection after that many pieces.
    """

    reply: str | None = None
    chunk_size: int = 3
    status: int = 200
    tool_call_arguments: str | None = None
    delay: float = 0.0
    flavour: str = "openai"
    die_after: int | None = None
    pause: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    closed_streams: int = 0

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/chat/completions", self._chat, methods=["POST"]),
                Route("/v1/completions", self._completions, methods=["POST"]),
                Route("/v1/embeddings", self._embeddings, methods=["POST"]),
                Route("/v1/responses", self._responses, methods=["POST"]),
                Route("/v1/models", self._models, methods=["GET"]),
            ]
        )

    def answer_for(self, body: dict[str, Any]) -> str:
        if self.reply is not None:
            return self.reply
        seen = TOKEN_RE.findall(json.dumps(body))
        tokens = [f"<{entity}_{code}>" for entity, code in seen]
        return "I saw " + " and ".join(dict.fromkeys(tokens)) + "."

    def pieces(self, text: str) -> list[str]:
        size = self.chunk_size
        return [text[i : i + size] for i in range(0, len(text), size)]

    async def _record(self, request: Request) -> dict[str, Any] | Response:
        body = await request.json()
        self.requests.append(body)
        await asyncio.sleep(self.pause)
        if self.status != 200:
            error = {"error": {"message": "scripted failure", "code": "scripted"}}
            return JSONResponse(error, status_code=self.status)
        return dict(body)

    async def _models(self, _request: Request) -> Response:
        return JSONResponse({"object": "list", "data": [{"id": "scripted"}]})

    async def _chat(self, request: Request) -> Response:
        body = await self._record(request)
        if isinstance(body, Response):
            return body
        content = self.answer_for(body)
        if body.get("stream"):
            events = flavours.chat_events(self, body, content)
            return self._sse(events)
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if self.tool_call_arguments is not None:
            message["tool_calls"] = [flavours.tool_call(self.tool_call_arguments)]
        n = body.get("n") or 1
        return JSONResponse(flavours.completion(message, n))

    async def _completions(self, request: Request) -> Response:
        body = await self._record(request)
        if isinstance(body, Response):
            return body
        text = self.answer_for(body)
        if body.get("stream"):
            return self._sse(flavours.completion_events(self, text))
        return JSONResponse(flavours.text_completion(text))

    async def _embeddings(self, request: Request) -> Response:
        body = await self._record(request)
        if isinstance(body, Response):
            return body
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        data = [
            {"object": "embedding", "index": i, "embedding": [float(len(text)), 0.5]}
            for i, text in enumerate(inputs)
        ]
        return JSONResponse({"object": "list", "data": data, "model": "scripted"})

    async def _responses(self, request: Request) -> Response:
        body = await self._record(request)
        if isinstance(body, Response):
            return body
        text = self.answer_for(body)
        if body.get("stream"):
            return self._sse(flavours.response_events(self, text))
        return JSONResponse(flavours.response_object(text, self.tool_call_arguments))

    def _sse(self, events: AsyncIterator[bytes]) -> StreamingResponse:
        async def guarded() -> AsyncIterator[bytes]:
            sent = 0
            try:
                async for event in events:
                    if self.die_after is not None and sent >= self.die_after:
                        raise UpstreamDied
                    yield event
                    sent += 1
                    await asyncio.sleep(self.delay)
            finally:
                self.closed_streams += 1

        return StreamingResponse(guarded(), media_type="text/event-stream")


def values_in(requests: list[dict[str, Any]], values: tuple[str, ...]) -> list[str]:
    """The values that appear anywhere in recorded requests (case-insensitive)."""
    text = json.dumps(requests, ensure_ascii=False).lower()
    return [value for value in values if value.lower() in text]
