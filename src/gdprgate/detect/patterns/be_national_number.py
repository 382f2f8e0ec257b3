"""Belgian national register numbers (rijksregisternummer, BIS numbers)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.be import ssn

from gdprgate.detect.patterns.base import (
    VALIDATED_SCORE,
    WEAK_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Birth date YY.MM.DD, serial and check: "85.07.30-033.28", eleven digits,
# or split by spaces or dashes as people type it ("850730-033-28").
_NN = number_pattern(r"\d{2}\.?\d{2}\.?\d{2}[\ .-]?\d{3}[\ .-]?\d{2}")


class BeNationalNumberRecognizer(PatternRecognizer):
    """A national or BIS number with a real date and a mod-97 check."""

    name = "be_national_number"
    entity = "BE_NATIONAL_NUMBER"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NN,)
    starts_at = Start.DIGIT
    explanation = "birth date, serial and a mod-97 check over 11 digits"
    context = "be_national_number"
    negative = "negative"

    def validate(self, value: str) -> bool:
        """The stdnum national number / BIS check."""
        return ssn.is_valid(compact(value))

    def base_score(self, value: str) -> float:
        """Punctuated with dots or dashes, or bare or spaced eleven digits."""
        if "." in value or "-" in value:
            return VALIDATED_SCORE
        return WEAK_SCORE
