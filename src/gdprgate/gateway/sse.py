"""Server-sent events: reading the upstream's, writing ours."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

DONE = "[DONE]"


async def sse_data(lines: AsyncIterator[str]) -> AsyncIterator[str]:
    """The ``data`` of each event in a stream of SSE lines.

    Comments (keep-alives), ``event:``, ``id:`` and ``retry:`` lines are
    skipped; several ``data:`` lines of one event are joined with newlines.
    """
    data: list[str] = []
    async for line in lines:
        if line == "":
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        if field == "data":
            data.append(value[1:] if value.startswith(" ") else value)
    if data:
        yield "\n".join(data)


def encode_event(payload: dict[str, Any] | str) -> bytes:
    """One ``data:`` event."""
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return f"data: {text}\n\n".encode()
