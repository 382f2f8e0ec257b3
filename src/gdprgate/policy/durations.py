"""Durations in policy files and on the command line.

Two spellings are accepted: ISO 8601 (``P30D``, ``P1Y6M``, ``PT12H``) and a
short form (``30d``, ``12h``, ``6w``, ``18mo``, ``1y``, ``15min``, ``90s``).
Months count as 30 days and years as 365 days. A bare ``m`` is refused: it
could mean minutes or months, and a retention period must not be ambiguous.
"""

from __future__ import annotations

import re
from datetime import timedelta

_DAY = 86400
_UNITS = {
    "s": 1,
    "min": 60,
    "h": 3600,
    "d": _DAY,
    "w": 7 * _DAY,
    "mo": 30 * _DAY,
    "y": 365 * _DAY,
}

_SHORT = re.compile(r"(?P<number>\d{1,6})\s*(?P<unit>s|min|h|d|w|mo|y)")

_ISO = re.compile(
    r"""
    P
    (?:(?P<y>\d{1,4})Y)?
    (?:(?P<mo>\d{1,5})M)?
    (?:(?P<w>\d{1,5})W)?
    (?:(?P<d>\d{1,6})D)?
    (?:T
        (?:(?P<h>\d{1,6})H)?
        (?:(?P<min>\d{1,7})M)?
        (?:(?P<s>\d{1,9})S)?
    )?
    """,
    re.VERBOSE,
)

_HINT = "use ISO 8601 (P30D, PT12H) or 30d, 12h, 6w, 18mo, 1y, 15min, 90s"


def parse_duration(text: str) -> timedelta:
    """The positive duration ``text`` spells, or ``ValueError``.

    The error message names the accepted forms, never the text given.
    """
    value = text.strip()
    seconds = _short_seconds(value)
    if seconds is None:
        seconds = _iso_seconds(value)
    if seconds is None:
        msg = f"not a duration: {_HINT}"
        raise ValueError(msg)
    if seconds <= 0:
        msg = "a duration must be longer than zero"
        raise ValueError(msg)
    return timedelta(seconds=seconds)


def _short_seconds(value: str) -> int | None:
    match = _SHORT.fullmatch(value)
    if match is None:
        return None
    return int(match["number"]) * _UNITS[match["unit"]]


def _iso_seconds(value: str) -> int | None:
    match = _ISO.fullmatch(value.upper())
    if match is None or value.upper().endswith(("P", "T")):
        return None
    parts = {unit: int(n) for unit, n in match.groupdict().items() if n is not None}
    if not parts:
        return None
    return sum(n * _UNITS[unit] for unit, n in parts.items())
