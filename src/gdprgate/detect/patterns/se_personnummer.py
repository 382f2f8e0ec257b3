"""Swedish personal identity numbers (personnummer, samordningsnummer)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.se import personnummer

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    PatternRecognizer,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# (CC)YYMMDD, a dash (a plus from the age of 100) and four digits; forms
# and phone-style writing put a space there instead ("850709 9003").
_PNR = number_pattern(r"(?:19|20)?\d{6}[-+\ ]\d{4}|(?:19|20)?\d{10}")


class SePersonnummerRecognizer(PatternRecognizer):
    """A personnummer with a real date and a valid Luhn check digit."""

    name = "se_personnummer"
    entity = "SE_PERSONNUMMER"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_PNR,)
    starts_at = Start.DIGIT
    explanation = "a birth date, a serial and a Luhn check digit"
    context = "se_personnummer"
    negative = "negative"

    def validate(self, value: str) -> bool:
        """The stdnum personnummer check (a space read as the dash)."""
        return personnummer.is_valid(value.replace(" ", "-"))

    def base_score(self, value: str) -> float:
        """With its dash or plus as Swedes write it; bare or with a space
        (a phone number's look) it needs context."""
        if "-" in value or "+" in value:
            return FORMAT_SCORE
        return CONTEXT_NEEDED_SCORE
