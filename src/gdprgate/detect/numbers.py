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
identifier; a bare "id", a record's key, owns nothing); a model's piece
of an owned token is widened to the whole token. Spaced numbers
("4482 1937") are checked like one token.

Model findings that are plainly technical are dropped too: a lone
punctuation mark, "port 6379", digits after a key that names a time or a
quantity ("event_ts=1772446272", "offset 100234567890") or before an
unambiguous unit ("100234567890 ns"; never "B", "s", "us" or "GB"), a Unix
time that ends a dotted token (a cookie's "GA1.2.1234567890.1772446272"),
and anything inside a lower-case hexadecimal token of 7 to 40 characters
with a letter and a digit that says it is technical (a commit hash after
its key, a git log line, a pod hash: see :mod:`gdprgate.detect.hex_tokens`),
unless a word for the model's type, an owner or a personal key
("advertising_id", "Kundennr", "session") stands near it. Digits that are
a phone number or a national ID (:func:`is_personal_number`), or have a
phone word, an owner or a person's name near them, are kept.

Legal case words ("case", "dossier", "Az.") are not on the list: a case
number names the parties' case, and TAB counts it as a direct identifier.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from gdprgate.detect.context import context_pattern, has_context, window
from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding
from gdprgate.detect.hex_tokens import PERSONAL_KEY, technical_hex
from gdprgate.detect.patterns.be_national_number import BeNationalNumberRecognizer
from gdprgate.detect.patterns.de_tax_id import DeTaxIdRecognizer
from gdprgate.detect.patterns.dk_cpr import DkCprRecognizer
from gdprgate.detect.patterns.fr_nir import FrNirRecognizer
from gdprgate.detect.patterns.nl_bsn import NlBsnRecognizer
from gdprgate.detect.patterns.phone import is_phone_number
from gdprgate.detect.patterns.pl_pesel import PlPeselRecognizer
from gdprgate.detect.patterns.se_personnummer import SePersonnummerRecognizer
from gdprgate.detect.patterns.uk_nhs import UkNhsRecognizer

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
# A lower-case hexadecimal token with a letter and a digit: a short commit
# hash, a pod hash, or a device's or a session's identifier ("7f3e2d1c").
_HEX_TOKEN = re.compile(
    r"(?<![\w.])(?=[0-9a-f]*[a-f])(?=[a-f]*[0-9])[0-9a-f]{7,40}(?![\w.])"
)
# A Unix time in seconds or milliseconds, 2001-09-09 to 2039.
_UNIX_TIME = re.compile(r"\A(?:1\d|2[01])\d{8}(?:\d{3})?\Z")
# The key a value is written after ("event_ts=", '"created_at": ', "offset ").
_KEY_BEFORE = re.compile(r"([A-Za-z][\w.-]{0,40}?)([\"']?\s{0,2}[:=]?\s{0,2}[\"']?)\Z")
_KEY_PARTS = re.compile(r"[a-z]+|[A-Z][a-z]*")
# Key parts that name a time, and keys and units that name a quantity.
_TIME_KEYS = frozenset(
    {
        "ts", "time", "timestamp", "epoch", "at", "created", "updated",
        "modified", "expires", "exp", "iat", "nbf", "date", "datetime",
        "since", "until", "started", "ended", "seen", "unixtime",
    }
)  # fmt: skip
_QUANTITY_KEYS = frozenset(
    {
        "offset", "pid", "port", "size", "bytes", "len", "length", "count",
        "seq", "duration", "elapsed", "latency", "ns", "ms", "us",
    }
)  # fmt: skip
# Key words that say enough standing alone, without "=" or ":".
_STRONG_KEYS = frozenset({"timestamp", "epoch", "unixtime", "offset"})
# Units no one writes after a phone number or an ID: not "s", "us", "B" or
# "GB" ("07700900123 B. Okafor", "447700900123 GB", "... us this morning").
_UNIT_AFTER = re.compile(
    r"""[ \t]?(?:ns|µs|μs|ms|sec|secs|seconds|bytes|kB|KB|MB|TB|KiB|MiB|GiB|TiB)
    (?!\w)""",
    re.VERBOSE,
)
# A capital after a unit makes it a title or an initial ("ms Okafor",
# "MB. Okafor"), unless the unit is a word ("bytes", "seconds").
_CAPITAL_AFTER = re.compile(r"\.?[ \t]+(?=[^\W\d_])")
_UNIT_WORDS = frozenset({"sec", "secs", "seconds", "bytes"})
# Checksummed or dated national identifiers of digits alone.
_NATIONAL_IDS = (
    PlPeselRecognizer(), DkCprRecognizer(), SePersonnummerRecognizer(),
    NlBsnRecognizer(), BeNationalNumberRecognizer(), DeTaxIdRecognizer(),
    FrNirRecognizer(), UkNhsRecognizer(),
)  # fmt: skip
# A character of a code: a letter, a digit or a dash.
_CODE_CHAR = re.compile(r"[^\W_]|-")
# A port and its number, perhaps with the protocol after ("port 52114 ssh2").
_PORT = re.compile(r"(?i:port)\s+(\d{1,5})(?:\s+[a-z][\w-]*)?")
# The types a model reads lower-case hexadecimal as.
_HEX_CONTEXT = {"DRIVER_LICENSE": "driver_license", "PASSPORT": "passport"}
# What a hexadecimal-looking value may still be: a name, a handle.
_NAMED = frozenset({"PERSON", "USERNAME", "EMAIL_ADDRESS", "URL"})
# Owner words too generic to own a hash or a UUID: a record's "id".
_GENERIC_OWNERS = frozenset({"id", "ident"})
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
    findings = list(findings)
    technical: list[tuple[int, int]] = []
    owned: list[tuple[int, int]] = []
    for match in _TECHNICAL.finditer(text):
        span = match.span()
        mine = _is_owned(text, *span, languages, generic=False)
        (owned if mine else technical).append(span)
    # A person named near a number or a code may own it.
    people = [(f.start, f.end) for f in findings if f.entity == "PERSON"]
    kept: list[Finding] = []
    for finding in findings:
        start, end = finding.start, finding.end
        if any(low <= start and end <= high for low, high in technical):
            continue
        if finding.source in MODEL_SOURCES and _is_technical(
            text, finding, languages, people
        ):
            continue
        if finding.source in MODEL_SOURCES:
            start, end = _code_span(text, start, end, languages)
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
        kept.append(_whole_token(finding, owned))
    return kept


def _whole_token(finding: Finding, owned: Sequence[tuple[int, int]]) -> Finding:
    """``finding`` widened to the whole UUID or hash it is part of, when an
    owner names that token ("advertising_id=550e8400-..."): a model reads
    such a token in pieces, and a piece left out is a piece in clear."""
    for low, high in owned:
        if low < finding.end and finding.start < high:
            start, end = min(low, finding.start), max(high, finding.end)
            return dataclasses.replace(finding, start=start, end=end)
    return finding


def _code_span(
    text: str, start: int, end: int, languages: Sequence[str]
) -> tuple[int, int]:
    """The whole code a model's finding is part of ("KAF" of
    "KAF-2281-BLK"), without a negative word the model took in with it
    ("sku KAF-2281-BLK"); the finding itself when that is no code."""
    negative = context_pattern("number_negative", tuple(languages))
    lead = negative.match(text, start, end) if negative is not None else None
    low = start
    if lead is not None:
        low = lead.end()
        while low < end and text[low].isspace():
            low += 1
    high = end
    while low > 0 and _CODE_CHAR.match(text, low - 1):
        low -= 1
    while high < len(text) and _CODE_CHAR.match(text, high):
        high += 1
    if low < high and _CODE.fullmatch(text, low, high):
        return low, high
    return start, end


def before_unit(text: str, end: int) -> bool:
    """Whether a unit ("ns", "ms", "bytes", "MB") follows ``end``: one that
    is no title or initial before a name ("ms Okafor", "MB. Okafor")."""
    unit = _UNIT_AFTER.match(text, end)
    if unit is None:
        return False
    if unit.group().strip() in _UNIT_WORDS:
        return True
    capital = _CAPITAL_AFTER.match(text, unit.end())
    return capital is None or not text[capital.end()].isupper()


def is_personal_number(digits: str) -> bool:
    """Whether bare ``digits`` are a telephone number (see
    :func:`~gdprgate.detect.patterns.phone.is_phone_number`) or a national
    identifier its checksum or birth date accepts (PESEL, CPR,
    personnummer, BSN, ...): never a quantity or a time, whatever key or
    unit stands near."""
    return is_phone_number(digits) or any(
        recognizer.validate(digits) for recognizer in _NATIONAL_IDS
    )


def _is_technical(
    text: str,
    finding: Finding,
    languages: Sequence[str],
    people: Sequence[tuple[int, int]],
) -> bool:
    """A model's finding that is a piece of punctuation, a port, a Unix
    time or quantity after its key or before its unit, or lies inside a
    lower-case hexadecimal token (see :func:`drop_plain_numbers`)."""
    start, end = finding.start, finding.end
    value = text[start:end]
    if not any(char.isalnum() for char in value):
        return True
    port = _PORT.fullmatch(value)
    if port is not None and int(port.group(1)) <= 65535:
        return True
    if value.isdigit() and _is_quantity(text, start, end, languages, people):
        return True
    return _in_hex_token(text, finding, languages)


def _is_quantity(
    text: str,
    start: int,
    end: int,
    languages: Sequence[str],
    people: Sequence[tuple[int, int]],
) -> bool:
    """Digits after a key that names a time or a quantity ("event_ts=",
    "offset"), before a unit ("ns", "bytes"), or a Unix time that ends a
    dotted token ("GA1.2.1234567890.1772446272"); never a phone number or
    a national ID (:func:`is_personal_number`), nor near a phone word, an
    owner ("customer", "Kunde") or a person's name."""
    if (
        has_context(text, start, end, "phone_label", languages, (4, 2))
        or _is_owned(text, start, end, languages)
        or _near_person(text, start, end, people)
        or is_personal_number(text[start:end])
    ):
        return False
    if before_unit(text, end):
        return True
    unix_time = _UNIX_TIME.match(text[start:end]) is not None
    if (
        unix_time
        and start >= 2
        and text[start - 1] == "."
        and text[start - 2].isalnum()
    ):
        return True
    key = _KEY_BEFORE.search(text, max(0, start - 48), start)
    if key is None:
        return False
    parts = [part.lower() for part in _KEY_PARTS.findall(key.group(1))]
    if not parts:
        return False
    names = set(parts)
    if not (len(parts) > 1 or ":" in key.group(2) or "=" in key.group(2)):
        names &= _STRONG_KEYS
    return bool(names & _QUANTITY_KEYS or (unix_time and names & _TIME_KEYS))


def _in_hex_token(text: str, finding: Finding, languages: Sequence[str]) -> bool:
    """An identifier inside a lower-case hexadecimal token that says it is
    technical (see :func:`~gdprgate.detect.hex_tokens.technical_hex`), with
    no word for the model's type, no owner and no personal key
    ("advertising_id", "Kundennr", "loyalty card", "session") near it.

    A name near it does not count: a token with no technical evidence is
    kept anyway, and a commit's hash is no one's ("9e8f7a6 Bump redis",
    where a model reads "redis" as a name)."""
    start, end = finding.start, finding.end
    if finding.entity in _NAMED:
        return False
    low = start
    while low > 0 and text[low - 1] in "0123456789abcdef":
        low -= 1
    token = _HEX_TOKEN.match(text, low)
    if token is None or token.end() < end:
        return False
    high = token.end()
    key = _HEX_CONTEXT.get(finding.entity)
    if key is not None and has_context(text, low, high, key, languages):
        return False
    if _is_owned(text, low, high, languages, generic=False) or PERSONAL_KEY.search(
        text, *window(text, low, high, *OWNER_WINDOW)
    ):
        return False
    return technical_hex(text, low, high)


def _near_person(
    text: str, start: int, end: int, people: Sequence[tuple[int, int]]
) -> bool:
    """Whether a person's name found in the text stands near the span."""
    low, high = window(text, start, end, *OWNER_WINDOW)
    return any(a < high and low < b and (a, b) != (start, end) for a, b in people)


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


def _is_owned(
    text: str,
    start: int,
    end: int,
    languages: Sequence[str],
    generic: bool = True,
) -> bool:
    """An owner word near the value and no negative word nearer to it: a
    user's or customer's UUID is an online identifier ("user_id:
    550e8400-..."). ``generic=False`` does not count a bare "id": a
    record's key, not a person's."""
    negative = _nearest(text, start, end, "number_negative", languages, WINDOW)
    owner = _nearest(
        text,
        start,
        end,
        "number_owner",
        languages,
        OWNER_WINDOW,
        negative.spans if negative is not None else (),
        frozenset() if generic else _GENERIC_OWNERS,
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
    ignored: frozenset[str] = frozenset(),
) -> _Nearest | None:
    """The phrases of ``key`` within ``size`` words of the span, less those
    inside one of the ``inside`` spans and those ``ignored`` (lower case);
    ``None`` when there are none."""
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
        and match.group().lower() not in ignored
    ]
    if not spans:
        return None
    distance = min(start - b if b <= start else a - end for a, b in spans)
    return _Nearest(distance, spans)
