"""Fake dates that keep the format of the original.

A numeric date (``2021-03-04``, ``04.03.2021``, ``3/4/21``) is moved by a
random number of days (1 to 365, either way) and written in the same order,
separators and widths. In a written-out date (``4 March 2021``) month
names become other names of the same language, days other days and
four-digit years other years near them, and a weekday name the weekday of
the new date ("Tuesday, 5 March 1991" -> "Thursday, 25 August 1988").
Anything else becomes an ISO date.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

_NUMERIC = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})$")
_MONTHS = (
    "january february march april may june july august september october "
    "november december",
    "januar februar märz april mai juni juli august september oktober "
    "november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre "
    "novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre "
    "noviembre diciembre",
)
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
)
_NAMES: dict[str, list[str]] = {}
for _group in (*_MONTHS, *_WEEKDAYS):
    for _name in _group.split():
        _NAMES.setdefault(_name, _group.split())
_WORD = re.compile(r"\w+")
# Each month name's number, and each weekday name's week (Monday first).
_MONTH_NUMBERS = {
    name: number
    for group in _MONTHS
    for number, name in enumerate(group.split(), start=1)
}
_WEEKDAY_NAMES = {name: group.split() for group in _WEEKDAYS for name in group.split()}


def fake_date(value: str, rng: random.Random) -> str:
    """A different date written like ``value``."""
    text = value.strip()
    numeric = _NUMERIC.match(text)
    if numeric is not None:
        moved = _move_numeric(numeric, rng)
        if moved is not None:
            return value.replace(text, moved)
    written = _WORD.sub(lambda m: _other_word(m.group(0), rng), value)
    if written != value:
        return _true_weekday(written)
    day = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 60))
    return day.isoformat()


def _move_numeric(match: re.Match[str], rng: random.Random) -> str | None:
    first, sep, middle, last = match.groups()
    if len(first) == 4:
        order = "ymd"
        year, month, day = int(first), int(middle), int(last)
    elif sep == "/" and int(first) <= 12 and int(middle) > 12:
        order = "mdy"
        month, day, year = int(first), int(middle), int(last)
    else:
        order = "dmy"
        day, month, year = int(first), int(middle), int(last)
    short_year = len(str(year)) <= 2 and order != "ymd"
    if short_year:
        year += 1900 if year >= 30 else 2000
    try:
        original = date(year, month, day)
    except ValueError:
        return None
    shift = rng.randint(1, 365) * rng.choice((-1, 1))
    moved = original + timedelta(days=shift)
    values = {"y": moved.year % 100 if short_year else moved.year}
    values |= {"m": moved.month, "d": moved.day}
    widths = dict(zip(order, (len(first), len(middle), len(last)), strict=True))
    return sep.join(f"{values[part]:0{widths[part]}d}" for part in order)


def _true_weekday(text: str) -> str:
    """``text`` with its weekday name made that of its day, month and
    year, when it names all four ("Tuesday, 5 March 1991" is a Tuesday)."""
    day = month = year = None
    weekday: re.Match[str] | None = None
    for match in _WORD.finditer(text):
        word = match.group(0)
        low = word.casefold()
        if low in _MONTH_NUMBERS:
            month = _MONTH_NUMBERS[low]
        elif low in _WEEKDAY_NAMES:
            weekday = match
        elif word.isdigit() and len(word) == 4:
            year = int(word)
        elif word.isdigit() and len(word) <= 2:
            day = int(word)
    if weekday is None or None in (day, month, year):
        return text
    try:
        number = date(year, month, day).weekday()  # type: ignore[arg-type]
    except ValueError:
        return text
    word = weekday.group(0)
    name = _WEEKDAY_NAMES[word.casefold()][number]
    name = name.capitalize() if word[:1].isupper() else name
    return text[: weekday.start()] + name + text[weekday.end() :]


def _other_word(word: str, rng: random.Random) -> str:
    names = _NAMES.get(word.casefold())
    if names is not None:
        choice = rng.choice([n for n in names if n != word.casefold()])
        return choice.capitalize() if word[:1].isupper() else choice
    if word.isdigit() and len(word) == 4 and 1000 <= int(word) <= 2999:
        return str(int(word) + rng.choice((-3, -2, -1, 1, 2, 3)))
    if word.isdigit() and len(word) <= 2 and 1 <= int(word) <= 31:
        return f"{rng.randint(1, 28):0{len(word)}d}"
    return word
