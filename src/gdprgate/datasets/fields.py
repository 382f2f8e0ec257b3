"""The texts of a record: which strings are scanned, and writing back.

A record is any JSON value (a CSV row and a Parquet row are flat objects).
Every string inside it is a text, found by walking objects and lists; its
field name is the dotted path of object keys, list positions left out, so
the contents of a chat (``{"messages": [{"role": ..., "content": ...}]}``)
are all counted under ``messages.content``. The keys of JSON objects are
texts too (``keys=True``): a key can hold an e-mail address as well as a
value can. Numbers, booleans and nulls are left as they are.

``--fields`` keeps only the texts whose field name is one of those given,
or lies below one; a name may also give list positions
(``messages.0.content``: the first message only). :meth:`FieldFilter.unused`
tells which names matched no text, so a typo can fail the run instead of
scrubbing nothing.

A text that holds an embedded file (a ``data:`` URL, or a long run of
base64) is no text: the patterns cannot read it, and an image may show a
person. :func:`embedded_file` finds one; the scrubber rejects its record.
A field whose name says what its value is (``last_name``, ``city``,
``birthdate``) gets that type for its whole value when the detector finds
nothing in it (:func:`field_spans`): a lone "Kraus" or "Lyon" is otherwise
too short to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gdprgate.datasets.detection import Span
from gdprgate.detect.patterns.field_names import (
    FIELD_ENTITIES,
    UNSURE_NAMES,
    fold_field_name,
    is_placeholder,
)

# One step into a record: an object key or a list index.
Step = str | int

# How a key that held personal data is named in the report's field names.
KEY_PLACEHOLDER = "<key>"

# A key of one word (letters, digits, "_", "-") names a field far more often
# than a person, and name models read such words as names ("meta" was a
# PERSON). On these keys only values of fixed forms count (e-mail, IBAN,
# phone, identifiers), not the types below.
_WORD_KEY = re.compile(r"[^\W\d]\w*(?:-\w+)*")
_NOT_ON_WORD_KEYS = frozenset(
    {"PERSON", "LOCATION", "ORGANIZATION", "NRP", "DATE_TIME", "AGE"}
)


# A data: URL with base64 content ("data:image/png;base64,iVBOR..."),
# anywhere in a text; "data:text/plain,hello" in a sentence is text.
_DATA_URL = re.compile(
    r"(?<![\w.-])data:[a-z]+/[\w.+-]+(?:;[^,;\s]*)*;base64,[A-Za-z0-9+/_-]{64}",
    re.I,
)
# A run of the base64 alphabet (standard or URL-safe) long enough to be a
# file, not a word, a hash or an identifier.
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{200,}={0,2}")
# A run that starts like a URL or a path ("https://…", "/home/…", "~/…",
# "C:/…") is one, however long.
_PATH_START = re.compile(r"[a-z][a-z0-9+.-]*:|[/~]|[a-z]:", re.I)
# Base64 has a "/" in about one character of 64; a path has one per part.
_CHARS_PER_SLASH = 30
EMBEDDED_REASON = (
    "holds an embedded file (data: URL or base64) the scrubber cannot read"
)

# Field names that say what their whole value is, and values that say
# there is none, are one vocabulary with the detector's table headers
# (:mod:`gdprgate.detect.patterns.field_names`). Names that also name what
# is no one's ("name", "account", "address") are not used on keys, nor are
# user-name fields: a chat record's "user" field holds messages.

# What a value must hold to be taken for its field's type ("n/a" is no
# birth date, "-" no name).
_HINT_FORMS = {
    "PERSON": re.compile(r"[^\W\d_]"),
    "LOCATION": re.compile(r"[^\W\d_]"),
    "DATE_OF_BIRTH": re.compile(r"\d"),
    "EMAIL_ADDRESS": re.compile(r"[^@\s]@[^@\s]*[^@\s.]\.[^@\s.]"),
    "PHONE_NUMBER": re.compile(r"(?:\d\D*){6}"),
    "IBAN_CODE": re.compile(r"\d"),
}
# Sentence punctuation: a value with it is a sentence, not a name ("!",
# "?", ";", or a full stop after a lower-case word: not "Dr." nor "J.").
_SENTENCE = re.compile(r"[!?;]|(?<!\w)[^\W\d_]{3,}\.(?!\w)")
_MAX_NAME_WORDS = 4
# Values longer than this are texts, not one value: the hint is not used.
_MAX_HINTED = 120


def embedded_file(text: str) -> bool:
    """Whether ``text`` holds a file: a ``data:`` URL with 64 or more
    characters of base64, or a blob of 200 or more characters of base64
    without a blank (with a digit, an upper and a lower case letter, as
    encoded bytes have). A blob that starts like a URL or a path (a scheme,
    "/", "~", a drive letter) or has a "/" in every 30 characters or fewer
    is a URL or a path, however long."""
    if _DATA_URL.search(text) is not None:
        return True
    # Runs of one blob ("…/Part1.…/Part2…") share its verdict, read once:
    # reading the blob again for each run made long texts quadratic.
    blob_end = -1
    path = False
    for run in _BASE64_RUN.finditer(text):
        chars = run.group(0)
        if not (
            any(c.isdigit() for c in chars)
            and any(c.isupper() for c in chars)
            and any(c.islower() for c in chars)
        ):
            continue
        if run.start() >= blob_end:
            blob_start, blob_end = _blob_around(text, run.start(), run.end())
            blob = text[blob_start:blob_end]
            path = _PATH_START.match(blob) is not None or (
                blob.count("/") * _CHARS_PER_SLASH >= len(blob)
            )
        if not path:
            return True
    return False


def _blob_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the text between the blanks (or quotes) around
    ``text[start:end]`` starts and ends."""
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "\"'":
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in "\"'":
        end += 1
    return start, end


def embedded_placeholder(text: str) -> str:
    """What a reject holds in place of a text with an embedded file."""
    return f"<embedded file, {len(text)} characters: not written>"


def field_entity(steps: tuple[Step, ...]) -> str | None:
    """The type the name of the field at ``steps`` gives its value
    (``last_name``, ``Nachname``, ``city``, ``birthdate``), if any."""
    names = [step for step in steps if isinstance(step, str)]
    if not names:
        return None
    name = fold_field_name(names[-1])
    entity = FIELD_ENTITIES.get(name)
    if name in UNSURE_NAMES or entity not in _HINT_FORMS:
        return None
    return entity


def field_spans(ref: TextRef, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` of a value, or, when none was found and its field's name
    says what it is, its whole value as that type (fail closed)."""
    if spans or ref.is_key:
        return spans
    entity = field_entity(ref.steps)
    stripped = text.strip()
    if entity is None or len(stripped) > _MAX_HINTED:
        return spans
    if not _HINT_FORMS[entity].search(stripped) or is_placeholder(stripped, entity):
        return spans
    if entity == "PERSON" and not _name_like(stripped):
        return spans
    start = len(text) - len(text.lstrip())
    return [(start, start + len(stripped), entity)]


def _name_like(value: str) -> bool:
    """Whether ``value`` can be a name: at most four words, and no sentence
    punctuation ("Please call me back tomorrow." is none)."""
    if len(value.split()) > _MAX_NAME_WORDS:
        return False
    return not any(
        match.group(0) in "!?;" or match.group(0).islower()
        for match in _SENTENCE.finditer(value)
    )


@dataclass(frozen=True, slots=True)
class TextRef:
    """Where one text sits in its record, and the field it is counted under.

    For a key (``is_key``), ``steps`` lead to the key's value: the last step
    is the key itself.
    """

    steps: tuple[Step, ...]
    field: str
    is_key: bool = False


class FieldFilter:
    """Which field names are scanned: all, or those at or below the given."""

    def __init__(self, fields: Sequence[str] = ()) -> None:
        self._fields = tuple(dict.fromkeys(f.strip() for f in fields if f.strip()))
        self._used: set[str] = set()

    def wanted(self, name: str, full_name: str | None = None) -> bool:
        """Whether the text at ``name`` (``full_name``: with list positions)
        is scanned; remembers which of the given names matched."""
        if not self._fields:
            return True
        matched = [
            f
            for f in self._fields
            if _at_or_below(name, f) or (full_name and _at_or_below(full_name, f))
        ]
        self._used.update(matched)
        return bool(matched)

    def unused(self) -> list[str]:
        """The given field names that no text matched so far."""
        return [f for f in self._fields if f not in self._used]


def _at_or_below(name: str, wanted: str) -> bool:
    return name == wanted or name.startswith(wanted + ".")


def texts_of(
    record: Any, only: FieldFilter, *, keys: bool = False
) -> list[tuple[TextRef, str]]:
    """Every non-empty string of ``record`` that ``only`` wants, in order;
    with ``keys``, object keys too (each just before the value it names)."""
    found = []
    for ref, full_name, text in _walk(record, (), (), (), keys):
        if only.wanted(ref.field, full_name) and text.strip():
            found.append((ref, text))
    return found


def _walk(
    value: Any,
    steps: tuple[Step, ...],
    names: tuple[str, ...],
    full: tuple[str, ...],
    keys: bool,
) -> Iterator[tuple[TextRef, str, str]]:
    if isinstance(value, str):
        yield TextRef(steps, ".".join(names) or "$"), ".".join(full), value
    elif isinstance(value, dict):
        for key, inner in value.items():
            name = str(key)
            inner_steps = (*steps, key)
            if keys and isinstance(key, str):
                field = ".".join((*names, name))
                yield TextRef(inner_steps, field, True), ".".join((*full, name)), key
            yield from _walk(inner, inner_steps, (*names, name), (*full, name), keys)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _walk(inner, (*steps, index), names, (*full, str(index)), keys)


def key_spans(key: str, spans: list[Span]) -> list[Span]:
    """The spans found in ``key`` that count for a key."""
    if not spans or not _WORD_KEY.fullmatch(key):
        return spans
    return [span for span in spans if span[2] not in _NOT_ON_WORD_KEYS]


def field_name(steps: tuple[Step, ...], renamed: Mapping[tuple[Step, ...], str]) -> str:
    """The field name of ``steps`` with each key in ``renamed`` (by the steps
    that end in it) shown as :data:`KEY_PLACEHOLDER`."""
    names = [
        KEY_PLACEHOLDER if steps[: i + 1] in renamed else str(step)
        for i, step in enumerate(steps)
        if not isinstance(step, int)
    ]
    return ".".join(names) or "$"


def replace_texts(record: Any, new: Sequence[tuple[TextRef, str]]) -> Any:
    """``record`` with the text at each reference replaced (a copy where
    anything changed; the record passed in is left as it was).

    Values are written first, then keys from the deepest up, so every
    reference still finds its place by the original keys. A new key that
    another key of its object already has gets ``_2``, ``_3``, … added.
    """
    for ref, text in new:
        if not ref.is_key:
            record = _set(record, ref.steps, text)
    by_parent: dict[tuple[Step, ...], dict[str, str]] = {}
    for ref, text in new:
        if ref.is_key and ref.steps[-1] != text:
            by_parent.setdefault(ref.steps[:-1], {})[str(ref.steps[-1])] = text
    for parent, names in sorted(by_parent.items(), key=lambda p: -len(p[0])):
        record = _rename(record, parent, names)
    return record


def _set(value: Any, steps: tuple[Step, ...], text: Any) -> Any:
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


def _get(value: Any, steps: tuple[Step, ...]) -> Any:
    for step in steps:
        value = value[step]
    return value


def _rename(record: Any, parent: tuple[Step, ...], names: dict[str, str]) -> Any:
    """``record`` with the keys of the object at ``parent`` renamed, in
    place of the old ones and unique within the object."""
    old: dict[str, Any] = _get(record, parent)
    taken = {key for key in old if key not in names}
    renamed: dict[str, Any] = {}
    for key, inner in old.items():
        new_key = key
        if key in names:
            new_key = _unique(names[key], taken)
            taken.add(new_key)
        renamed[new_key] = inner
    return _set(record, parent, renamed)


def _unique(key: str, taken: set[str]) -> str:
    if key not in taken:
        return key
    number = 2
    while f"{key}_{number}" in taken:
        number += 1
    return f"{key}_{number}"
