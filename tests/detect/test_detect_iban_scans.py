"""IBANs with the double spaces of a scanned or pasted form."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns.iban import IbanRecognizer
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    (
        "IBAN :  DE50  5260  1815  9083  0166  13\nMit",
        ["DE50  5260  1815  9083  0166  13"],
    ),
    ("Konto  NL59  RABO  0928  1590  13  bitte", ["NL59  RABO  0928  1590  13"]),
    (
        "IBAN FR13  9378  6579  75A4  3231  9487  574.",
        ["FR13  9378  6579  75A4  3231  9487  574"],
    ),
    # A wrong checksum, or three spaces, make no IBAN without its word.
    ("ref DE51  5260  1815  9083  0166  13", []),
    ("AB  12  CD  34", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_iban_with_double_spaces(text: str, values: list[str]) -> None:
    """The whole IBAN, double spaces and all."""
    assert reported(IbanRecognizer(), text) == spans_of(text, values)
