"""Spanish foreigner identity numbers (NIE)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.es import nie

from gdprgate.detect.patterns.base import PatternRecognizer, compact, number_pattern
from gdprgate.detect.patterns.scan import Start

# X, Y or Z, seven digits and a check letter: "X-1234567-L".
_NIE = number_pattern(r"[XYZ][\ -]?\d{7}[\ -]?[A-Z]")


class EsNieRecognizer(PatternRecognizer):
    """A NIE whose check letter matches."""

    name = "es_nie"
    entity = "ES_NIE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NIE,)
    starts_at = Start.CAPITAL_OR_DIGIT
    explanation = "X/Y/Z, 7 digits and the mod-23 check letter"
    context = "es_nie"

    def validate(self, value: str) -> bool:
        """The stdnum NIE check."""
        return nie.is_valid(compact(value))
