"""One flow for every model route: read, protect, forward, check, restore, audit.

An :class:`Endpoint` says what is route-specific: where the texts of a
request are, how to rewrite a complete answer, and how to rewrite a stream.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
import re
import secrets
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from gdprgate.audit import AuditEntry
from gdprgate.errors import BadRequest, HTTPError, UpstreamError
from gdprgate.gateway.access import Caller
from gdprgate.gateway.answer import AnswerFilter
from gdprgate.gateway.body import read_json_object
from gdprgate.gateway.errors import error_response
from gdprgate.gateway.leftovers import CheckedStream, check_leftovers
from gdprgate.gateway.service import Gateway
from gdprgate.gateway.slots import Slots
from gdprgate.gateway.sse import DONE, Event, sse_events
from gdprgate.gateway.upstream import UpstreamStream
from gdprgate.protect import Protected
from gdprgate.rights.subjects import SUBJECT_HEADER, check_subject_id

logger = logging.getLogger("gdprgate.gateway")

# A model name goes upstream and into the audit as sent, unchecked by
# detection (model names look like anything): no "@", and a letter in it,
# so that neither an e-mail address nor a phone number fits.
MODEL_NAME = re.compile(r"(?=[^@]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_.:/+\-]{0,127}")


class StreamRewriter(Protocol):
    """Rewrites the events of one streamed answer."""

    def rewrite(self, event: Event) -> list[Event]:
        """The events to send for one upstream event (possibly none)."""
        ...

    def finish(self) -> list[Event]:
        """Events to send when the upstream stream ended (held-back text)."""
        ...

    def error(self, error: HTTPError) -> Event:
        """The event that ends the stream when it cannot go on."""
        ...


def _never(_body: dict[str, Any]) -> bool:
    return False


@dataclass(frozen=True)
class Endpoint:
    """What is specific to one route."""

    route: str
    upstream_path: str
    walk: Callable[[dict[str, Any]], Slots]
    rewrite_answer: Callable[[dict[str, Any], AnswerFilter], None] | None = None
    stream_rewriter: Callable[[AnswerFilter], StreamRewriter] | None = None
    json_content: Callable[[dict[str, Any]], bool] = _never
    done_marker: bool = True


@dataclass
class Exchange:
    """What one request did so far, for its audit entry."""

    route: str
    tenant: str
    key_id: str | None = None
    purpose: str | None = None
    request_id: str = field(default_factory=lambda: "req_" + secrets.token_hex(12))
    started: float = field(default_factory=time.perf_counter)
    model: str | None = None
    stream: bool = False
    upstream_ms: float | None = None
    entity_counts: Counter[str] = field(default_factory=Counter)
    output_counts: Counter[str] = field(default_factory=Counter)
    tokens: list[str] = field(default_factory=list)
    sent_chars: int = 0
    spent: int = 0
    # Set when the purpose keeps its interactions: the protected request, and
    # the output check (without restoration) that the stored answer gets.
    stored_request: dict[str, Any] | None = None
    review: AnswerFilter | None = None
    # The X-Gdprgate-Subject id, kept in memory only; stored as a keyed hash.
    subject: str | None = field(default=None, repr=False)

    def entry(self, status: int, outcome: str) -> AuditEntry:
        return AuditEntry(
            request_id=self.request_id,
            tenant=self.tenant,
            route=self.route,
            status=status,
            outcome=outcome,
            latency_ms=(time.perf_counter() - self.started) * 1000,
            model=self.model,
            stream=self.stream,
            upstream_ms=self.upstream_ms,
            entity_counts=dict(self.entity_counts),
            output_counts=dict(self.output_counts),
            key_id=self.key_id,
            purpose=self.purpose,
            tokens=self.tokens,
        )


def handler(endpoint: Endpoint) -> Callable[[Request], Any]:
    """The Starlette handler of ``endpoint``."""

    async def handle(request: Request) -> Response:
        gateway: Gateway = request.app.state.gateway
        exchange = Exchange(endpoint.route, gateway.tenant)
        try:
            # A key read before is admitted without a thread or a query;
            # protect() confirms it before anything is forwarded.
            caller = gateway.admit_known(request)
            if caller is None:
                caller = await anyio.to_thread.run_sync(gateway.admit, request)
            exchange.tenant, exchange.key_id = caller.tenant, caller.key_id
            exchange.purpose = caller.purpose_id
            subject = request.headers.get(SUBJECT_HEADER)
            if subject is not None:
                exchange.subject = check_subject_id(subject)
            if caller.key_id is not None:
                gateway.limiter.admit(
                    caller.key_id,
                    caller.requests_per_minute,
                    caller.tokens_per_minute,
                )
            body = await read_json_object(request, gateway.max_body_bytes)
            answers = await _protect(gateway, endpoint, body, caller, exchange)
            if await request.is_disconnected():
                await _record(gateway, exchange.entry(499, "client_closed"))
                return Response(status_code=499)
            if exchange.stream:
                return await _stream(gateway, endpoint, body, answers, exchange)
            return await _complete(gateway, endpoint, body, answers, exchange)
        except HTTPError as error:
            refused = getattr(error, "caller", None)
            if isinstance(refused, Caller):
                exchange.tenant, exchange.key_id = refused.tenant, refused.key_id
            entry = exchange.entry(error.status_code, error.code or "error")
            await _record(gateway, entry)
            return error_response(error, exchange.request_id)
        except Exception as exc:
            # Never echo the exception text: third-party messages may hold data.
            logger.error("unhandled %s on %s", type(exc).__name__, endpoint.route)
            await _record(gateway, exchange.entry(500, "internal"))
            internal = HTTPError(
                "internal error; nothing more was sent", code="internal"
            )
            return error_response(internal, exchange.request_id)

    return handle


def _read_flags(endpoint: Endpoint, body: dict[str, Any], exchange: Exchange) -> None:
    model = body.get("model")
    if not isinstance(model, str) or not MODEL_NAME.fullmatch(model):
        msg = "'model' must be a model name (letters, digits, _ . : / + -)"
        raise BadRequest(msg, code="invalid_model")
    exchange.model = model
    stream = body.get("stream")
    if stream is not None and not isinstance(stream, bool):
        msg = "'stream' must be true or false"
        raise BadRequest(msg, code="invalid_stream")
    if stream and endpoint.stream_rewriter is None:
        msg = f"{endpoint.route} does not stream"
        raise BadRequest(msg, code="invalid_stream")
    exchange.stream = stream is True


async def _protect(
    gateway: Gateway,
    endpoint: Endpoint,
    body: dict[str, Any],
    caller: Caller,
    exchange: Exchange,
) -> AnswerFilter:
    _read_flags(endpoint, body, exchange)
    assert exchange.model is not None
    caller.check_model(exchange.model)
    slots = endpoint.walk(body)
    protected: Protected = await anyio.to_thread.run_sync(
        gateway.protect, caller, slots.texts()
    )
    slots.replace(protected.texts)
    exchange.sent_chars = sum(len(text) for text in protected.texts)
    exchange.entity_counts = protected.entity_counts
    exchange.tokens = protected.tokens
    json_content = endpoint.json_content(body)
    if (
        gateway.payloads is not None
        and caller.purpose
        and caller.purpose.store_payloads
    ):
        exchange.stored_request = copy.deepcopy(body)
        exchange.review = gateway.answer_filter(
            dataclasses.replace(caller, restore=False),
            protected,
            json_content=json_content,
        )
    return gateway.answer_filter(caller, protected, json_content=json_content)


async def _complete(
    gateway: Gateway,
    endpoint: Endpoint,
    body: dict[str, Any],
    answers: AnswerFilter,
    exchange: Exchange,
) -> Response:
    sent = time.perf_counter()
    answer = await gateway.upstream.post_json(endpoint.upstream_path, body)
    exchange.upstream_ms = (time.perf_counter() - sent) * 1000
    # One worker thread checks the answer, keeps the payload and writes the
    # audit entry: each hop to a thread and back costs a request ~0.1 ms.
    await anyio.to_thread.run_sync(
        _settle, gateway, endpoint, answer, answers, exchange
    )
    _spend(gateway, exchange)
    return JSONResponse(answer, headers={"x-request-id": exchange.request_id})


def _settle(
    gateway: Gateway,
    endpoint: Endpoint,
    answer: dict[str, Any],
    answers: AnswerFilter,
    exchange: Exchange,
) -> None:
    """Check and restore a whole answer, keep its payload, audit it.

    The payload keeps the checked answer before restoration; the audit
    entry is written only once the answer may leave.
    """
    stored = copy.deepcopy(answer) if exchange.review is not None else None
    _rewrite(endpoint, answer, answers)
    if stored is not None and exchange.review is not None:
        _rewrite(endpoint, stored, exchange.review)
        _keep_payload(gateway, exchange, stored)
    exchange.output_counts = answers.caught
    exchange.spent = _tokens_used(answer, exchange.sent_chars)
    gateway.record(exchange.entry(200, "ok"), exchange.subject)


def _rewrite(endpoint: Endpoint, answer: Any, answers: AnswerFilter) -> None:
    """Check and restore every text of a whole answer, in place: the route's
    fields, then every other string (see :mod:`gdprgate.gateway.leftovers`).

    An answer whose shape the route cannot read ("choices": 5) is the
    upstream's fault: 502, never an internal error.
    """
    rewrite = endpoint.rewrite_answer or _leave_alone
    try:
        check_leftovers(answer, rewrite, answers)
        rewrite(answer, answers)
    except (TypeError, AttributeError, KeyError, IndexError, RecursionError) as exc:
        msg = "the upstream model server sent an answer of an unexpected shape"
        raise UpstreamError(msg) from exc


def _leave_alone(_answer: Any, _answers: AnswerFilter) -> None:
    """The rewriting of a route without model text (embeddings)."""


async def _stream(
    gateway: Gateway,
    endpoint: Endpoint,
    body: dict[str, Any],
    answers: AnswerFilter,
    exchange: Exchange,
) -> StreamingResponse:
    assert endpoint.stream_rewriter is not None
    rewriter = CheckedStream(endpoint.stream_rewriter, answers)
    started = time.perf_counter()
    upstream = await gateway.upstream.open_stream(endpoint.upstream_path, body)
    events = _relay(gateway, endpoint, upstream, rewriter, answers, exchange, started)
    return StreamingResponse(
        events,
        media_type="text/event-stream",
        headers={"x-request-id": exchange.request_id, "cache-control": "no-cache"},
    )


async def _relay(
    gateway: Gateway,
    endpoint: Endpoint,
    upstream: UpstreamStream,
    rewriter: StreamRewriter,
    answers: AnswerFilter,
    exchange: Exchange,
    sent: float,
) -> AsyncIterator[bytes]:
    status, outcome = 200, "ok"
    streamed = 0
    kept = _KeptStream(endpoint, exchange)
    try:
        async for event in sse_events(upstream.lines()):
            if event.data == DONE:
                break
            streamed += len(event.data)
            for out in await anyio.to_thread.run_sync(kept.rewrite, rewriter, event):
                yield out.encode()
        for out in await anyio.to_thread.run_sync(kept.finish, rewriter):
            yield out.encode()
        if endpoint.done_marker:
            yield Event(DONE).encode()
    except HTTPError as error:
        # Headers are gone already: end the stream with an error event.
        status, outcome = error.status_code, error.code or "error"
        yield rewriter.error(error).encode()
    except (anyio.get_cancelled_exc_class(), GeneratorExit):
        status, outcome = 499, "client_closed"
        raise
    except Exception as exc:
        # An answer that cannot be read or rewritten is cut, never passed on.
        logger.error("stream failed: %s on %s", type(exc).__name__, endpoint.route)
        status, outcome = 502, "stream_failed"
        yield rewriter.error(
            UpstreamError("the answer stream could not be checked")
        ).encode()
    finally:
        with anyio.CancelScope(shield=True):
            await upstream.aclose()
        exchange.upstream_ms = (time.perf_counter() - sent) * 1000
        exchange.output_counts = answers.caught
        exchange.spent = (exchange.sent_chars + streamed) // CHARS_PER_TOKEN
        _spend(gateway, exchange)
        with anyio.CancelScope(shield=True):
            try:
                await anyio.to_thread.run_sync(
                    _keep_payload, gateway, exchange, kept.result()
                )
            except Exception as exc:
                # The answer is out already; its audit entry must still be
                # written, so a failed payload write is only logged.
                logger.error("payload not stored: %s", type(exc).__name__)
            await _record(gateway, exchange.entry(status, outcome), exchange.subject)


CHARS_PER_TOKEN = 4


def _tokens_used(answer: dict[str, Any], sent_chars: int) -> int:
    """The upstream's own token count, or an estimate from characters.

    The answer is measured only when the upstream reports no usage.
    """
    usage = answer.get("usage")
    total = usage.get("total_tokens") if isinstance(usage, dict) else None
    if isinstance(total, int) and total >= 0:
        return total
    return (sent_chars + len(json.dumps(answer))) // CHARS_PER_TOKEN


class _KeptStream:
    """The copy of a streamed answer that a stored interaction keeps: the
    upstream events through the output check, without restoration.

    A failure here loses the copy, never the client's stream.
    """

    def __init__(self, endpoint: Endpoint, exchange: Exchange) -> None:
        self._copy: StreamRewriter | None = None
        if exchange.review is not None and endpoint.stream_rewriter is not None:
            self._copy = CheckedStream(endpoint.stream_rewriter, exchange.review)
        self._events: list[Any] = []

    def rewrite(self, rewriter: StreamRewriter, event: Event) -> list[Event]:
        """The client's events for ``event``; the copy gets its own."""
        sent = rewriter.rewrite(event)
        self._keep(lambda copy: copy.rewrite(event))
        return sent

    def finish(self, rewriter: StreamRewriter) -> list[Event]:
        sent = rewriter.finish()
        self._keep(lambda copy: copy.finish())
        return sent

    def _keep(self, step: Callable[[StreamRewriter], list[Event]]) -> None:
        if self._copy is None:
            return
        try:
            events = step(self._copy)
        except Exception as exc:
            logger.error("stream copy not kept: %s", type(exc).__name__)
            self._copy, self._events = None, []
            return
        for event in events:
            try:
                self._events.append(json.loads(event.data))
            except ValueError:
                self._events.append(event.data)

    def result(self) -> dict[str, Any] | None:
        return None if self._copy is None else {"events": self._events}


def _keep_payload(
    gateway: Gateway, exchange: Exchange, answer: dict[str, Any] | None
) -> None:
    """Store the protected request and the checked, unrestored answer."""
    if exchange.review is None or gateway.payloads is None:
        return
    assert exchange.stored_request is not None
    assert exchange.purpose is not None
    gateway.payloads.save(
        request_id=exchange.request_id,
        tenant=exchange.tenant,
        purpose=exchange.purpose,
        route=exchange.route,
        request=exchange.stored_request,
        answer=answer,
    )


async def _record(
    gateway: Gateway, entry: AuditEntry, subject: str | None = None
) -> None:
    await anyio.to_thread.run_sync(gateway.record, entry, subject)


def _spend(gateway: Gateway, exchange: Exchange) -> None:
    """Count the request's tokens against its key's tokens per minute."""
    if exchange.key_id is not None:
        gateway.limiter.spend(exchange.key_id, exchange.spent)
