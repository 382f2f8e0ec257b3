"""Places in a request that hold text a model reads.

A request is walked once into *slots* (a container and a key). Detection and
protection run over all slots together; then the new texts are written back.
JSON inside a string (tool-call arguments) is decoded and its string values
become slots of their own; it is encoded again on write-back, so it stays
valid JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from gdprgate.errors import BadRequest


class Slots:
    """The text slots of one request, in a fixed order."""

    def __init__(self) -> None:
        self._slots: list[tuple[Any, Any]] = []
        self._finishers: list[Callable[[], None]] = []

    def __len__(self) -> int:
        return len(self._slots)

    def texts(self) -> list[str]:
        """The current text of every slot."""
        return [container[key] for container, key in self._slots]

    def replace(self, texts: list[str]) -> None:
        """Write new texts into the slots, then re-encode JSON strings."""
        if len(texts) != len(self._slots):
            msg = "one text per slot is needed"
            raise ValueError(msg)
        for (container, key), text in zip(self._slots, texts, strict=True):
            container[key] = text
        for finish in self._finishers:
            finish()

    def add(self, container: Any, key: Any) -> None:
        """Add ``container[key]`` when it is a string."""
        if isinstance(container[key], str):
            self._slots.append((container, key))

    def add_optional(self, container: dict[str, Any], key: str, where: str) -> None:
        """Add ``container[key]`` if present; it must be a string or null."""
        value = container.get(key)
        if value is None:
            return
        if not isinstance(value, str):
            msg = f"{where}.{key} must be a string"
            raise BadRequest(msg, code="invalid_request")
        self._slots.append((container, key))

    def add_strings(self, container: dict[str, Any], key: str, where: str) -> None:
        """Add a field that is a string or an array of strings (like ``stop``)."""
        value = container.get(key)
        if value is None or isinstance(value, str):
            self.add_optional(container, key, where)
            return
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            msg = f"{where}.{key} must be a string or an array of strings"
            raise BadRequest(msg, code="invalid_request")
        for index in range(len(value)):
            self._slots.append((value, index))

    def add_json_string(self, container: dict[str, Any], key: str) -> None:
        """Add the string values of JSON text in ``container[key]``.

        Text that is not a JSON object or array is one plain slot.
        """
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


def require_object(value: Any, where: str) -> dict[str, Any]:
    """``value`` if it is a JSON object, else a 400 naming ``where``."""
    if not isinstance(value, dict):
        msg = f"{where} must be an object"
        raise BadRequest(msg, code="invalid_request")
    return value


def refuse_part(kind: object, where: str) -> BadRequest:
    """The error for a content part that cannot be checked for personal data."""
    shown = repr(kind) if isinstance(kind, str) and kind.isidentifier() else "?"
    msg = (
        f"{where} has a content part of type {shown[:40]} that cannot be "
        "checked for personal data; send text parts only"
    )
    return BadRequest(msg, code="unsupported_content")
