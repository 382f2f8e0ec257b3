"""NHS numbers (England, Wales and the Isle of Man)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.gb import nhs

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Ten digits, written 3-3-4: "943 476 5919".
_NHS = number_pattern(r"\d{3}([\ -]?)\d{3}\1\d{4}")


class UkNhsRecognizer(PatternRecognizer):
    """An NHS number whose mod-11 check digit holds."""

    name = "uk_nhs"
    entity = "UK_NHS"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NHS,)
    starts_at = Start.DIGIT
    explanation = "10 digits with a weighted mod-11 check digit"
    whole_match = True
    context = "uk_nhs"
    negative = "negative"

    def validate(self, value: str) -> bool:
        """The stdnum NHS check."""
        return nhs.is_valid(compact(value))

    def base_score(self, value: str) -> float:
        """Grouped 3-3-4, or bare ten digits (needs context)."""
        return FORMAT_SCORE if not value.isdigit() else CONTEXT_NEEDED_SCORE
