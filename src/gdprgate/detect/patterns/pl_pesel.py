"""Polish personal identification numbers (PESEL)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.pl import pesel

from gdprgate.detect.patterns.base import WEAK_SCORE, PatternRecognizer, number_pattern
from gdprgate.detect.patterns.scan import Start

# Eleven digits: birth date YYMMDD (century in the month), serial, check.
_PESEL = number_pattern(r"\d{11}")


class PlPeselRecognizer(PatternRecognizer):
    """A PESEL with a real birth date and a valid weighted check digit."""

    name = "pl_pesel"
    entity = "PL_PESEL"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_PESEL,)
    starts_at = Start.DIGIT
    explanation = "11 digits with an encoded birth date and a mod-10 check"
    context = "pl_pesel"
    negative = "negative"
    score_without_context = WEAK_SCORE

    def validate(self, value: str) -> bool:
        """The stdnum PESEL check (date and check digit)."""
        return pesel.is_valid(value)
