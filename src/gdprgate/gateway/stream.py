"""Restoring tokens in a streamed chat completion, chunk by chunk.

Each choice's content, and each tool call's arguments, has its own
:class:`StreamRestorer`, so a token split across chunks is restored whole
and nothing more than a possible token prefix is ever held back.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from gdprgate.gateway.walk import ANSWER_TEXT_FIELDS
from gdprgate.protect import StreamRestorer, json_escape

_Key = tuple[int, str, int]


class ChunkRestorer:
    """Rewrites ``chat.completion.chunk`` objects of one stream."""

    def __init__(self, restore_map: Mapping[str, str]) -> None:
        self._map = restore_map
        self._restorers: dict[_Key, StreamRestorer] = {}
        self._template: dict[str, Any] | None = None

    def rewrite(self, chunk: dict[str, Any]) -> dict[str, Any]:
        """Restore tokens in one chunk, in place; flush choices that finish."""
        self._template = chunk
        for choice in chunk.get("choices") or []:
            if not isinstance(choice, dict):
                continue
            index = int(choice.get("index") or 0)
            delta = choice.get("delta")
            if not isinstance(delta, dict):
                delta = choice["delta"] = {}
            self._rewrite_delta(index, delta)
            if choice.get("finish_reason") is not None:
                self._flush_into(index, delta)
        return chunk

    def leftover(self) -> dict[str, Any] | None:
        """A final chunk with text still held back, when the stream ended
        without a finish reason; ``None`` when nothing is left."""
        indexes = sorted({key[0] for key in self._restorers})
        choices = []
        for index in indexes:
            delta: dict[str, Any] = {}
            self._flush_into(index, delta)
            if delta:
                choices.append({"index": index, "delta": delta, "finish_reason": None})
        if not choices:
            return None
        chunk = {k: v for k, v in (self._template or {}).items() if k != "usage"}
        chunk = copy.deepcopy(chunk)
        chunk["choices"] = choices
        chunk.setdefault("object", "chat.completion.chunk")
        return chunk

    def _rewrite_delta(self, index: int, delta: dict[str, Any]) -> None:
        for field in ANSWER_TEXT_FIELDS:
            if isinstance(delta.get(field), str):
                restorer = self._restorer((index, field, 0), escape=False)
                delta[field] = restorer.feed(delta[field])
        for call in delta.get("tool_calls") or []:
            function = call.get("function") if isinstance(call, dict) else None
            if isinstance(function, dict) and isinstance(
                function.get("arguments"), str
            ):
                key = (index, "tool", int(call.get("index") or 0))
                restorer = self._restorer(key, escape=True)
                function["arguments"] = restorer.feed(function["arguments"])

    def _flush_into(self, index: int, delta: dict[str, Any]) -> None:
        for key in [key for key in self._restorers if key[0] == index]:
            rest = self._restorers.pop(key).flush()
            if not rest:
                continue
            _, field, call_index = key
            if field == "tool":
                _append_arguments(delta, call_index, rest)
            else:
                delta[field] = (delta.get(field) or "") + rest

    def _restorer(self, key: _Key, *, escape: bool) -> StreamRestorer:
        restorer = self._restorers.get(key)
        if restorer is None:
            restorer = StreamRestorer(self._map, json_escape if escape else None)
            self._restorers[key] = restorer
        return restorer


def _append_arguments(delta: dict[str, Any], call_index: int, rest: str) -> None:
    calls = delta.setdefault("tool_calls", [])
    for call in calls:
        if isinstance(call, dict) and int(call.get("index") or 0) == call_index:
            function = call.setdefault("function", {})
            function["arguments"] = (function.get("arguments") or "") + rest
            return
    calls.append({"index": call_index, "function": {"arguments": rest}})
