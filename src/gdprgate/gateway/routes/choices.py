"""Streams made of ``choices`` chunks (chat and legacy completions).

Each choice's texts get their own :class:`StreamFilter`, keyed by choice
index and field (and tool-call index), so a token split across chunks is
restored whole. When a choice finishes, what its filters still hold is sent
in that same chunk; text still held when the stream ends without a finish
reason goes into one last chunk.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

from gdprgate.errors import HTTPError, UpstreamError
from gdprgate.gateway.answer import AnswerFilter
from gdprgate.gateway.errors import error_body
from gdprgate.gateway.sse import Event, json_event
from gdprgate.protect import StreamFilter

# (container, field, key of its filter, whether the text is JSON string content)
Target = tuple[dict[str, Any], str, tuple[Any, ...], bool]
TargetFinder = Callable[[int, dict[str, Any]], Iterator[Target]]
# Where flushed text goes when a choice finishes: (choice, key, text).
Placer = Callable[[dict[str, Any], tuple[Any, ...], str], None]


def parse_chunk(data: str) -> dict[str, Any]:
    """An upstream stream event as a JSON object; 502 when it is not one."""
    try:
        chunk = json.loads(data)
    except json.JSONDecodeError:
        chunk = None
    if not isinstance(chunk, dict):
        msg = "the upstream model server sent a stream event that is not JSON"
        raise UpstreamError(msg)
    if "error" in chunk and not chunk.get("choices"):
        msg = "the upstream model server reported an error mid-stream"
        raise UpstreamError(msg)
    return chunk


class ChoiceStreamRewriter:
    """Checks and restores the texts of a ``choices`` stream."""

    def __init__(
        self, answers: AnswerFilter, targets: TargetFinder, place: Placer
    ) -> None:
        self._answers = answers
        self._targets = targets
        self._place = place
        self._filters: dict[tuple[Any, ...], StreamFilter] = {}
        self._template: dict[str, Any] = {}

    def rewrite(self, event: Event) -> list[Event]:
        chunk = parse_chunk(event.data)
        self._template = chunk
        for choice in chunk.get("choices") or []:
            if not isinstance(choice, dict):
                continue
            index = _index(choice)
            for container, name, key, json_string in self._targets(index, choice):
                text = self._filter(key, json_string).feed(container[name])
                container[name] = text
            if choice.get("finish_reason") is not None:
                self._flush_choice(index, choice)
        return [json_event(chunk)]

    def finish(self) -> list[Event]:
        indexes = sorted({key[0] for key in self._filters})
        choices = []
        for index in indexes:
            choice: dict[str, Any] = {"index": index, "finish_reason": None}
            self._flush_choice(index, choice)
            if len(choice) > 2:
                choices.append(choice)
        if not choices:
            return []
        chunk = copy.deepcopy({k: v for k, v in self._template.items() if k != "usage"})
        chunk["choices"] = choices
        return [json_event(chunk)]

    def error(self, error: HTTPError) -> Event:
        return json_event(error_body(error))

    def _filter(self, key: tuple[Any, ...], json_string: bool) -> StreamFilter:
        found = self._filters.get(key)
        if found is None:
            found = self._answers.stream(json_string=json_string)
            self._filters[key] = found
        return found

    def _flush_choice(self, index: int, choice: dict[str, Any]) -> None:
        for key in [key for key in self._filters if key[0] == index]:
            rest = self._filters.pop(key).flush()
            if rest:
                self._place(choice, key, rest)


def _index(choice: dict[str, Any]) -> int:
    index = choice.get("index")
    return index if isinstance(index, int) else 0
