"""The upstream client on its own: lines, bytes, errors, over real sockets."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from gdprgate.errors import UpstreamError, UpstreamTimeout
from gdprgate.gateway.builtin import free_port
from gdprgate.gateway.upstream import Upstream, split_lines


@pytest.mark.parametrize(
    ("buffer", "lines", "rest"),
    [
        ("a\nb\n", ["a", "b"], ""),
        ("a\r\nb\rc", ["a", "b"], "c"),
        # A CR at the end may be half of CRLF: it waits for the next bytes.
        ("a\r", [], "a\r"),
        ("a\r\n", ["a"], ""),
        ("\n\n", ["", ""], ""),
        ("no end", [], "no end"),
    ],
)
def test_split_lines(buffer: str, lines: list[str], rest: str) -> None:
    assert split_lines(buffer) == (lines, rest)


@contextmanager
def raw_server(chunks: list[bytes], pause: float = 0.0) -> Iterator[str]:
    """A loopback server answering one request with ``chunks``, as sent."""
    port = free_port()
    listener = socket.create_server(("127.0.0.1", port))

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            for chunk in chunks:
                connection.sendall(chunk)
                if pause:
                    threading.Event().wait(pause)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        listener.close()
        thread.join(timeout=5)


def _stream_lines(url: str, read_timeout: float = 5.0) -> list[str]:
    async def run() -> list[str]:
        upstream = Upstream(url, read_timeout=read_timeout)
        try:
            stream = await upstream.open_stream("/chat/completions", {"a": 1})
            try:
                return [line async for line in stream.lines()]
            finally:
                await stream.aclose()
        finally:
            await upstream.aclose()

    return asyncio.run(run())


HEAD = (
    b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n"
)


def test_lines_survive_any_cut_between_chunks() -> None:
    # "é" (two bytes) and a CRLF are each cut between two writes.
    body = "data: café\r\n\r\ndata: [DONE]\r\n".encode()
    cut = body.index(b"\xa9")
    chunks = [HEAD, body[:cut], body[cut : cut + 3], body[cut + 3 :]]
    with raw_server(chunks, pause=0.02) as url:
        lines = _stream_lines(url)
    assert lines == ["data: café", "", "data: [DONE]"]


def test_bytes_that_are_not_utf8_read_as_replacement_characters() -> None:
    with raw_server([HEAD, b"data: caf\xff\n", b"last line without end"]) as url:
        lines = _stream_lines(url)
    assert lines == ["data: caf\ufffd", "last line without end"]


def test_an_upstream_that_stops_answering_times_out() -> None:
    slow = raw_server([HEAD, b"data: one\n"], pause=2.0)
    with slow as url, pytest.raises(UpstreamTimeout):
        _stream_lines(url, read_timeout=0.3)


def test_an_unreachable_upstream_is_an_upstream_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(UpstreamError, match="cannot be reached"):
        _stream_lines(url)


def test_an_error_status_carries_only_a_safe_code() -> None:
    body = b'{"error": {"message": "prompt was: Annika Vesterholm", "code": "bad_x"}}'
    head = (
        b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\n\r\n"
    )
    with raw_server([head, body]) as url, pytest.raises(UpstreamError) as caught:
        _stream_lines(url)
    assert caught.value.status_code == 400
    assert "bad_x" in str(caught.value)
    assert "Vesterholm" not in str(caught.value)


def test_a_stream_answered_with_plain_json_is_an_upstream_error() -> None:
    """A whole answer where events were asked for is refused before any
    byte is relayed (the client gets a 502, not an empty stream)."""
    body = b'{"choices": [{"message": {"content": "hello"}}]}'
    head = (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\n\r\n"
    )
    with raw_server([head, body]) as url, pytest.raises(UpstreamError, match="event"):
        _stream_lines(url)


def test_a_stream_that_breaks_off_says_so() -> None:
    """A connection lost in the middle of the answer is not reported as a
    server that cannot be reached."""
    head = (
        b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
        b"transfer-encoding: chunked\r\n\r\n"
    )
    # A chunk announced as 0x40 bytes, cut after a few.
    chunks = [head, b"c\r\ndata: one\n\n\r\n", b"40\r\ndata: tw"]
    with raw_server(chunks) as url, pytest.raises(UpstreamError, match="broke off"):
        _stream_lines(url)
