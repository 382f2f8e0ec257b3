"""Server-sent events: reading the upstream's, writing ours."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

DONE = "[DONE]"


@dataclass
class Event:
    """One server-sent event: its data and, if named, its event type."""

    data: str
    event: str | None = None

    def encode(self) -> bytes:
        """The event as it goes on the wire."""
        head = f"event: {self.event}\n" if self.event else ""
        return f"{head}data: {self.data}\n\n".encode()


async def sse_events(lines: AsyncIterator[str]) -> AsyncIterator[Event]:
    """The events in a stream of SSE lines.

    Comments (keep-alives), ``id:`` and ``retry:`` lines are skipped; several
    ``data:`` lines of one event are joined with newlines.
    """
    data: list[str] = []
    name: str | None = None
    async for line in lines:
        if line == "":
            if data:
                yield Event("\n".join(data), name)
            data, name = [], None
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "data":
            data.append(value)
        elif field == "event":
            name = value
    if data:
        yield Event("\n".join(data), name)


def json_event(payload: dict[str, Any], event: str | None = None) -> Event:
    """An event carrying a JSON object."""
    return Event(json.dumps(payload, ensure_ascii=False), event)
