"""Per-key limits: requests and tokens per minute, over a sliding minute.

Counts live in this process: with several gateway replicas, each enforces
the limit on its own share of the traffic.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from gdprgate.errors import TooManyRequests

WINDOW = 60.0


class RateLimiter:
    """Sliding one-minute windows of requests and tokens, per key id."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._requests: dict[str, deque[float]] = {}
        self._tokens: dict[str, deque[tuple[float, int]]] = {}

    def admit(self, key_id: str, rpm: int | None, tpm: int | None) -> None:
        """Count one request, or raise 429 with the seconds to wait."""
        now = self._clock()
        with self._lock:
            requests = self._requests.setdefault(key_id, deque())
            tokens = self._tokens.setdefault(key_id, deque())
            _expire(requests, now)
            while tokens and tokens[0][0] <= now - WINDOW:
                tokens.popleft()
            if rpm is not None and len(requests) >= rpm:
                _refuse("requests", requests[0] + WINDOW - now)
            if tpm is not None and sum(n for _, n in tokens) >= tpm:
                _refuse("tokens", tokens[0][0] + WINDOW - now)
            requests.append(now)

    def spend(self, key_id: str, tokens: int) -> None:
        """Count the tokens a finished request used."""
        if tokens > 0:
            with self._lock:
                self._tokens.setdefault(key_id, deque()).append((self._clock(), tokens))


def _expire(times: deque[float], now: float) -> None:
    while times and times[0] <= now - WINDOW:
        times.popleft()


def _refuse(what: str, wait: float) -> None:
    error = TooManyRequests(
        f"this key used up its {what} per minute; retry after the Retry-After seconds"
    )
    error.retry_after = max(1, math.ceil(wait))
    raise error
