"""``POST /v1/chat/completions``: protect, forward, restore, audit."""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from gdprgate.audit import AuditEntry
from gdprgate.errors import BadRequest, HTTPError, UpstreamError
from gdprgate.gateway.body import read_json_object
from gdprgate.gateway.errors import error_event, error_response
from gdprgate.gateway.service import Gateway
from gdprgate.gateway.sse import DONE, encode_event, sse_data
from gdprgate.gateway.stream import ChunkRestorer
from gdprgate.gateway.walk import RequestTexts, restore_message
from gdprgate.protect import Protected

logger = logging.getLogger("gdprgate.gateway")

ROUTE = "/v1/chat/completions"


@dataclass
class Exchange:
    """What one request did so far, for its audit entry."""

    request_id: str = field(default_factory=lambda: "req_" + secrets.token_hex(12))
    started: float = field(default_factory=time.perf_counter)
    model: str | None = None
    stream: bool = False
    upstream_ms: float | None = None
    entity_counts: Counter[str] = field(default_factory=Counter)
    tokens: list[str] = field(default_factory=list)

    def entry(self, tenant: str, status: int, outcome: str) -> AuditEntry:
        return AuditEntry(
            request_id=self.request_id,
            tenant=tenant,
            route=ROUTE,
            status=status,
            outcome=outcome,
            latency_ms=(time.perf_counter() - self.started) * 1000,
            model=self.model,
            stream=self.stream,
            upstream_ms=self.upstream_ms,
            entity_counts=dict(self.entity_counts),
            tokens=self.tokens,
        )


async def chat_completions(request: Request) -> Response:
    """Handle one chat completion request."""
    gateway: Gateway = request.app.state.gateway
    exchange = Exchange()
    try:
        body = await read_json_object(request, gateway.max_body_bytes)
        protected = await _protect(gateway, body, exchange)
        if exchange.stream:
            return _stream(gateway, body, protected, exchange)
        return await _complete(gateway, body, protected, exchange)
    except HTTPError as error:
        entry = exchange.entry(gateway.tenant, error.status_code, error.code or "error")
        await _record(gateway, entry)
        return error_response(error, exchange.request_id)


async def _protect(
    gateway: Gateway, body: dict[str, Any], exchange: Exchange
) -> Protected:
    model = body.get("model")
    if not isinstance(model, str) or not model:
        msg = "'model' must be a non-empty string"
        raise BadRequest(msg, code="invalid_model")
    exchange.model = model[:256]
    stream = body.get("stream", False)
    if not isinstance(stream, bool) and stream is not None:
        msg = "'stream' must be true or false"
        raise BadRequest(msg, code="invalid_stream")
    exchange.stream = stream is True

    slots = RequestTexts.from_chat(body)
    protected = await anyio.to_thread.run_sync(gateway.protect, slots.texts())
    slots.replace(protected.texts)
    exchange.entity_counts = protected.entity_counts
    exchange.tokens = protected.tokens
    return protected


async def _complete(
    gateway: Gateway, body: dict[str, Any], protected: Protected, exchange: Exchange
) -> Response:
    sent = time.perf_counter()
    answer = await gateway.upstream.post_json("/chat/completions", body)
    exchange.upstream_ms = (time.perf_counter() - sent) * 1000

    restore_map = protected.restore_map if gateway.restore else {}
    for choice in answer.get("choices") or []:
        if isinstance(choice, dict) and isinstance(choice.get("message"), dict):
            restore_message(choice["message"], restore_map)
        if isinstance(choice, dict):
            choice.pop("logprobs", None)  # token texts could spell out values

    await _record(gateway, exchange.entry(gateway.tenant, 200, "ok"))
    return JSONResponse(answer, headers={"x-request-id": exchange.request_id})


def _stream(
    gateway: Gateway, body: dict[str, Any], protected: Protected, exchange: Exchange
) -> StreamingResponse:
    restore_map = protected.restore_map if gateway.restore else {}
    events = _relay(gateway, body, ChunkRestorer(restore_map), exchange)
    return StreamingResponse(
        events,
        media_type="text/event-stream",
        headers={"x-request-id": exchange.request_id, "cache-control": "no-cache"},
    )


async def _relay(
    gateway: Gateway, body: dict[str, Any], restorer: ChunkRestorer, exchange: Exchange
) -> AsyncIterator[bytes]:
    status, outcome = 200, "ok"
    sent = time.perf_counter()
    try:
        async with gateway.upstream.stream("/chat/completions", body) as lines:
            async for data in sse_data(lines):
                if data == DONE:
                    break
                yield encode_event(restorer.rewrite(_chunk(data)))
        leftover = restorer.leftover()
        if leftover is not None:
            yield encode_event(leftover)
        yield encode_event(DONE)
    except HTTPError as error:
        # Headers are gone already: end the stream with an error event.
        status, outcome = error.status_code, error.code or "error"
        yield error_event(error)
    except (anyio.get_cancelled_exc_class(), GeneratorExit):
        status, outcome = 499, "client_closed"
        raise
    finally:
        exchange.upstream_ms = (time.perf_counter() - sent) * 1000
        with anyio.CancelScope(shield=True):
            await _record(gateway, exchange.entry(gateway.tenant, status, outcome))


def _chunk(data: str) -> dict[str, Any]:
    try:
        chunk = json.loads(data)
    except json.JSONDecodeError:
        chunk = None
    if not isinstance(chunk, dict):
        msg = "the upstream model server sent a stream event that is not JSON"
        raise UpstreamError(msg)
    if "error" in chunk and "choices" not in chunk:
        msg = "the upstream model server reported an error mid-stream"
        raise UpstreamError(msg)
    chunk.pop("logprobs", None)
    for choice in chunk.get("choices") or []:
        if isinstance(choice, dict):
            choice.pop("logprobs", None)
    return chunk


async def _record(gateway: Gateway, entry: AuditEntry) -> None:
    await anyio.to_thread.run_sync(gateway.record, entry)
