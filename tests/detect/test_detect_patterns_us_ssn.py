"""US social security numbers: issuable area, group and serial.

Every number is synthetic; spans are exact.
"""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns.phone import PhoneRecognizer
from gdprgate.detect.patterns.us_ssn import UsSsnRecognizer
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    ("SSN: 219-09-9999.", ["219-09-9999"]),
    ("social security number 219 09 9999", ["219 09 9999"]),
    ("my ssn is 536221234", ["536221234"]),
    ("see 536-22-1234 attached", ["536-22-1234"]),
    ("order ref 536-22-1234", []),
    ("SSN 000-12-3456", []),
    ("SSN 666-12-3456", []),
    ("SSN 912-34-5678", []),
    ("SSN 219-00-9999", []),
    ("SSN 219-09-0000", []),
    ("SSN 219-09 9999", []),
    ("number 536221234", []),
    ("SSN 1219-09-99999", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_us_ssn_spans(text: str, values: list[str]) -> None:
    """3-2-4 numbers that could be issued; bare nine digits need a word."""
    assert reported(UsSsnRecognizer(), text) == spans_of(text, values)


def test_ssn_shaped_number_is_not_a_phone() -> None:
    """The phone recognizer leaves a 3-2-4 number near "SSN" to the SSN one."""
    assert reported(PhoneRecognizer(), "SSN 078-05-1121") == []
