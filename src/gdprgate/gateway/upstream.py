"""The client for the OpenAI-compatible model server behind the gateway.

It runs on ``aiohttp``, whose client costs about a third of ``httpx``'s per
request, which matters on a path that should add almost nothing. Proxy
variables of the environment are ignored: the upstream is reached directly.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import re
from collections.abc import AsyncIterator
from typing import Any

import aiohttp

from gdprgate.errors import UpstreamError, UpstreamTimeout

# An answer line longer than this is not a stream event this gateway reads.
MAX_LINE_CHARS = 16 * 1024 * 1024
_NEWLINE = re.compile(r"\r\n|\n|\r")
_JSON_HEADERS = {"content-type": "application/json"}


class Upstream:
    """Sends protected requests to ``base_url`` (the server's ``…/v1``).

    The connection pool opens on first use, inside the server's event loop.
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 300.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._headers = {"authorization": f"Bearer {api_key}"} if api_key else {}
        self._timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=connect_timeout, sock_read=read_timeout
        )
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                headers=self._headers,
                timeout=self._timeout,
                connector=aiohttp.TCPConnector(limit=0, ttl_dns_cache=300),
                trust_env=False,
                auto_decompress=True,
            )
        return self._session

    async def get_json(self, path: str) -> dict[str, Any]:
        """GET ``path`` and return its JSON object."""
        with _translate_errors():
            async with self._client().get(self.base_url + path) as response:
                return await _json_object(response)

    async def post_json(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST ``body`` to ``path`` and return the JSON answer."""
        with _translate_errors():
            async with self._client().post(
                self.base_url + path, data=_encode(body), headers=_JSON_HEADERS
            ) as response:
                return await _json_object(response)

    async def open_stream(self, path: str, body: dict[str, Any]) -> UpstreamStream:
        """POST ``body`` and wait for the answer's status and headers.

        Errors before the first byte (unreachable, timeout, 4xx/5xx) raise
        here, so the client still gets a proper HTTP status.
        """
        with _translate_errors():
            response = await self._client().post(
                self.base_url + path, data=_encode(body), headers=_JSON_HEADERS
            )
        if response.status >= 400:
            try:
                with _translate_errors():
                    content = await response.read()
                _raise_for_status(response.status, content)
            finally:
                response.close()
        if response.content_type != "text/event-stream":
            # A whole JSON answer (or a page) instead of events: relaying
            # it as a stream would end in a bare [DONE], the answer lost.
            response.close()
            msg = "the upstream model server did not answer with an event stream"
            raise UpstreamError(msg)
        return UpstreamStream(response)

    async def aclose(self) -> None:
        """Close the connection pool."""
        if self._session is not None:
            await self._session.close()


class UpstreamStream:
    """An answer being streamed; ``aclose()`` cancels it upstream."""

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response

    async def lines(self) -> AsyncIterator[str]:
        """The answer's lines as they arrive.

        LF, CRLF or CR ends a line; bytes that are not UTF-8 read as U+FFFD.
        """
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        pending = ""
        with _translate_errors("the upstream model server broke off its answer"):
            async for chunk in self._response.content.iter_any():
                pending += decoder.decode(chunk)
                complete, pending = split_lines(pending)
                for line in complete:
                    yield line
                if len(pending) > MAX_LINE_CHARS:
                    msg = "the upstream model server sent an over-long line"
                    raise UpstreamError(msg)
        pending += decoder.decode(b"", final=True)
        complete, pending = split_lines(pending + "\n") if pending else ([], "")
        for line in complete:
            yield line

    async def aclose(self) -> None:
        """Close the connection: the upstream stops generating.

        A stream read to its end gives its connection back to the pool.
        """
        if self._response.content.at_eof():
            self._response.release()
        else:
            self._response.close()


def split_lines(buffer: str) -> tuple[list[str], str]:
    """Complete lines of ``buffer`` and the unfinished rest.

    A CR at the very end stays in the rest: an LF may follow it.
    """
    lines: list[str] = []
    start = 0
    for match in _NEWLINE.finditer(buffer):
        if match.group() == "\r" and match.end() == len(buffer):
            break
        lines.append(buffer[start : match.start()])
        start = match.end()
    return lines, buffer[start:]


def _encode(body: dict[str, Any]) -> bytes:
    # ASCII escapes keep any code point the request parser let through
    # (a lone surrogate included) encodable.
    return json.dumps(body, separators=(",", ":")).encode("ascii")


class _translate_errors:
    """Turns transport failures into gateway errors without request text.

    ``broken`` is what a lost connection means where it happens: before the
    answer, the server cannot be reached; during it, the answer broke off.
    """

    def __init__(self, broken: str = "the upstream model server cannot be reached"):
        self._broken = broken

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: Any, tb: Any) -> None:
        if exc is None:
            return
        if isinstance(exc, asyncio.TimeoutError | TimeoutError):
            msg = "the upstream model server did not answer in time"
            raise UpstreamTimeout(msg) from exc
        if isinstance(exc, aiohttp.ClientError | ConnectionError):
            raise UpstreamError(self._broken) from exc


async def _json_object(response: aiohttp.ClientResponse) -> dict[str, Any]:
    content = await response.read()
    _raise_for_status(response.status, content)
    try:
        body = json.loads(content)
    except (json.JSONDecodeError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        msg = "the upstream model server answered with something that is not JSON"
        raise UpstreamError(msg)
    return body


def _raise_for_status(status: int, content: bytes) -> None:
    if status < 400:
        return
    # The upstream's message may quote the (protected) prompt: pass on only
    # the status and its error code, which are safe to show and to log.
    code = _upstream_code(content)
    detail = f" ({code})" if code else ""
    msg = f"the upstream model server answered {status}{detail}"
    error = UpstreamError(msg, code="upstream_error")
    if 400 <= status < 500:
        error.status_code = status
        error.error_type = "invalid_request_error"
    raise error


def _upstream_code(content: bytes) -> str | None:
    try:
        error = json.loads(content).get("error")
    except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
        return None
    code = error.get("code") if isinstance(error, dict) else None
    if isinstance(code, str) and code.replace("_", "").isalnum() and len(code) < 64:
        return code
    return None
