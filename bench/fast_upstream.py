"""A fast scripted OpenAI-compatible upstream for benchmarks (own process).

    python bench/fast_upstream.py PORT

Answers every chat completion at once with a fixed 200-character reply,
streamed in 10 chunks when asked, so that what a benchmark measures is the
gateway, not a model.
"""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

SENTENCE = "Thank you for your message. We have noted the details and will reply soon. "
REPLY = (SENTENCE * 3)[:200]


def _chunk(delta: dict[str, str], finish: str | None = None) -> bytes:
    chunk = {
        "id": "chatcmpl-fast",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "fast",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(chunk)}\n\n".encode()


async def _events() -> AsyncIterator[bytes]:
    yield _chunk({"role": "assistant", "content": ""})
    for start in range(0, len(REPLY), 20):
        yield _chunk({"content": REPLY[start : start + 20]})
    yield _chunk({}, "stop")
    yield b"data: [DONE]\n\n"


async def chat(request: Request) -> Response:
    body = await request.json()
    if body.get("stream"):
        return StreamingResponse(_events(), media_type="text/event-stream")
    message = {"role": "assistant", "content": REPLY}
    return JSONResponse(
        {
            "id": "chatcmpl-fast",
            "object": "chat.completion",
            "created": 1,
            "model": "fast",
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        }
    )


async def models(_request: Request) -> Response:
    return JSONResponse({"object": "list", "data": [{"id": "fast"}]})


app = Starlette(
    routes=[
        Route("/v1/chat/completions", chat, methods=["POST"]),
        Route("/v1/models", models),
    ]
)

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
