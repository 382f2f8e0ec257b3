"""Calendar dates written in the eight context languages, parsed to a date.

Shared by :mod:`gdprgate.detect.patterns.date_of_birth` and
:mod:`gdprgate.detect.patterns.date_time`; not a recognizer.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence

from gdprgate.detect.patterns.base import matches_at

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janv janvier enero ene gennaio gen januari "
        "stycznia styczeń janeiro",
        "february feb februar févr février fevrier febrero febbraio februari "
        "lutego luty fevereiro fev",
        "march mar märz maerz mars marzo maart marca marzec março marco",
        "april apr avril avr abril aprile kwietnia kwiecień",
        "may mai mayo maggio mei maja maj maio",
        "june jun juni juin junio giugno czerwca czerwiec junho",
        "july jul juli juil juillet julio luglio lipca lipiec julho",
        "august aug août aout agosto ago augustus augusti sierpnia sierpień",
        "september sep sept septembre septiembre settembre set września "
        "wrzesień setembro",
        "october oct okt oktober octobre octubre ottobre ott oktober "
        "października październik outubro out",
        "november nov novembre noviembre listopada listopad novembro",
        "december dec dez dezember décembre decembre diciembre dic dicembre "
        "grudnia grudzień dezembro",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

MONTH_NAMES = frozenset(_MONTHS)
# Months in Roman numerals, as Polish, Italian and Spanish forms write them
# ("12 IV 1955", "4-III-1980"); a form filled in by hand or read by OCR
# spaces its slashes ("29 / 04 / 1987"). On 186 hand-written letters and
# forms (fictional), these were the 2 dates of birth left whole.
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_MONTHS = {numeral: number for number, numeral in enumerate(_ROMAN, start=1)}
_ROMAN_MONTH = "|".join(sorted(_ROMAN, key=len, reverse=True))
# "V" is a volt and "X" a times sign as well: "Akku 12 V 2000 mAh",
# "Staffel 4 X 1500 m" are no dates. A Roman month needs a year of 1800 to
# 2099 and no unit after it (the Polish "r.", for "rok", may follow).
_UNIT_AFTER = (
    r"\ ?(?-i:m|mm|cm|km|g|mg|kg|t|W|kW|Wh|kWh|V|A|mA|Ah|mAh|Hz|MHz|l|ml|s|ms"
    r"|rpm|lm|K)(?!\w)"
)
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
DATE_PATTERN = re.compile(
    rf"""
    (?<![\w./-])
    (?:
      (?P<d1>\d{{1,2}})(?P<s>[./-])(?P<m1>\d{{1,2}})(?P=s)(?P<y1>\d{{4}}|\d{{2}})
    | (?P<y2>\d{{4}})(?P<s2>[-/.])(?P<m2>\d{{2}})(?P=s2)(?P<d2>\d{{2}})
    | (?P<d3>\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?(?:\ (?:de\ |of\ )?|-)
      (?P<m3>{_MONTH_NAME})(?:\.?,?\ (?:del?\ )?|-)(?P<y3>\d{{4}})
    | (?=[^\W\d_]{{3,12}}\.?\ \d)  # cheap look first: a word, then a number
      (?P<m4>{_MONTH_NAME})\.?\ (?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\ (?P<y4>\d{{4}})
    | (?P<d5>\d{{1,2}})\ (?P<s5>[./-])\ (?P<m5>\d{{1,2}})\ (?P=s5)\ (?P<y5>\d{{4}})
    | (?P<d6>\d{{1,2}})[.\ -]\ ?(?-i:(?P<m6>{_ROMAN_MONTH}))[.\ -]\ ?
      (?P<y6>(?:1[89]|20)\d\d)(?!{_UNIT_AFTER})
    )
    (?!(?!T[0-9]{{2}}:)\w|[./-]\d)  # a time may follow: 1990-05-15T00:00
    """,
    re.VERBOSE | re.IGNORECASE,
)


# Up to twelve word characters that end where the search ends.
_WORD_BEFORE = re.compile(r"\w{1,12}\Z")


def date_starts(text: str, digit_starts: Sequence[int]) -> list[int]:
    """Every offset where a :data:`DATE_PATTERN` match may begin, in order.

    ``digit_starts`` are the digits with no word character before them,
    where the numeric layouts begin. A month name begins the word that
    ends one space (and perhaps a dot) before such a digit.
    """
    starts = set(digit_starts)
    for digit in digit_starts:
        if digit < 4 or text[digit - 1] != " ":
            continue
        end = digit - 2 if text[digit - 2] == "." else digit - 1
        word = _WORD_BEFORE.search(text, max(0, end - 12), end)
        if word is not None:
            starts.add(word.start())
    return sorted(starts)


def real_dates(
    text: str, digit_starts: Sequence[int]
) -> Iterator[tuple[re.Match[str], datetime.date]]:
    """Each :data:`DATE_PATTERN` match of ``text`` that names a real
    calendar date, with the date (``digit_starts`` as for
    :func:`date_starts`)."""
    for match in matches_at(DATE_PATTERN, text, date_starts(text, digit_starts)):
        date = parse_date(match)
        if date is not None:
            yield match, date


def parse_date(match: re.Match[str]) -> datetime.date | None:
    """The date a :data:`DATE_PATTERN` match names, or ``None`` if unreal."""
    for suffix in "123456":
        day = match.group(f"d{suffix}")
        if day is None:
            continue

        month_text = match.group(f"m{suffix}")
        # casefold: the patterns ignore case, so "ſept" (long s) matched.
        month = (
            _MONTHS.get(month_text.casefold())
            or _ROMAN_MONTHS.get(month_text)
            or int(month_text)
        )
        year = int(match.group(f"y{suffix}"))
        if year < 100:
            year += 1900 if year > datetime.date.today().year % 100 else 2000
        slash = "/" in (match.group("s"), match.group("s5"))
        return _real_date(year, month, int(day), us_order=slash)
    return None


def _real_date(year: int, month: int, day: int, us_order: bool) -> datetime.date | None:
    """The date, or ``None``; slashed dates may be American (month first).

    "05/15/1990" has no 15th month, so it is read as May 15; a date that
    is real both ways ("05/06/1990") is read day first, as in Europe.
    """
    try:
        return datetime.date(year, month, day)
    except ValueError:
        pass
    if not us_order or month <= 12:
        return None
    try:
        return datetime.date(year, day, month)
    except ValueError:
        return None
