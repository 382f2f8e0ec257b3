"""Per-key requests and tokens per minute: 429 with Retry-After."""

from __future__ import annotations

import pytest

from gdprgate.errors import TooManyRequests
from gdprgate.gateway.limits import RateLimiter
from tests.gateway.test_access import Stack, call

__all__ = ["stack"]  # the fixture, re-used from the access tests
from tests.gateway.test_access import stack


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_requests_per_minute_slide_with_the_clock() -> None:
    clock = Clock()
    limiter = RateLimiter(clock)
    limiter.admit("k", rpm=2, tpm=None)
    clock.now += 10
    limiter.admit("k", rpm=2, tpm=None)
    with pytest.raises(TooManyRequests) as refused:
        limiter.admit("k", rpm=2, tpm=None)
    assert refused.value.retry_after == 50
    limiter.admit("other", rpm=2, tpm=None)  # keys are counted apart
    clock.now += 51
    limiter.admit("k", rpm=2, tpm=None)


def test_tokens_per_minute_count_what_was_spent() -> None:
    clock = Clock()
    limiter = RateLimiter(clock)
    limiter.admit("k", rpm=None, tpm=100)
    limiter.spend("k", 120)
    with pytest.raises(TooManyRequests):
        limiter.admit("k", rpm=None, tpm=100)
    clock.now += 61
    limiter.admit("k", rpm=None, tpm=100)


def test_the_gateway_answers_429_with_retry_after(stack: Stack) -> None:
    _, secret = stack.keys.create(
        tenant="acme", roles=["client"], purposes=["support"], requests_per_minute=2
    )
    statuses = [call(stack, "/v1/embeddings", secret).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = call(stack, "/v1/embeddings", secret)
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert len(stack.upstream.requests) == 2


def test_tokens_reported_by_the_upstream_are_counted(stack: Stack) -> None:
    _, secret = stack.keys.create(
        tenant="acme", roles=["client"], purposes=["support"], tokens_per_minute=10
    )
    first = call(stack, "/v1/chat/completions", secret)  # the upstream reports 12
    second = call(stack, "/v1/chat/completions", secret)
    assert (first.status_code, second.status_code) == (200, 429)
