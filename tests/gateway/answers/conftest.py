"""A raw scripted upstream that answers with exactly the JSON or events given."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from gdprgate.gateway import create_app
from gdprgate.protect import OutputAction
from tests.gateway.conftest import start_gateway
from tests.support.servers import serve_in_thread


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@dataclass
class RawUpstream:
    """Answers every POST with a fixed JSON body or fixed SSE events."""

    answer: Any = None
    events: list[Any] = field(default_factory=list)  # dicts, strs, or (event, dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    done: bool = True

    def app(self) -> Starlette:
        paths = [
            "/v1/chat/completions",
            "/v1/completions",
            "/v1/responses",
            "/v1/embeddings",
        ]
        return Starlette(
            routes=[Route(p, self._handle, methods=["POST"]) for p in paths]
        )

    async def _handle(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        if body.get("stream"):

            async def gen():
                for ev in self.events:
                    name = None
                    if isinstance(ev, tuple):
                        name, ev = ev
                    data = ev if isinstance(ev, str) else json.dumps(ev)
                    head = f"event: {name}\n" if name else ""
                    yield f"{head}data: {data}\n\n".encode()
                if self.done:
                    yield b"data: [DONE]\n\n"

            return StreamingResponse(gen(), media_type="text/event-stream")
        return JSONResponse(self.answer)


CHAT_BODY = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}


def chat_answer(
    extra: dict[str, Any] | None = None, message_extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A whole chat answer saying "ok", with ``extra`` fields beside the
    choices and ``message_extra`` in the message."""
    message = {"role": "assistant", "content": "ok", **(message_extra or {})}
    return {
        "id": "c1",
        "object": "chat.completion",
        "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
        **(extra or {}),
    }


def through_gateway(
    data_dir: Path,
    answer: dict[str, Any],
    route: str = "chat/completions",
    body: dict[str, Any] | None = None,
    detector: Any = None,
) -> httpx.Response:
    """What a client gets when the upstream answers ``answer`` whole."""
    upstream = RawUpstream(answer=answer)
    with serve_in_thread(upstream.app()) as up:
        gateway, db = start_gateway(
            data_dir, up + "/v1", detector=detector, output_action=OutputAction.TOKEN
        )
        with serve_in_thread(create_app(gateway)) as url:
            response = httpx.post(
                f"{url}/v1/{route}", timeout=20, json=body or CHAT_BODY
            )
        db.close()
    return response
