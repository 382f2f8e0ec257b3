"""Numbers and codes a model calls personal that say what they are not.

Rampart and spaCy read any long number or code as an identifier, a phone
number or a date: an ISBN, a build number, a millisecond timestamp, a SKU, a
tracking number, a commit hash. The pattern recognizers check their own
numbers against ``negative`` context words; :func:`drop_plain_numbers` does
the same for the model layers' findings that are one token of digits,
letters and separators with a digit in it:

- a word of the ``number_negative`` context key (ISBN, version, SKU,
  tracking, order, invoice, key, ... in nine languages) within a few words
  before or after it drops it, unless a word of the ``number_owner`` key
  (customer, patient, member, ID, Kunde, ...) stands near it too and no
  further from it than the negative word: "invoice for customer 88231944"
  keeps the customer number, "Kunde 88231944 reklamiert Artikel
  4006381333931" drops the article's number. An owner word inside a
  negative phrase ("id" of "request id") does not count;
- a number of 8, 12, 13 or 14 digits with a valid GS1 check digit and an
  EAN/GTIN/UPC word near it is a product's barcode, whoever owns it;
- a "date" of thirteen digits from ``1000000000000`` to ``2199999999999``
  is a Unix time in milliseconds (2001 to 2039). Only a date: thirteen
  digits read as an identifier may be a Romanian CNP or a JMBG.

Any finding (models and patterns alike) that lies inside a UUID or a
hexadecimal hash of 32, 40 or 64 digits is dropped: such a value names a
request or a commit, not a person; unless an owner word stands near it
and no negative word nearer ("user_id: 550e8400-..." is a user's online
identifier). Spaced numbers ("4482 1937") are checked like one token.

Legal case words ("case", "dossier", "Az.") are not on the list: a case
number names the parties' case, and TAB counts it as a direct identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from gdprgate.detect.context import context_pattern, window
from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding

MODEL_SOURCES = frozenset({"rampart", "spacy"})
# Digits with the separators numbers are written with, nothing else.
_PLAIN_NUMBER = re.compile(r"\+?\d[\d\s./:-]*\d|\d")
_MILLISECONDS = re.compile(r"\A(?:1\d|2[01])\d{11}\Z")
# One token of letters, digits and separators with a digit in it: a code.
_CODE = re.compile(r"[\w./:#-]*\d[\w./:#-]*")
_GTIN = re.compile(r"\d{8}|\d{12,14}")
# A UUID, or a hexadecimal hash (MD5, SHA-1, SHA-256) with a digit and a
# letter in it, standing alone.
_TECHNICAL = re.compile(
    r"""(?<![\w-])
    (?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}
    | (?=[0-9a-f]*[a-f])(?=[a-f]*[0-9])(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})
    )(?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
# (words before, words after) read for a negative word.
WINDOW = (3, 1)
# Where an owner word is looked for (see ``context.DEFAULT_WINDOW``).
OWNER_WINDOW = (6, 2)


def drop_plain_numbers(
    text: str,
    findings: Iterable[Finding],
    languages: Sequence[str] = CONTEXT_LANGUAGES,
) -> list[Finding]:
    """``findings`` without model-found numbers and codes that context calls
    no personal data, and without anything inside a UUID or a hash (see the
    module doc)."""
    technical = [
        match.span()
        for match in _TECHNICAL.finditer(text)
        if not _is_owned(text, *match.span(), languages)
    ]
    kept: list[Finding] = []
    for finding in findings:
        start, end = finding.start, finding.end
        if any(low <= start and end <= high for low, high in technical):
            continue
        value = text[start:end]
        if finding.source in MODEL_SOURCES and (
            _CODE.fullmatch(value) or _PLAIN_NUMBER.fullmatch(value)
        ):
            if _PLAIN_NUMBER.fullmatch(value):
                if finding.entity == "DATE_TIME" and _MILLISECONDS.match(value):
                    continue
                if _is_barcode(text, start, end, languages):
                    continue
            if _is_no_ones(text, start, end, languages):
                continue
        kept.append(finding)
    return kept


def _is_barcode(text: str, start: int, end: int, languages: Sequence[str]) -> bool:
    """A GS1 number (EAN-8, UPC-A, EAN-13, GTIN-14) with a barcode word."""
    value = text[start:end]
    if not _GTIN.fullmatch(value) or not _gs1_check_digit_holds(value):
        return False
    return bool(_nearest(text, start, end, "barcode", languages, WINDOW))


def _gs1_check_digit_holds(digits: str) -> bool:
    """The GS1 check: weights 3 and 1 from the right, a multiple of ten."""
    total = sum(
        int(digit) * (3 if position % 2 else 1)
        for position, digit in enumerate(reversed(digits))
    )
    return total % 10 == 0


def _is_owned(text: str, start: int, end: int, languages: Sequence[str]) -> bool:
    """An owner word near the value and no negative word nearer to it: a
    user's or customer's UUID is an online identifier ("user_id:
    550e8400-...")."""
    negative = _nearest(text, start, end, "number_negative", languages, WINDOW)
    owner = _nearest(
        text,
        start,
        end,
        "number_owner",
        languages,
        OWNER_WINDOW,
        negative.spans if negative is not None else (),
    )
    return owner is not None and (
        negative is None or owner.distance <= negative.distance
    )


def _is_no_ones(text: str, start: int, end: int, languages: Sequence[str]) -> bool:
    """A negative word near the value, and no owner word nearer to it."""
    negative = _nearest(text, start, end, "number_negative", languages, WINDOW)
    if negative is None:
        return False
    owner = _nearest(
        text, start, end, "number_owner", languages, OWNER_WINDOW, negative.spans
    )
    return owner is None or owner.distance > negative.distance


class _Nearest:
    """The distance in characters of the nearest phrase found, and where
    every phrase found stands."""

    __slots__ = ("distance", "spans")

    def __init__(self, distance: int, spans: list[tuple[int, int]]) -> None:
        self.distance, self.spans = distance, spans


def _nearest(
    text: str,
    start: int,
    end: int,
    key: str,
    languages: Sequence[str],
    size: tuple[int, int],
    inside: Sequence[tuple[int, int]] = (),
) -> _Nearest | None:
    """The phrases of ``key`` within ``size`` words of the span, less those
    inside one of the ``inside`` spans; ``None`` when there are none."""
    pattern = context_pattern(key, tuple(languages))
    if pattern is None:
        return None
    low, high = window(text, start, end, *size)
    spans = [
        match.span()
        for match in (
            *pattern.finditer(text, low, start),
            *pattern.finditer(text, end, high),
        )
        if not any(a <= match.start() and match.end() <= b for a, b in inside)
    ]
    if not spans:
        return None
    distance = min(start - b if b <= start else a - end for a, b in spans)
    return _Nearest(distance, spans)
