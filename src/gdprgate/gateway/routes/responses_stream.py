"""The event stream of the Responses API, checked and restored.

Every event whose type ends in ``.delta`` carries a piece of one text: the
text of content part ``content_index`` (or summary ``summary_index``) of
output item ``output_index``. Each such text has its own stream filter. The
matching ``.done`` event first gets the filter's held-back rest sent as one
more delta, then carries exactly the text that was sent. Items and the final
response carry the same sent texts, so every snapshot a client builds agrees.
Sequence numbers are renumbered because deltas may be added.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from gdprgate.errors import HTTPError
from gdprgate.gateway.answer import AnswerFilter
from gdprgate.gateway.errors import error_body
from gdprgate.gateway.routes.choices import parse_chunk
from gdprgate.gateway.sse import Event, json_event
from gdprgate.protect import StreamFilter

# The field that holds the whole text in each kind of ``.done`` event.
DONE_FIELDS = {
    "response.output_text": "text",
    "response.refusal": "refusal",
    "response.function_call_arguments": "arguments",
    "response.reasoning_text": "text",
    "response.reasoning_summary_text": "text",
    "response.custom_tool_call_input": "input",
}
JSON_TEXTS = frozenset({"response.function_call_arguments"})
RESPONSE_EVENTS = frozenset(
    {
        "response.created",
        "response.in_progress",
        "response.queued",
        "response.completed",
        "response.incomplete",
        "response.failed",
    }
)

Key = tuple[str, int, int]


def item_fields(item: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str, bool]]:
    """Every (container, key, is JSON) text of one output item."""
    kind = item.get("type")
    if kind == "function_call" and isinstance(item.get("arguments"), str):
        yield item, "arguments", True
    if kind == "custom_tool_call" and isinstance(item.get("input"), str):
        yield item, "input", False
    for field in ("content", "summary"):
        for part in item.get(field) or []:
            if not isinstance(part, dict):
                continue
            for key in ("text", "refusal"):
                if isinstance(part.get(key), str):
                    yield part, key, False


def _item_key(
    item: dict[str, Any], output_index: int
) -> Iterator[tuple[Key, dict[str, Any], str]]:
    """Each text of an item with the stream key its deltas used."""
    kind = item.get("type")
    if kind == "function_call" and isinstance(item.get("arguments"), str):
        yield ("response.function_call_arguments", output_index, 0), item, "arguments"
    if kind == "custom_tool_call" and isinstance(item.get("input"), str):
        yield ("response.custom_tool_call_input", output_index, 0), item, "input"
    for position, part in enumerate(item.get("content") or []):
        if isinstance(part, dict):
            yield from _part_keys(part, output_index, position)
    for position, part in enumerate(item.get("summary") or []):
        if isinstance(part, dict) and isinstance(part.get("text"), str):
            yield (
                ("response.reasoning_summary_text", output_index, position),
                part,
                "text",
            )


def _part_keys(
    part: dict[str, Any], output_index: int, position: int
) -> Iterator[tuple[Key, dict[str, Any], str]]:
    kinds = {
        "output_text": "response.output_text",
        "reasoning_text": "response.reasoning_text",
    }
    kind = kinds.get(part.get("type", ""))
    if kind and isinstance(part.get("text"), str):
        yield (kind, output_index, position), part, "text"
    if isinstance(part.get("refusal"), str):
        yield ("response.refusal", output_index, position), part, "refusal"


class ResponsesStreamRewriter:
    """Checks and restores the texts of a streamed response."""

    def __init__(self, answers: AnswerFilter) -> None:
        self._answers = answers
        self._filters: dict[Key, StreamFilter] = {}
        self._sent: dict[Key, str] = {}
        self._sequence = 0

    def rewrite(self, event: Event) -> list[Event]:
        payload = parse_chunk(event.data)
        kind = str(payload.get("type") or event.event or "")
        base, _, suffix = kind.rpartition(".")
        out: list[dict[str, Any]] = []
        if suffix == "delta" and base in DONE_FIELDS:
            self._delta(base, payload)
        elif suffix == "done" and base in DONE_FIELDS:
            out.extend(self._done(base, payload))
        elif kind in {"response.content_part.done", "response.content_part.added"}:
            self._part(payload)
        elif kind in {"response.output_item.done", "response.output_item.added"}:
            self._item(payload.get("item"), _int(payload, "output_index"))
        elif kind in RESPONSE_EVENTS:
            self._response(payload.get("response"))
        out.append(payload)
        return [self._numbered(p) for p in out]

    def finish(self) -> list[Event]:
        return []

    def error(self, error: HTTPError) -> Event:
        body = error_body(error)
        detail = body["error"]
        assert isinstance(detail, dict)
        # The event's own type stays "error" (the detail has a type too).
        payload = {**detail, "type": "error", "error": detail}
        return self._numbered(payload)

    def _key(self, base: str, payload: dict[str, Any]) -> Key:
        index = _int(payload, "summary_index", _int(payload, "content_index"))
        return base, _int(payload, "output_index"), index

    def _delta(self, base: str, payload: dict[str, Any]) -> None:
        key = self._key(base, payload)
        stream = self._filters.get(key)
        if stream is None:
            stream = self._answers.stream(json_string=base in JSON_TEXTS)
            self._filters[key] = stream
        text = stream.feed(str(payload.get("delta") or ""))
        payload["delta"] = text
        self._sent[key] = self._sent.get(key, "") + text

    def _done(self, base: str, payload: dict[str, Any]) -> list[dict[str, Any]]:
        key, field = self._key(base, payload), DONE_FIELDS[base]
        extra: list[dict[str, Any]] = []
        stream = self._filters.pop(key, None)
        if stream is not None:
            rest = stream.flush()
            if rest:
                delta = {k: v for k, v in payload.items() if k != field}
                extra.append({**delta, "type": f"{base}.delta", "delta": rest})
                self._sent[key] = self._sent.get(key, "") + rest
        if key in self._sent:
            payload[field] = self._sent[key]
        elif isinstance(payload.get(field), str):
            payload[field] = self._whole(payload[field], base in JSON_TEXTS, key)
        return extra

    def _whole(self, text: str, json_string: bool, key: Key) -> str:
        checked = self._answers.text(text, json_string=json_string)
        self._sent[key] = checked
        return checked

    def _part(self, payload: dict[str, Any]) -> None:
        part = payload.get("part")
        if isinstance(part, dict):
            output_index = _int(payload, "output_index")
            position = _int(payload, "content_index")
            for key, container, field in _part_keys(part, output_index, position):
                container[field] = self._text_for(key, container[field], field)

    def _item(self, item: Any, output_index: int) -> None:
        if isinstance(item, dict):
            for key, container, field in _item_key(item, output_index):
                container[field] = self._text_for(key, container[field], field)

    def _response(self, response: Any) -> None:
        if not isinstance(response, dict):
            return
        for position, item in enumerate(response.get("output") or []):
            self._item(item, position)
        if isinstance(response.get("output_text"), str):
            response["output_text"] = "".join(
                text
                for key, text in self._sent.items()
                if key[0] == "response.output_text"
            )
        if isinstance(response.get("instructions"), str):
            response["instructions"] = self._answers.restore_only(
                response["instructions"]
            )

    def _text_for(self, key: Key, text: str, field: str) -> str:
        if key in self._sent:
            return self._sent[key]
        if not text:
            return text
        return self._whole(text, field == "arguments", key)

    def _numbered(self, payload: dict[str, Any]) -> Event:
        if "sequence_number" in payload or payload.get("type") == "error":
            payload = copy.copy(payload)
            payload["sequence_number"] = self._sequence
            self._sequence += 1
        return json_event(payload, str(payload.get("type") or "") or None)


def _int(payload: dict[str, Any], key: str, default: int = 0) -> int:
    value = payload.get(key)
    return value if isinstance(value, int) else default
