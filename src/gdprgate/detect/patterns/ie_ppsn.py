"""Irish personal public service numbers (PPSN)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.ie import pps

from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Start

# Seven digits, a check letter and optionally W, T, X or A-B: "1234567TW".
_PPS = re.compile(r"(?<![\w-])\d{7}[A-W][ABWTX]?(?![\w-])", re.IGNORECASE)


class IePpsnRecognizer(PatternRecognizer):
    """A PPSN whose mod-23 check letter holds."""

    name = "ie_ppsn"
    entity = "IE_PPSN"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_PPS,)
    starts_at = Start.DIGIT
    explanation = "7 digits and a mod-23 check letter"
    context = "ie_ppsn"
    negative = "negative"
    score_without_context = FORMAT_SCORE

    def validate(self, value: str) -> bool:
        """The stdnum PPS check."""
        return pps.is_valid(value.upper())
