"""Dates of birth with Roman-numeral months and spaced slashes."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns.date_of_birth import DateOfBirthRecognizer
from gdprgate.detect.patterns.date_time import DateTimeRecognizer
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    ("tel. (22) 621 34 56, ur. 12 IV 1955 r.", ["12 IV 1955"]),
    ("ur. 3.XI.1977 w Gdańsku", ["3.XI.1977"]),
    ("nacido el 4-III-1980 en Bilbao", ["4-III-1980"]),
    ("nata il 21 XII 1969 a Bari", ["21 XII 1969"]),
    ("D.O.B.: 29 / 04 / 1987\nPPSN", ["29 / 04 / 1987"]),
    ("né(e) le 05 / 06 / 1990", ["05 / 06 / 1990"]),
    # No month XIII, no 31st of IV; no birth word, no date of birth.
    ("ur. 12 XIII 1955", []),
    ("ur. 31 IV 1955", []),
    ("Chapter 12 IV 1955 of the annals", []),
    ("born 29 / 04 / 87", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_birth_date_layouts(text: str, values: list[str]) -> None:
    """The whole date, in these layouts too, next to a birth word."""
    assert reported(DateOfBirthRecognizer(), text) == spans_of(text, values)


UNIT_CASES: list[tuple[str, list[str]]] = [
    # "V" is a volt and "X" a times sign: a unit after the number says so.
    ("Akku 12 V 2000 mAh, Netzteil 12 V 2000 W", []),
    ("Staffel 4 X 1500 m, Rolle 1 X 2000 m", []),
    # The Polish "r." after the year is no unit.
    ("Ustawa z dnia 10 V 2018 r. o ochronie", ["10 V 2018"]),
    ("wydano 3.XI.1977 w Gdańsku", ["3.XI.1977"]),
]


@pytest.mark.parametrize(("text", "values"), UNIT_CASES)
def test_roman_month_dates_are_no_quantities(text: str, values: list[str]) -> None:
    """A Roman month's date, but no voltage or relay with a unit after it."""
    assert reported(DateTimeRecognizer(), text) == spans_of(text, values)
