"""US social security numbers: "078-05-1121" style, with validity rules.

An SSN has no check digit, but the Social Security Administration never
issues some numbers: area 000, 666 or 900-999, group 00, serial 0000.
"""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    VALIDATED_SCORE,
    PatternRecognizer,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Area, group and serial, split by one kind of separator or written bare.
_SSN = number_pattern(r"\d{3}([-\ ])\d{2}\1\d{4}|\d{9}")
_DIGITS = re.compile(r"\d")


def ssn_issuable(digits: str) -> bool:
    """Whether nine digits obey the area, group and serial rules."""
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area in ("000", "666") or area[0] == "9":
        return False
    if group == "00" or serial == "0000":
        return False
    # Long runs of one digit and the advertised sample numbers are not real.
    return len(set(digits)) > 1 and digits not in ("123456789", "078051120")


class UsSsnRecognizer(PatternRecognizer):
    """A nine-digit number that the SSA could have issued.

    Written 3-2-4 with dashes or spaces it is a strong format (0.85); bare
    nine digits need a context word ("SSN", "social security").
    """

    name = "us_ssn"
    entity = "US_SSN"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_SSN,)
    starts_at = Start.DIGIT
    explanation = "3-2-4 digits with an issuable area, group and serial"
    whole_match = True
    context = "us_ssn"
    negative = "negative"
    score = VALIDATED_SCORE

    def validate(self, value: str) -> bool:
        """Area not 000, 666 or 9xx; group not 00; serial not 0000."""
        return ssn_issuable("".join(_DIGITS.findall(value)))

    def base_score(self, value: str) -> float:
        """Grouped 3-2-4, or bare nine digits (needs context)."""
        return CONTEXT_NEEDED_SCORE if value.isdigit() else FORMAT_SCORE
