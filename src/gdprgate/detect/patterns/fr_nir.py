"""French social security numbers (NIR, numéro INSEE)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.fr import nir

from gdprgate.detect.patterns.base import PatternRecognizer, compact, number_pattern
from gdprgate.detect.patterns.scan import Start

# Sex, year, month, department (2A/2B for Corsica), commune, order and the
# two-digit key, grouped by spaces or not: "2 84 12 76 451 089 46".
_NIR = number_pattern(
    r"""
    [1-478]\ ?\d{2}\ ?(?:0[1-9]|1[0-2]|[2-9]\d)\ ?
    (?:\d{2}|2[AB])\ ?\d{3}\ ?\d{3}\ ?\d{2}
    """
)


class FrNirRecognizer(PatternRecognizer):
    """A NIR whose mod-97 key holds."""

    name = "fr_nir"
    entity = "FR_NIR"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NIR,)
    starts_at = Start.DIGIT
    explanation = "15 characters of the INSEE layout with a valid mod-97 key"
    context = "fr_nir"

    def validate(self, value: str) -> bool:
        """The stdnum NIR check."""
        return nir.is_valid(compact(value))
