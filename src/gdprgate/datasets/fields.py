"""The texts of a record: which string values are scanned, and writing back.

A record is any JSON value (a CSV row and a Parquet row are flat objects).
Every string inside it is a text, found by walking objects and lists; its
field name is the dotted path of object keys, list positions left out, so
the contents of a chat (``{"messages": [{"role": ..., "content": ...}]}``)
are all counted under ``messages.content``. ``--fields`` keeps only the
texts whose field name is one of those given, or lies below one.
Numbers, booleans and nulls are left as they are.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# One step into a record: an object key or a list index.
Step = str | int


@dataclass(frozen=True, slots=True)
class TextRef:
    """Where one text sits in its record, and the field it is counted under."""

    steps: tuple[Step, ...]
    field: str


class FieldFilter:
    """Which field names are scanned: all, or those at or below the given."""

    def __init__(self, fields: Sequence[str] = ()) -> None:
        self._fields = tuple(f.strip() for f in fields if f.strip())

    def wanted(self, name: str) -> bool:
        if not self._fields:
            return True
        return any(name == f or name.startswith(f + ".") for f in self._fields)


def texts_of(record: Any, only: FieldFilter) -> list[tuple[TextRef, str]]:
    """Every non-empty string of ``record`` that ``only`` wants, in order."""
    return [
        (ref, text)
        for ref, text in _walk(record, (), ())
        if text.strip() and only.wanted(ref.field)
    ]


def _walk(
    value: Any, steps: tuple[Step, ...], names: tuple[str, ...]
) -> Iterator[tuple[TextRef, str]]:
    if isinstance(value, str):
        yield TextRef(steps, ".".join(names) or "$"), value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _walk(inner, (*steps, key), (*names, str(key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _walk(inner, (*steps, index), names)


def replace_texts(record: Any, new: Sequence[tuple[TextRef, str]]) -> Any:
    """``record`` with the text at each reference replaced (a copy where
    anything changed; the record passed in is left as it was)."""
    for ref, text in new:
        record = _set(record, ref.steps, text)
    return record


def _set(value: Any, steps: tuple[Step, ...], text: str) -> Any:
    if not steps:
        return text
    head, rest = steps[0], steps[1:]
    if isinstance(value, dict):
        copy: dict[Any, Any] = dict(value)
        copy[head] = _set(value[head], rest, text)
        return copy
    if isinstance(value, list):
        items = list(value)
        items[int(head)] = _set(value[int(head)], rest, text)
        return items
    return value
