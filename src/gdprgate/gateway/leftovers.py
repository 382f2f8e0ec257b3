"""Answer fields no route knows: checked like the model's text, never passed raw.

Each route rewrites the fields where its API puts the model's text
(``choices[].message.content``, tool-call arguments, Responses output
items, ...). An upstream can send more: an ``error`` object beside the
choices, an audio transcript, a vendor's own field, a stream event of a kind
the route does not know. Passing those on unchecked would let personal data
out around the output check, so every string of a whole answer that the
route will not rewrite goes through the output check and restoration here,
first; in a stream such strings are emptied (a value cut between two
events would pass a check of each piece). ``logprobs`` are dropped
everywhere: their token texts could spell out a value piece by piece.

Which strings the route rewrites is learnt by running it on a copy of the
answer whose strings are replaced by numbered markers, with a filter that
only notes the markers it is handed: a marker that comes out of the copy
without having been handed to the filter is a string the route would pass
on unchecked (one the route replaced or dropped does not come out). The
route's own logic decides, so the two can never disagree. Strings that are
plainly labels (``id``, ``model``, ``object``, ``role``, ``finish_reason``,
``type`` ... with a value of letters, digits and ``_ . : / -`` only, in which
the validated patterns find nothing) pass as they are and are not marked,
so the copy takes the same branches as the real answer; vectors
(``embedding``) pass too.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from gdprgate.detect.patterns import PatternLayer
from gdprgate.errors import HTTPError
from gdprgate.gateway.answer import AnswerFilter
from gdprgate.gateway.sse import Event
from gdprgate.protect import Restorer, StreamFilter

if TYPE_CHECKING:
    from gdprgate.gateway.endpoint import StreamRewriter

# Fields whose values servers set as labels (kinds, states, settings a
# Responses answer echoes from its request) or models and callers write as
# ids and names: letters, digits and ``_ . : / -`` only, and nothing the
# validated patterns find.
LABEL_KEYS = frozenset(
    {
        "id",
        "object",
        "system_fingerprint",
        "finish_reason",
        "role",
        "type",
        "status",
        "service_tier",
        "event",
        "item_id",
        "call_id",
        "response_id",
        "previous_response_id",
        "encoding_format",
        "tool_choice",
        "truncation",
        "reason",
        "effort",
        "verbosity",
        "summary",
        "format",
        "name",
        "code",
        "param",
        "user",
        "safety_identifier",
        "prompt_cache_key",
    }
)
# A model's name is the server's own label and often holds a date
# ("gpt-5-2025-08-07") that the patterns would read as a number: its shape
# is enough.
MODEL_KEY = "model"
# Fields whose values are no text at all (vectors, base64 vectors).
OPAQUE_KEYS = frozenset({"embedding"})
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")
_LABEL = re.compile(r"[A-Za-z0-9/][A-Za-z0-9_.:/\-]{0,255}")
_MARK = re.compile("\ue000(\\d+)\ue001")

Path = tuple[str | int, ...]
Rewrite = Callable[[Any, AnswerFilter], object]


def check_leftovers(answer: Any, rewrite: Rewrite, answers: AnswerFilter) -> None:
    """Check, in place, every string of ``answer`` that ``rewrite`` (the
    route's rewriting of it) would leave alone; labels pass."""
    drop_logprobs(answer)
    paths = list(_strings(answer, ()))
    if not paths:
        return
    marked = copy.deepcopy(answer)
    _mark(marked, paths, 0)
    probe = _Probe()
    rewrite(marked, probe)
    left = _marks(json.dumps(marked, ensure_ascii=False)) - probe.seen
    for number in sorted(left):
        container, key = _locate(answer, paths[number])
        container[key] = answers.text(container[key])


def drop_logprobs(value: Any) -> None:
    """Remove every ``logprobs`` field: its token texts could spell out a
    value piece by piece, which no check of single tokens sees."""
    if isinstance(value, dict):
        value.pop("logprobs", None)
        value.pop("top_logprobs", None)
        items: Iterable[Any] = value.values()
    elif isinstance(value, list):
        items = value
    else:
        return
    for item in items:
        drop_logprobs(item)


def _marks(text: str) -> set[int]:
    """The numbers of the markers still in ``text``."""
    return {int(number) for number in _MARK.findall(text)}


def _mark(value: Any, paths: list[Path], first: int) -> None:
    """Replace the string at each of ``paths`` by a marker, numbered from
    ``first``."""
    for number, path in enumerate(paths, start=first):
        container, key = _locate(value, path)
        container[key] = f"\ue000{number}\ue001"


def _strings(value: Any, path: Path) -> Iterator[Path]:
    """The path of every non-label string below ``value``."""
    items: list[tuple[Any, Any]]
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    else:
        return
    for key, item in items:
        if key in OPAQUE_KEYS and _opaque(item):
            continue
        if isinstance(item, str):
            if item and not _is_label(key, item):
                yield (*path, key)
        else:
            yield from _strings(item, (*path, key))


def _is_label(key: Any, value: str) -> bool:
    """A label (see :data:`LABEL_KEYS` and :data:`MODEL_KEY`)."""
    if key == MODEL_KEY:
        return _LABEL.fullmatch(value) is not None
    return key in LABEL_KEYS and _checked_label(value)


@functools.lru_cache(maxsize=4096)
def _checked_label(value: str) -> bool:
    """Ids repeat in every chunk of a stream, so the answer is kept."""
    return _LABEL.fullmatch(value) is not None and not _patterns().analyze(value)


@functools.cache
def _patterns() -> PatternLayer:
    return PatternLayer()


def _opaque(value: Any) -> bool:
    """A vector: numbers, or their base64 form."""
    if isinstance(value, str):
        return _BASE64.fullmatch(value) is not None
    return isinstance(value, list) and all(
        isinstance(item, int | float) for item in value
    )


def _locate(value: Any, path: Path) -> tuple[Any, Any]:
    for key in path[:-1]:
        value = value[key]
    return value, path[-1]


class CheckedStream:
    """A route's stream rewriter that first empties, in every event, the
    strings the route leaves alone: in a stream they may be pieces of one
    text, and a value cut between two events would pass a check of each
    (a whole answer's are checked instead, see :func:`check_leftovers`).

    A twin rewriter with a probe filter sees every event too, so that it
    keeps the same state as the real one (which texts were sent, which
    filters are open) and marks the same fields as the route's.
    """

    def __init__(
        self, make: Callable[[AnswerFilter], StreamRewriter], answers: AnswerFilter
    ) -> None:
        self._rewriter = make(answers)
        self._probe = _Probe()
        self._twin = make(self._probe)
        self._next = 0

    def rewrite(self, event: Event) -> list[Event]:
        try:
            payload = json.loads(event.data)
        except ValueError:
            payload = None
        if not isinstance(payload, (dict, list)):
            return self._rewriter.rewrite(event)  # the route refuses it
        drop_logprobs(payload)
        paths = list(_strings(payload, ()))
        # Numbers go on from event to event: the twin's texts carry the
        # markers of earlier events, which must not name this one's strings.
        first, self._next = self._next, self._next + len(paths)
        marked = copy.deepcopy(payload)
        _mark(marked, paths, first)
        self._probe.seen.clear()
        sent: list[Event] = []
        # The route raises the same for the real event.
        with contextlib.suppress(HTTPError):
            sent = self._twin.rewrite(Event(json.dumps(marked), event.event))
        out = set().union(*(_marks(twin_event.data) for twin_event in sent))
        for number in sorted(out - self._probe.seen):
            if first <= number < self._next:
                # A piece of a text the route does not know: a value may
                # go on in the next event, where no check would see it
                # whole, so the piece is not passed on.
                container, key = _locate(payload, paths[number - first])
                container[key] = ""
        event = Event(json.dumps(payload, ensure_ascii=False), event.event)
        return self._rewriter.rewrite(event)

    def finish(self) -> list[Event]:
        self._twin.finish()
        return self._rewriter.finish()

    def error(self, error: HTTPError) -> Event:
        return self._rewriter.error(error)


class _Probe(AnswerFilter):
    """An answer filter that changes nothing and notes the markers it sees."""

    def __init__(self) -> None:
        super().__init__(Restorer({}))
        self.seen: set[int] = set()

    def note(self, text: str) -> str:
        self.seen.update(int(number) for number in _MARK.findall(text))
        return text

    def text(self, text: str, *, json_string: bool = False) -> str:
        return self.note(text)

    def restore_only(self, text: str) -> str:
        return self.note(text)

    def stream(self, *, json_string: bool = False) -> StreamFilter:
        return _ProbeStream(self)


class _ProbeStream(StreamFilter):
    """A stream filter that passes pieces on at once, noting markers."""

    def __init__(self, probe: _Probe) -> None:
        super().__init__(Restorer({}))
        self._probe = probe

    def feed(self, piece: str) -> str:
        return self._probe.note(piece)

    def flush(self) -> str:
        return ""
