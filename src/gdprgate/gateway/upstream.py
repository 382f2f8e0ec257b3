"""The client for the OpenAI-compatible model server behind the gateway."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from gdprgate.errors import UpstreamError, UpstreamTimeout


class Upstream:
    """Sends protected requests to ``base_url`` (the server's ``…/v1``)."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 300.0,
    ) -> None:
        headers = {"authorization": f"Bearer {api_key}"} if api_key else {}
        timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self.base_url = base_url.rstrip("/")
        self._client = httpx.AsyncClient(
            base_url=self.base_url, headers=headers, timeout=timeout
        )

    async def get_json(self, path: str) -> dict[str, Any]:
        """GET ``path`` and return its JSON object."""
        with _translate_errors():
            response = await self._client.get(path)
        return _json_object(response)

    async def post_json(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST ``body`` to ``path`` and return the JSON answer."""
        with _translate_errors():
            response = await self._client.post(path, json=body)
        return _json_object(response)

    async def open_stream(self, path: str, body: dict[str, Any]) -> UpstreamStream:
        """POST ``body`` and wait for the answer's status and headers.

        Errors before the first byte (unreachable, timeout, 4xx/5xx) raise
        here, so the client still gets a proper HTTP status.
        """
        request = self._client.build_request("POST", path, json=body)
        with _translate_errors():
            response = await self._client.send(request, stream=True)
        if response.status_code >= 400:
            try:
                with _translate_errors():
                    await response.aread()
                _raise_for_status(response)
            finally:
                await response.aclose()
        return UpstreamStream(response)

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()


class UpstreamStream:
    """An answer being streamed; ``aclose()`` cancels it upstream."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    async def lines(self) -> AsyncIterator[str]:
        """The answer's lines as they arrive."""
        with _translate_errors():
            async for line in self._response.aiter_lines():
                yield line

    async def aclose(self) -> None:
        """Close the connection (the upstream stops generating)."""
        await self._response.aclose()


class _translate_errors:
    """Turns transport failures into gateway errors without request text."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: Any, tb: Any) -> None:
        if exc is None:
            return
        if isinstance(exc, httpx.TimeoutException):
            msg = "the upstream model server did not answer in time"
            raise UpstreamTimeout(msg) from exc
        if isinstance(exc, httpx.TransportError):
            msg = "the upstream model server cannot be reached"
            raise UpstreamError(msg) from exc


def _json_object(response: httpx.Response) -> dict[str, Any]:
    _raise_for_status(response)
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        msg = "the upstream model server answered with something that is not JSON"
        raise UpstreamError(msg)
    return body


def _raise_for_status(response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    # The upstream's message may quote the (protected) prompt: pass on only
    # the status and its error code, which are safe to show and to log.
    code = _upstream_code(response)
    detail = f" ({code})" if code else ""
    msg = f"the upstream model server answered {status}{detail}"
    error = UpstreamError(msg, code="upstream_error")
    if 400 <= status < 500:
        error.status_code = status
        error.error_type = "invalid_request_error"
    raise error


def _upstream_code(response: httpx.Response) -> str | None:
    try:
        error = response.json().get("error")
    except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
        return None
    code = error.get("code") if isinstance(error, dict) else None
    if isinstance(code, str) and code.replace("_", "").isalnum() and len(code) < 64:
        return code
    return None
