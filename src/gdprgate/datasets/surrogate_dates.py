"""Fake dates that keep the format of the original.

A numeric date (``2021-03-04``, ``04.03.2021``, ``3/4/21``) is moved by a
random number of days (1 to 365, either way) and written in the same order,
separators and widths. A written-out date (``4 March 2021``) is moved the
same way when it names its day, month and year, and written with the month
name of the same language and form; else its month names become other names
of the same language, days other days and years other years near them. A
month name that several languages share ("mai", "marzo", "april") is read in
the record's language when that language has it. A weekday name becomes the
weekday of the new date in its language ("mardi 3 mars 1987" -> "jeudi 27
août 1987"). Anything else becomes an ISO date.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

# A numeric date, alone or before a time ("2024-05-01T12:34:56Z",
# "01.05.2024 12:34"): the time is kept as written.
_NUMERIC = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?=$|[T\s,])")
# A number of a time ("12:34"): never read as a day, month or year.
_TIME_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?=:)|(?<=:)\d{1,2}(?!\d)")
# Draws of a shift until an ambiguous date stays valid in both readings.
_AMBIGUOUS_DRAWS = 100

# Month names per language, each form a group of twelve (Finnish and Polish
# write dates with the partitive and genitive forms).
_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "january february march april may june july august september "
        "october november december",
    ),
    "de": (
        "januar februar märz april mai juni juli august september oktober "
        "november dezember",
    ),
    "fr": (
        "janvier février mars avril mai juin juillet août septembre octobre "
        "novembre décembre",
    ),
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre "
        "octubre noviembre diciembre",
    ),
    "it": (
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre "
        "ottobre novembre dicembre",
    ),
    "nl": (
        "januari februari maart april mei juni juli augustus september "
        "oktober november december",
    ),
    "pt": (
        "janeiro fevereiro março abril maio junho julho agosto setembro "
        "outubro novembro dezembro",
    ),
    "sv": (
        "januari februari mars april maj juni juli augusti september "
        "oktober november december",
    ),
    "da": (
        "januar februar marts april maj juni juli august september oktober "
        "november december",
    ),
    "fi": (
        "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu "
        "elokuu syyskuu lokakuu marraskuu joulukuu",
        "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta "
        "heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
    ),
    "pl": (
        "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień "
        "październik listopad grudzień",
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września "
        "października listopada grudnia",
    ),
}
# Weekday names per language, Monday first.
_WEEKDAYS: dict[str, str] = {
    "en": "monday tuesday wednesday thursday friday saturday sunday",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "pt": (
        "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo"
    ),
    "sv": "måndag tisdag onsdag torsdag fredag lördag söndag",
    "da": "mandag tirsdag onsdag torsdag fredag lørdag søndag",
    "fi": "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai",
    "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela",
}
# Each month name: the languages and groups it is in.
_MONTH_GROUPS: dict[str, list[tuple[str, list[str]]]] = {}
for _language, _forms in _MONTHS.items():
    for _form in _forms:
        for _name in _form.split():
            _MONTH_GROUPS.setdefault(_name, []).append((_language, _form.split()))
_WEEKDAY_NAMES = {
    name: names.split() for names in _WEEKDAYS.values() for name in names.split()
}
_WORD = re.compile(r"\w+(?:-feira)?")
# A weekday name with its comma and blanks, right before a date.
_WEEKDAY_BEFORE = re.compile(r"(?<!\w)(\w+(?:-feira)?),?[ \t\u00a0]+\Z")
_WEEKDAY_FIRST = re.compile(r"\A(\w+(?:-feira)?),?[ \t\u00a0]+(?=\S)")


def fake_date(value: str, rng: random.Random, language: str = "en") -> str:
    """A different date written like ``value``, in a text of ``language``."""
    text = value.strip()
    numeric = _NUMERIC.match(text)
    if numeric is not None:
        read = _read_numeric(numeric)
        if read is not None:
            moved = _moved_numeric(numeric, read[0], rng)
            new = _write_numeric(numeric, read, moved) + text[numeric.end() :]
            return value.replace(text, new)
    groups = _month_groups(value, language)
    written = _move_written(value, groups, rng)
    if written is None:
        times = {m.start() for m in _TIME_NUMBER.finditer(value)}
        written = _WORD.sub(
            lambda m: (
                m.group(0)
                if m.start() in times
                else _other_word(m.group(0), groups, rng)
            ),
            value,
        )
    if written != value:
        return _true_weekday(written, groups)
    day = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 60))
    return day.isoformat()


def is_numeric_date(value: str) -> bool:
    """Whether ``value`` is a valid numeric date ("03/03/1987", with or
    without a time)."""
    numeric = _NUMERIC.match(value.strip())
    return numeric is not None and _read_numeric(numeric) is not None


def weekday_before(text: str, start: int) -> int:
    """Where a weekday name (and its comma and blanks) that ends right at
    ``start`` begins; ``start`` when there is none."""
    match = _WEEKDAY_BEFORE.search(text, max(0, start - 24), start)
    if match is None or match.group(1).casefold() not in _WEEKDAY_NAMES:
        return start
    return match.start()


def split_weekday(value: str) -> tuple[str, str]:
    """``value`` as its leading weekday name with what follows it, and the
    rest: ("mardi ", "3 mars 1987"); ("", value) without one."""
    match = _WEEKDAY_FIRST.match(value)
    if match is None or match.group(1).casefold() not in _WEEKDAY_NAMES:
        return "", value
    if not any(char.isdigit() for char in value[match.end() :]):
        return "", value
    return match.group(0), value[match.end() :]


def with_weekday(head: str, fake: str, language: str = "en") -> str:
    """``head`` (from :func:`split_weekday`) with its weekday made that of
    the date ``fake``, before it; a day chosen by ``fake`` when it names no
    whole date."""
    word = _WORD.match(head)
    if word is None:
        return head + fake
    day = _read_date(fake, _month_groups(fake, language))
    number = day.weekday() if day is not None else random.Random(fake).randrange(7)
    name = _cased(word.group(0), _WEEKDAY_NAMES[word.group(0).casefold()][number])
    return name + head[word.end() :] + fake


def _shift(rng: random.Random) -> timedelta:
    return timedelta(days=rng.randint(1, 365) * rng.choice((-1, 1)))


def _moved_numeric(match: re.Match[str], day: date, rng: random.Random) -> date:
    """``day`` moved by some days; a date with "/" or "-" whose day and
    month could be read either way ("03/04/1999") is moved to a day of 12
    or less, so the fake is a valid date in both readings."""
    first, sep, middle, _ = match.groups()
    moved = day + _shift(rng)
    ambiguous = len(first) <= 2 and sep in "/-" and int(first) <= 12
    if not ambiguous or int(middle) > 12:
        return moved
    for _ in range(_AMBIGUOUS_DRAWS):
        if moved.day <= 12:
            return moved
        moved = day + _shift(rng)
    return moved.replace(day=moved.day % 12 + 1)


def _read_numeric(match: re.Match[str]) -> tuple[date, str, bool] | None:
    """The date of a numeric match, its order and whether its year is short."""
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
        return date(year, month, day), order, short_year
    except ValueError:
        return None


def _write_numeric(
    match: re.Match[str], read: tuple[date, str, bool], moved: date
) -> str:
    first, sep, middle, last = match.groups()
    _, order, short_year = read
    values = {"y": moved.year % 100 if short_year else moved.year}
    values |= {"m": moved.month, "d": moved.day}
    widths = dict(zip(order, (len(first), len(middle), len(last)), strict=True))
    return sep.join(f"{values[part]:0{widths[part]}d}" for part in order)


def _month_groups(text: str, language: str) -> dict[str, list[str]]:
    """Each month name of ``text`` with the group it is read in: that of
    ``language`` where it has the name, else of the language that shares
    the most of the text's names."""
    words = [m.group(0).casefold() for m in _WORD.finditer(text)]
    votes: dict[str, int] = {}
    for word in words:
        for lang, _ in _MONTH_GROUPS.get(word, ()):
            votes[lang] = votes.get(lang, 0) + 1
        for lang, names in _WEEKDAYS.items():
            if word in names.split():
                votes[lang] = votes.get(lang, 0) + 1
    chosen: dict[str, list[str]] = {}
    for word in words:
        entries = _MONTH_GROUPS.get(word)
        if entries:
            ranked = sorted(
                entries, key=lambda e: (e[0] != language, -votes.get(e[0], 0))
            )
            chosen[word] = ranked[0][1]
    return chosen


def _move_written(
    value: str, groups: dict[str, list[str]], rng: random.Random
) -> str | None:
    """``value`` moved by some days, when it names its day, month and year."""
    found: dict[str, re.Match[str]] = {}
    for match in _WORD.finditer(value):
        word = match.group(0)
        if word.casefold() in groups and "m" not in found:
            found["m"] = match
        elif word.isdigit() and len(word) == 4 and "y" not in found:
            found["y"] = match
        elif word.isdigit() and len(word) <= 2 and "d" not in found:
            found["d"] = match
    if len(found) < 3:
        return None
    names = groups[found["m"].group(0).casefold()]
    month = names.index(found["m"].group(0).casefold()) + 1
    try:
        original = date(int(found["y"].group(0)), month, int(found["d"].group(0)))
    except ValueError:
        return None
    moved = original + _shift(rng)
    day = found["d"].group(0)
    words = {
        "y": str(moved.year),
        "m": _cased(found["m"].group(0), names[moved.month - 1]),
        "d": f"{moved.day:0{len(day)}d}",
    }
    out = value
    for part, match in sorted(found.items(), key=lambda i: -i[1].start()):
        out = out[: match.start()] + words[part] + out[match.end() :]
    return out


def _read_date(text: str, groups: dict[str, list[str]]) -> date | None:
    numeric = _NUMERIC.match(text.strip())
    if numeric is not None:
        read = _read_numeric(numeric)
        return None if read is None else read[0]
    day = month = year = None
    for match in _WORD.finditer(text):
        word = match.group(0)
        low = word.casefold()
        if low in groups and month is None:
            month = groups[low].index(low) + 1
        elif word.isdigit() and len(word) == 4 and year is None:
            year = int(word)
        elif word.isdigit() and len(word) <= 2 and day is None:
            day = int(word)
    if day is None or month is None or year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _true_weekday(text: str, groups: dict[str, list[str]]) -> str:
    """``text`` with its weekday name made that of its day, month and
    year, when it names all four ("Tuesday, 5 March 1991" is a Tuesday)."""
    weekday = next(
        (m for m in _WORD.finditer(text) if m.group(0).casefold() in _WEEKDAY_NAMES),
        None,
    )
    if weekday is None:
        return text
    day = _read_date(text, groups)
    if day is None:
        return text
    word = weekday.group(0)
    name = _cased(word, _WEEKDAY_NAMES[word.casefold()][day.weekday()])
    return text[: weekday.start()] + name + text[weekday.end() :]


def _cased(original: str, name: str) -> str:
    if original.isupper() and len(original) > 1:
        return name.upper()
    return name.capitalize() if original[:1].isupper() else name


def _other_word(word: str, groups: dict[str, list[str]], rng: random.Random) -> str:
    names = groups.get(word.casefold()) or _WEEKDAY_NAMES.get(word.casefold())
    if names is not None:
        return _cased(word, rng.choice([n for n in names if n != word.casefold()]))
    if word.isdigit() and len(word) == 4 and 1000 <= int(word) <= 2999:
        return str(int(word) + rng.choice((-3, -2, -1, 1, 2, 3)))
    if word.isdigit() and len(word) <= 2 and 1 <= int(word) <= 31:
        return f"{rng.randint(1, 28):0{len(word)}d}"
    return word


def widen_weekdays(
    text: str, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``spans`` with each date's span begun at a weekday name right before
    it ("mardi 3 mars 1987"), so the weekday is changed with the date."""
    out: list[tuple[int, int, str]] = []
    for start, end, entity in spans:
        if entity in {"DATE_TIME", "DATE_OF_BIRTH"}:
            floor = out[-1][1] if out else 0
            start = max(floor, weekday_before(text, start))
        out.append((start, end, entity))
    return out
