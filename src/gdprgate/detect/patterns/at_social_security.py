"""Austrian social insurance numbers (Versicherungsnummer)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.at import vnr

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    VALIDATED_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Serial with check digit (4 digits) and birth date DDMMYY: "1237 010180".
_VNR = number_pattern(r"[1-9]\d{3}\ ?\d{6}")


class AtSocialSecurityRecognizer(PatternRecognizer):
    """A Versicherungsnummer whose date and weighted check digit hold."""

    name = "at_social_security"
    entity = "AT_SOCIAL_SECURITY"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_VNR,)
    starts_at = Start.DIGIT
    explanation = "4-digit serial with a mod-11 check digit and a birth date"
    context = "at_social_security"
    negative = "negative"
    score = VALIDATED_SCORE

    def validate(self, value: str) -> bool:
        """The stdnum VNR check."""
        return vnr.is_valid(compact(value))

    def base_score(self, value: str) -> float:
        """Split 4 + 6 as on the e-card, or ten bare digits (needs context)."""
        return FORMAT_SCORE if " " in value else CONTEXT_NEEDED_SCORE
