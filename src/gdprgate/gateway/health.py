"""Liveness, readiness and metrics routes.

``/healthz`` answers while the process runs. ``/readyz`` answers 200 only
when the store answers, the detector is loaded and the upstream model server
answers its model list; otherwise 503 with the name of each failing check
(never an exception text). ``/metrics`` is the Prometheus text format,
behind a bearer token when ``GDPRGATE_METRICS_TOKEN`` is set.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gdprgate.errors import Unauthorized
from gdprgate.gateway.errors import error_response
from gdprgate.gateway.metrics import CONTENT_TYPE
from gdprgate.gateway.service import Gateway

logger = logging.getLogger("gdprgate.gateway")

# Readiness probes run every few seconds: a slow upstream is not ready.
UPSTREAM_PROBE_SECONDS = 2.0


async def readyz(request: Request) -> Response:
    """``GET /readyz``: ready to serve model requests."""
    gateway: Gateway = request.app.state.gateway
    checks: dict[str, Callable[[Gateway], Awaitable[bool]]] = {
        "store": _store,
        "detector": _detector,
        "upstream": _upstream,
    }
    results = {name: await _run(name, check, gateway) for name, check in checks.items()}
    ready = all(results.values())
    body = {
        "status": "ready" if ready else "not_ready",
        "checks": {name: "ok" if ok else "failed" for name, ok in results.items()},
    }
    return JSONResponse(body, status_code=200 if ready else 503)


async def metrics(request: Request) -> Response:
    """``GET /metrics``: every metric in the Prometheus text format."""
    gateway: Gateway = request.app.state.gateway
    if not gateway.metrics.may_scrape(request.headers.get("authorization")):
        msg = "send the metrics token as 'Authorization: Bearer <token>'"
        return error_response(Unauthorized(msg, code="invalid_metrics_token"), "-")
    # Scrape-time gauges read the store: off the event loop.
    text = await anyio.to_thread.run_sync(gateway.metrics.exposition)
    return Response(text, media_type=CONTENT_TYPE)


async def _run(
    name: str, check: Callable[[Gateway], Awaitable[bool]], gateway: Gateway
) -> bool:
    try:
        return await check(gateway)
    except Exception as exc:
        logger.warning("readiness: %s failed: %s", name, type(exc).__name__)
        return False


async def _store(gateway: Gateway) -> bool:
    # A count on the unique index of a tenant that cannot exist: one cheap
    # round trip that fails when the store does not answer.
    await anyio.to_thread.run_sync(gateway.vault.count, "")
    return True


async def _detector(gateway: Gateway) -> bool:
    loaded = getattr(gateway.detector, "loaded", True)
    return bool(loaded)


async def _upstream(gateway: Gateway) -> bool:
    with anyio.fail_after(UPSTREAM_PROBE_SECONDS):
        await gateway.upstream.get_json("/models")
    return True


MONITORING_ROUTES = [
    Route("/readyz", readyz, methods=["GET"]),
    Route("/metrics", metrics, methods=["GET"]),
]
