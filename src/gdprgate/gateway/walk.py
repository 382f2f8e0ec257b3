"""Finding every text a model reads in a request, and every text it writes.

A request is walked once into *slots*: places holding a string. Detection
and protection run over all slots together, then the new texts are written
back. Tool-call arguments are JSON inside a string: their string values are
slots of their own, and the JSON is written back whole, so it stays valid.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from gdprgate.errors import BadRequest
from gdprgate.protect import json_escape, restore

# Content parts whose text a model reads. Any other part (image, audio,
# file) cannot be checked for personal data, so the request is refused.
TEXT_PART_TYPES = frozenset({"text", "input_text"})
# Message fields a model writes, besides tool-call arguments.
ANSWER_TEXT_FIELDS = ("content", "reasoning_content", "refusal")


class RequestTexts:
    """The text slots of a chat request, in a fixed order."""

    def __init__(self) -> None:
        self._slots: list[tuple[Any, Any]] = []
        self._finishers: list[Callable[[], None]] = []

    @classmethod
    def from_chat(cls, body: dict[str, Any]) -> RequestTexts:
        """Walk ``messages`` of a chat completion request."""
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            msg = "'messages' must be a non-empty array of message objects"
            raise BadRequest(msg, code="invalid_messages")
        walker = cls()
        for position, message in enumerate(messages):
            if not isinstance(message, dict):
                msg = f"messages[{position}] must be an object"
                raise BadRequest(msg, code="invalid_messages")
            walker._message(message, position)
        return walker

    def texts(self) -> list[str]:
        """The current text of every slot."""
        return [container[key] for container, key in self._slots]

    def replace(self, texts: list[str]) -> None:
        """Write new texts into the slots, then re-encode JSON arguments."""
        if len(texts) != len(self._slots):
            msg = "one text per slot is needed"
            raise ValueError(msg)
        for (container, key), text in zip(self._slots, texts, strict=True):
            container[key] = text
        for finish in self._finishers:
            finish()

    def _message(self, message: dict[str, Any], position: int) -> None:
        content = message.get("content")
        if isinstance(content, str):
            self._slots.append((message, "content"))
        elif isinstance(content, list):
            self._parts(content, position)
        elif content is not None:
            msg = f"messages[{position}].content must be a string or an array"
            raise BadRequest(msg, code="invalid_messages")

        if isinstance(message.get("name"), str):
            self._slots.append((message, "name"))
        for call in message.get("tool_calls") or []:
            if isinstance(call, dict) and isinstance(call.get("function"), dict):
                self._json_string(call["function"], "arguments")
        if isinstance(message.get("function_call"), dict):
            self._json_string(message["function_call"], "arguments")

    def _parts(self, parts: list[Any], position: int) -> None:
        for part in parts:
            kind = part.get("type") if isinstance(part, dict) else None
            if kind in TEXT_PART_TYPES and isinstance(part.get("text"), str):
                self._slots.append((part, "text"))
            elif kind == "refusal":
                continue
            else:
                msg = (
                    f"messages[{position}] has a content part of type "
                    f"{_safe_kind(kind)} that cannot be checked for personal "
                    "data; send text parts only"
                )
                raise BadRequest(msg, code="unsupported_content")

    def _json_string(self, container: dict[str, Any], key: str) -> None:
        raw = container.get(key)
        if not isinstance(raw, str):
            return
        try:
            decoded = json.loads(raw)
        except json.JSONDecodeError:
            decoded = None
        if not isinstance(decoded, dict | list):
            self._slots.append((container, key))
            return
        self._json_values(decoded)

        def finish() -> None:
            container[key] = json.dumps(decoded, ensure_ascii=False)

        self._finishers.append(finish)

    def _json_values(self, node: dict[str, Any] | list[Any]) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, str):
                self._slots.append((node, key))
            elif isinstance(value, dict | list):
                self._json_values(value)


def _safe_kind(kind: object) -> str:
    if isinstance(kind, str) and kind.isidentifier() and len(kind) <= 32:
        return repr(kind)
    return "(unknown)"


def restore_message(message: dict[str, Any], restore_map: Mapping[str, str]) -> None:
    """Restore tokens in a complete answer message, in place."""
    for field in ANSWER_TEXT_FIELDS:
        if isinstance(message.get(field), str):
            message[field] = restore(message[field], restore_map)
    for function in _functions(message):
        if isinstance(function.get("arguments"), str):
            function["arguments"] = restore(
                function["arguments"], restore_map, json_escape
            )


def _functions(message: Mapping[str, Any]) -> list[dict[str, Any]]:
    found = [
        call["function"]
        for call in message.get("tool_calls") or []
        if isinstance(call, dict) and isinstance(call.get("function"), dict)
    ]
    if isinstance(message.get("function_call"), dict):
        found.append(message["function_call"])
    return found
