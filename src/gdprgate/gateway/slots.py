"""Every text in a request, found so it can be protected.

A request is walked once into *slots* (a container and a key). Detection and
protection run over all slots together; then the new texts are written back.

The walk is deny-by-default: every string anywhere in the body is a slot,
whatever field it sits in, known or not, except the values of a few control
fields (``model``, ``role``, ``type``, ids, ...). Those must look like
identifiers, so no free text can hide in them. JSON inside a string
(``arguments``) is decoded, its keys and string values become slots, and it
is encoded again on write-back, so it stays valid JSON. Content parts that
are not text (images, audio, files) cannot be checked: they are refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from gdprgate.errors import BadRequest

# Fields whose values steer the API and are never read by a model as text.
CONTROL_KEYS = frozenset(
    {
        "model",
        "role",
        "type",
        "object",
        "id",
        "call_id",
        "tool_call_id",
        "item_id",
        "previous_response_id",
        "tool_choice",
        "reasoning_effort",
        "service_tier",
        "encoding_format",
        "truncation",
        "detail",
        "format",
        "pattern",
        "$schema",
        "$ref",
        "$id",
        "modalities",
        "include",
        "status",
        "verbosity",
    }
)
# JSON Schema's own words (tool parameters, response formats): as keys they
# are syntax, never anyone's data, and a model layer reading one alone may
# take it for a name ("enum"), which would break the schema.
SCHEMA_KEYWORDS = frozenset(
    {
        "type", "properties", "required", "enum", "const", "items",
        "additionalProperties", "description", "title", "default", "examples",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "multipleOf", "pattern",
        "patternProperties", "propertyNames", "format", "anyOf", "oneOf",
        "allOf", "not", "if", "then", "else", "prefixItems", "contains",
        "$ref", "$defs", "$schema", "$id", "definitions", "nullable", "strict",
        "deprecated", "readOnly", "writeOnly", "dependentRequired",
    }
)  # fmt: skip
# Content parts a model reads as something other than text.
OPAQUE_PARTS = frozenset(
    {
        "image_url",
        "input_image",
        "image",
        "input_audio",
        "audio",
        "input_file",
        "file",
        "video_url",
        "video",
    }
)
IDENTIFIER = re.compile(r"[A-Za-z0-9$][A-Za-z0-9_.:/@+\-]{0,255}")
# Control fields whose values are enumerations: checked, never rewritten.
ENUMERATED = frozenset({"role", "type", "object"})
FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]{0,39}")
ENUMERATION = re.compile(r"[a-z][a-z0-9_.\-]{0,63}")
# Control values left exactly as sent: the model name routes the request
# (it is checked on its own), enumerations steer the API. Every other
# control value (ids, status, ...) is also run through detection.
UNCHECKED_CONTROL = ENUMERATED | {"model"}
MAX_DEPTH = 64


class Slots:
    """The text slots of one request, in a fixed order."""

    def __init__(self) -> None:
        self._slots: list[tuple[Any, Any]] = []
        self._keys: list[tuple[dict[str, Any], str]] = []
        self._finishers: list[Callable[[], None]] = []

    def __len__(self) -> int:
        return len(self._slots) + len(self._keys)

    def texts(self) -> list[str]:
        """The current text of every slot (values first, then object keys)."""
        values = [container[key] for container, key in self._slots]
        return values + [key for _, key in self._keys]

    def replace(self, texts: list[str]) -> None:
        """Write new texts into the slots, rename keys, re-encode JSON."""
        if len(texts) != len(self):
            msg = "one text per slot is needed"
            raise ValueError(msg)
        values, keys = texts[: len(self._slots)], texts[len(self._slots) :]
        for (container, key), text in zip(self._slots, values, strict=True):
            container[key] = text
        renames: dict[int, tuple[dict[str, Any], dict[str, str]]] = {}
        for (node, old), new in zip(self._keys, keys, strict=True):
            renames.setdefault(id(node), (node, {}))[1][old] = new
        for node, mapping in renames.values():
            items = list(node.items())
            node.clear()
            node.update((mapping.get(key, key), value) for key, value in items)
        for finish in self._finishers:
            finish()

    def walk(self, node: Any, where: str, depth: int = 0) -> None:
        """Add every string under ``node`` (control fields aside)."""
        if depth > MAX_DEPTH:
            msg = f"the request is nested more than {MAX_DEPTH} levels deep"
            raise BadRequest(msg, code="invalid_request")
        if isinstance(node, list):
            for index, value in enumerate(node):
                self._value(node, index, value, f"{where}[{index}]", depth)
        elif isinstance(node, dict):
            _refuse_opaque(node, where)
            # Keys are text too (a tool's property names reach the model).
            self._keys.extend(
                (node, key)
                for key in node
                if isinstance(key, str) and key not in SCHEMA_KEYWORDS
            )
            for key, value in node.items():
                path = f"{where}.{_shown(key)}"
                if key in CONTROL_KEYS and _is_plain(value):
                    _check_control(key, value, path)
                    if key not in UNCHECKED_CONTROL:
                        self._value(node, key, value, path, depth)
                elif key == "arguments" and isinstance(value, str):
                    self._json_string(node, key, depth)
                else:
                    self._value(node, key, value, path, depth)

    def _value(
        self, container: Any, key: Any, value: Any, where: str, depth: int
    ) -> None:
        if isinstance(value, str):
            self._slots.append((container, key))
        elif isinstance(value, dict | list):
            self.walk(value, where, depth + 1)

    def _json_string(self, container: dict[str, Any], key: str, depth: int) -> None:
        """Slots for the keys and values of JSON text in ``container[key]``."""
        try:
            decoded = json.loads(container[key])
        except (json.JSONDecodeError, RecursionError, ValueError):
            decoded = None
        if not isinstance(decoded, dict | list):
            self._slots.append((container, key))
            return
        self._json_node(decoded, depth + 1)

        def finish() -> None:
            container[key] = json.dumps(decoded, ensure_ascii=False)

        self._finishers.append(finish)

    def _json_node(self, node: dict[str, Any] | list[Any], depth: int) -> None:
        if depth > MAX_DEPTH:
            msg = f"tool-call arguments are nested more than {MAX_DEPTH} levels deep"
            raise BadRequest(msg, code="invalid_request")
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, str):
                self._slots.append((node, key))
            elif isinstance(value, dict | list):
                self._json_node(value, depth + 1)
        if isinstance(node, dict):
            self._keys.extend((node, key) for key in node)


def _is_plain(value: Any) -> bool:
    """A string, or an array of strings: what a control field may hold."""
    if isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    return not isinstance(value, dict)


def _check_control(key: str, value: Any, where: str) -> None:
    """Control fields hold identifiers (or structures), never free text.

    Enumerations (``role``, ``type``, ``object``) hold lower-case words only.
    """
    pattern = ENUMERATION if key in ENUMERATED else IDENTIFIER
    values = value if isinstance(value, list) else [value]
    for item in values:
        if isinstance(item, str) and not pattern.fullmatch(item):
            msg = f"{where} must be an identifier (letters, digits, _ . : / @ + -)"
            raise BadRequest(msg, code="invalid_request")


def _refuse_opaque(node: dict[str, Any], where: str) -> None:
    kind = node.get("type")
    if isinstance(kind, str) and kind in OPAQUE_PARTS:
        msg = (
            f"{where} is an image, audio or file part, which cannot be "
            "checked for personal data; send text parts only"
        )
        raise BadRequest(msg, code="unsupported_content")


def _shown(key: Any) -> str:
    """A key as it may appear in an error message: a plain field name only.

    Anything else (a key can hold an address or a name) shows as ``?``.
    """
    text = str(key)
    return text if FIELD_NAME.fullmatch(text) else "?"


def require_list(body: dict[str, Any], key: str, code: str, what: str) -> list[Any]:
    """``body[key]`` as a non-empty array of objects, else a 400."""
    value = body.get(key)
    if not isinstance(value, list) or not value:
        msg = f"'{key}' must be a non-empty array of {what}"
        raise BadRequest(msg, code=code)
    for position, item in enumerate(value):
        if not isinstance(item, dict):
            msg = f"{key}[{position}] must be an object"
            raise BadRequest(msg, code=code)
    return value


def require_text_or_texts(body: dict[str, Any], key: str, code: str) -> None:
    """``body[key]`` is a string or a non-empty array of strings, else a 400.

    Arrays of token ids are refused: they cannot be checked.
    """
    value = body.get(key)
    if isinstance(value, str):
        return
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return
    if (
        isinstance(value, list)
        and value
        and all(isinstance(v, int | list) for v in value)
    ):
        msg = (
            f"'{key}' as token ids cannot be checked for personal data; "
            "send text instead"
        )
        raise BadRequest(msg, code="unsupported_content")
    msg = f"'{key}' must be a string or a non-empty array of strings"
    raise BadRequest(msg, code=code)
