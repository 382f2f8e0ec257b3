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

# (CC)YYMMDD, a dash (a plus from the age of 100) and four digits.
_PNR = number_pattern(r"(?:19|20)?\d{6}[-+]\d{4}|(?:19|20)?\d{10}")


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
        """The stdnum personnummer check."""
        return personnummer.is_valid(value)

    def base_score(self, value: str) -> float:
        """With its dash as Swedes write it, or bare (needs context)."""
        return FORMAT_SCORE if not value.isdigit() else CONTEXT_NEEDED_SCORE
