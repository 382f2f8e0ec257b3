"""Spanish social security numbers (número de la Seguridad Social)."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Province (2 digits), number (8) and control (2): "28/12345678/40".
_NSS = number_pattern(r"\d{2}[\ /-]?\d{8}[\ /-]?\d{2}")


def nss_ok(number: str) -> bool:
    """The mod-97 control over province and number."""
    if len(number) != 12 or not number.isdigit():
        return False
    province, serial = int(number[:2]), int(number[2:10])
    base = serial + province * 10**8 if serial >= 10**7 else serial + province * 10**7
    return 1 <= province <= 53 and base % 97 == int(number[10:])


class EsNssRecognizer(PatternRecognizer):
    """A NSS whose mod-97 control holds."""

    name = "es_nss"
    entity = "ES_NSS"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NSS,)
    starts_at = Start.DIGIT
    explanation = "province, 8 digits and a mod-97 control"
    context = "es_nss"
    negative = "negative"

    def validate(self, value: str) -> bool:
        """Province 01-53 and the mod-97 control."""
        return nss_ok(compact(value))

    def base_score(self, value: str) -> float:
        """Written with separators it is one; bare, only with context."""
        return FORMAT_SCORE if not value.isdigit() else CONTEXT_NEEDED_SCORE
