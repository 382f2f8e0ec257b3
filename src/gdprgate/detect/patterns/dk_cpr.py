"""Danish personal identification numbers (CPR-nummer)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.dk import cpr

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    PatternRecognizer,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# DDMMYY, a dash and four digits: "010190-1234".
_CPR = number_pattern(r"\d{6}-?\d{4}")


class DkCprRecognizer(PatternRecognizer):
    """A CPR number with a real birth date in the past.

    CPR numbers have had no check digit since 2007, so only the date is
    checked and a bare number needs a context word.
    """

    name = "dk_cpr"
    entity = "DK_CPR"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_CPR,)
    starts_at = Start.DIGIT
    explanation = "a birth date DDMMYY and four digits"
    context = "dk_cpr"
    negative = "negative"

    def validate(self, value: str) -> bool:
        """The stdnum CPR check (a real date, not in the future)."""
        return cpr.is_valid(value)

    def base_score(self, value: str) -> float:
        """With its dash, or bare (needs context)."""
        return FORMAT_SCORE if "-" in value else CONTEXT_NEEDED_SCORE
