"""National numbers of the smaller regions, read next to a telephone word."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns.phone import PhoneRecognizer
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    # Danish and Norwegian numbers have no trunk "0": eight digits in pairs.
    ("Ring på 20 12 34 56.", ["20 12 34 56"]),
    ("Mit nye nummer er 31 45 67 89", ["31 45 67 89"]),
    ("tlf. 40 55 66 77, mobil", ["40 55 66 77"]),
    ("Ring meg på 412 34 567 i kveld", ["412 34 567"]),
    # Portuguese and Finnish numbers in their national groups.
    ("telefone fixo 229 876 543", ["229 876 543"]),
    ("puh. 09 3104 7788", ["09 3104 7788"]),
    # Without a telephone word, or written bare, they stay numbers.
    ("Kode 12 34 56 78 i ordren", []),
    ("Bestellnummer 20123456", []),
    ("Rechnung 45 67 89 12 vom Mai", []),
    # An order or case word labels the run: the telephone word near it
    # speaks of something else.
    ("Order number 20 12 34 56 has shipped.", []),
    ("Ring til os på hverdage; sagsnummer 20 12 34 56.", []),
    ("Ordrenummer: 20 12 34 56, ring på tlf. 30 12 34 56", ["30 12 34 56"]),
    ("Call me about the order at 20 12 34 56", ["20 12 34 56"]),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_phone_spans_of_smaller_regions(text: str, values: list[str]) -> None:
    """A grouped number of a smaller region is a phone next to a phone word."""
    assert reported(PhoneRecognizer(), text) == spans_of(text, values)
