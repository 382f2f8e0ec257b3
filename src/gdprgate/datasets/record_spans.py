"""The spans of one record, settled over all its texts together.

The detector reads each text alone; what one text tells about another of
the same record is added here, in the driver, so every engine gives the
same output:

- a text holding an embedded file (:func:`~gdprgate.datasets.fields.embedded_file`)
  is never spliced: the record is rejected, and the reject holds a
  placeholder in its place;
- a value the detector found nothing in, in a field whose name says what it
  is (``last_name``, ``city``), is that type whole
  (:func:`~gdprgate.datasets.fields.field_spans`);
- every person and place found in any text of the record is looked for in
  every other value of it, whole and by each capitalised part of a name
  (:class:`~gdprgate.detect.mentions.Mentions`): "Mein Name ist
  Wolfgang Kraus." in one turn masks "Kraus hier nochmal." in another, and
  a ``last_name`` field masks the surname in a note beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from gdprgate.datasets.detection import Detected, Span
from gdprgate.datasets.fields import (
    TextRef,
    embedded_file,
    embedded_placeholder,
    field_spans,
)
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.mentions import Mentions
from gdprgate.errors import ModelUnavailable

# The types whose other mentions are looked for across a record's texts.
MENTIONED = frozenset({"PERSON", "LOCATION"})


@dataclass(frozen=True, slots=True)
class RecordSpans:
    """A record's texts (placeholders for embedded files) and their spans."""

    texts: list[tuple[TextRef, str]]
    found: list[Detected]
    embedded: bool


def record_spans(
    texts: Sequence[tuple[TextRef, str]], found: Sequence[Detected]
) -> RecordSpans:
    """The texts and spans of one record, from what the detector found in
    each text alone (``found``, one per text)."""
    out_texts: list[tuple[TextRef, str]] = []
    out_found: list[Detected] = []
    embedded = False
    for (ref, text), (language, spans) in zip(texts, found, strict=True):
        if embedded_file(text):
            embedded = True
            out_texts.append((ref, embedded_placeholder(text)))
            out_found.append((language, []))
            continue
        out_texts.append((ref, text))
        out_found.append((language, field_spans(ref, text, spans)))
    return RecordSpans(out_texts, _with_mentions(out_texts, out_found), embedded)


def _with_mentions(
    texts: Sequence[tuple[TextRef, str]], found: Sequence[Detected]
) -> list[Detected]:
    """``found`` with the other mentions, in each value, of the people and
    places found in any text of the record."""
    values = sorted(
        {
            (entity, text[start:end])
            for (_, text), (_, spans) in zip(texts, found, strict=True)
            for start, end, entity in spans
            if entity in MENTIONED
        }
    )
    if not values:
        return list(found)
    # Every text's own values are among ``values``: one set serves all.
    mentions = Mentions(values, _lexicon(), MENTIONED)
    out: list[Detected] = []
    for (ref, text), (language, spans) in zip(texts, found, strict=True):
        # Keys are field names far more often than people (see fields.py).
        if ref.is_key:
            out.append((language, spans))
            continue
        findings = [
            Finding(start, end, entity, 1.0, "scrub") for start, end, entity in spans
        ]
        out.append((language, [_span(f) for f in mentions.find(text, findings)]))
    return out


def _span(finding: Finding) -> Span:
    return finding.start, finding.end, finding.entity


@cache
def _lexicon() -> Lexicon:
    """The detector's lexicon (whether a name part is also an ordinary
    word); without its packages, an empty one: every part then counts."""
    try:
        return load_lexicon()
    except ModelUnavailable:
        empty: frozenset[str] = frozenset()
        return Lexicon(empty, empty, empty, empty)
