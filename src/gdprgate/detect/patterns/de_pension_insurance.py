"""German pension insurance numbers (Rentenversicherungsnummer)."""

from __future__ import annotations

import datetime
import re
from typing import ClassVar

from gdprgate.detect.patterns.base import PatternRecognizer, compact, number_pattern
from gdprgate.detect.patterns.scan import Start

# Area (2 digits), birth date DDMMYY, the first letter of the birth name,
# a serial number (2 digits) and a check digit: "12 150380 S 003".
_RVNR = number_pattern(r"\d{2}\ ?\d{6}\ ?[A-Z]\ ?\d{3}")
_WEIGHTS = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)


def rvnr_check_digit(number: str) -> int:
    """The check digit of the first eleven characters of ``number``."""
    letter = ord(number[8]) - ord("A") + 1
    digits = number[:8] + f"{letter:02d}" + number[9:11]
    total = sum(
        sum(divmod(int(d) * w, 10)) for d, w in zip(digits, _WEIGHTS, strict=True)
    )
    return total % 10


def rvnr_ok(number: str) -> bool:
    """A valid area, birth date and check digit."""
    if len(number) != 12 or not number[8].isalpha():
        return False
    day, month = int(number[2:4]), int(number[4:6])
    # Day + 50 marks a second number issued for the same date.
    day = day - 50 if day > 50 else day
    try:
        datetime.date(2000, month, day)
    except ValueError:
        return False
    return rvnr_check_digit(number) == int(number[11])


class DePensionInsuranceRecognizer(PatternRecognizer):
    """A Rentenversicherungsnummer with a real date and check digit."""

    name = "de_pension_insurance"
    entity = "DE_PENSION_INSURANCE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_RVNR,)
    starts_at = Start.DIGIT
    explanation = "area, birth date, letter, serial and a weighted check digit"
    context = "de_pension"

    def validate(self, value: str) -> bool:
        """The date and the weighted digit-sum check."""
        return rvnr_ok(compact(value))
