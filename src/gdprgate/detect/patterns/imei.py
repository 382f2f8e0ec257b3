"""Mobile device identities (IMEI)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum import imei

from gdprgate.detect.patterns.base import (
    FORMAT_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Fifteen digits, bare, as 2-6-6-1 ("35-209900-176148-1") or as the type
# code, serial and check digit that phone boxes print ("35209900-176148-1").
_IMEI = number_pattern(r"\d{2}([\ -]?)\d{6}\1\d{6}\1\d|\d{8}([\ -])\d{6}\2\d")


class ImeiRecognizer(PatternRecognizer):
    """A fifteen-digit IMEI whose Luhn check digit holds."""

    name = "imei"
    entity = "IMEI"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_IMEI,)
    starts_at = Start.DIGIT
    explanation = "15 digits with a Luhn check digit"
    whole_match = True
    context = "imei"
    negative = "negative"
    score_without_context = FORMAT_SCORE

    def validate(self, value: str) -> bool:
        """Exactly fifteen digits and the stdnum IMEI (Luhn) check."""
        digits = compact(value)
        return len(digits) == 15 and imei.is_valid(digits)
