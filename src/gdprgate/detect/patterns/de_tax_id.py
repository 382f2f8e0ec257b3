"""German tax identification numbers (steuerliche Identifikationsnummer)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.de import idnr

from gdprgate.detect.patterns.base import (
    VALIDATED_SCORE,
    WEAK_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Eleven digits, first not 0, written whole or as 2-3-3-3.
_IDNR = number_pattern(r"[1-9]\d(?:\ ?\d{3}){3}")


class DeTaxIdRecognizer(PatternRecognizer):
    """An IdNr whose digit rule and ISO 7064 check digit hold."""

    name = "de_tax_id"
    entity = "DE_TAX_ID"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_IDNR,)
    starts_at = Start.DIGIT
    explanation = "11 digits with the IdNr repetition rule and mod 11,10 check"
    context = "de_tax_id"
    negative = "negative"

    def validate(self, value: str) -> bool:
        """The stdnum IdNr check."""
        return idnr.is_valid(compact(value))

    def base_score(self, value: str) -> float:
        """Grouped as the tax office writes it, or bare eleven digits."""
        return VALIDATED_SCORE if " " in value else WEAK_SCORE
