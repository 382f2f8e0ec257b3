"""A raw scripted upstream that answers with exactly the JSON or events given."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route


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
