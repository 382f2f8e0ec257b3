"""The Starlette application: routes, error pages, start and stop."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gdprgate.errors import HTTPError, NotFound
from gdprgate.gateway.admin import ADMIN_ROUTES
from gdprgate.gateway.admin_rights import RIGHTS_ROUTES
from gdprgate.gateway.endpoint import handler
from gdprgate.gateway.errors import error_response
from gdprgate.gateway.health import MONITORING_ROUTES
from gdprgate.gateway.routes import ENDPOINTS
from gdprgate.gateway.service import Gateway

logger = logging.getLogger("gdprgate.gateway")


async def list_models(request: Request) -> Response:
    """``GET /v1/models``: the upstream's model list."""
    gateway: Gateway = request.app.state.gateway
    try:
        await anyio.to_thread.run_sync(gateway.admit, request)
        models = await gateway.upstream.get_json("/models")
    except HTTPError as error:
        return error_response(error, "-")
    return JSONResponse(models)


async def healthz(_request: Request) -> Response:
    """``GET /healthz``: the process is up."""
    return JSONResponse({"status": "ok"})


async def _http_exception(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 404:
        error: HTTPError = NotFound("no such route; see /v1/models for the API")
    else:
        error = HTTPError("the request cannot be served", code="http_error")
        error.status_code = status
        error.error_type = "invalid_request_error" if status < 500 else "server_error"
    return error_response(error, "-")


async def _server_error(_request: Request, exc: Exception) -> Response:
    # Never echo the exception text: third-party messages may hold data.
    logger.error("unhandled error: %s", type(exc).__name__)
    error = HTTPError("internal error; nothing was sent to the model", code="internal")
    return error_response(error, "-")


def create_app(
    gateway: Gateway,
    lifespan: Callable[[Starlette], AbstractAsyncContextManager[None]] | None = None,
) -> Starlette:
    """The gateway as an ASGI application."""

    @asynccontextmanager
    async def run(app: Starlette) -> AsyncIterator[None]:
        app.state.gateway = gateway
        try:
            if lifespan is None:
                yield
            else:
                async with lifespan(app):
                    yield
        finally:
            await gateway.upstream.aclose()

    handlers: dict[int | type[Exception], Callable[..., Awaitable[Response]]] = {
        HTTPException: _http_exception,
        Exception: _server_error,
    }
    return Starlette(
        routes=[
            *(
                Route(endpoint.route, handler(endpoint), methods=["POST"])
                for endpoint in ENDPOINTS
            ),
            Route("/v1/models", list_models, methods=["GET"]),
            *ADMIN_ROUTES,
            *RIGHTS_ROUTES,
            Route("/healthz", healthz, methods=["GET"]),
            *MONITORING_ROUTES,
        ],
        exception_handlers=handlers,
        lifespan=run,
    )
