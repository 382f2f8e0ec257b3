"""French tax numbers (numéro fiscal de référence, SPI)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.fr import nif

from gdprgate.detect.patterns.base import (
    FORMAT_SCORE,
    WEAK_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Thirteen digits starting 0-3, bare or as on the tax notice: "30 23 217 600 053".
_SPI = number_pattern(r"[0-3]\d\ ?\d{2}\ ?\d{3}\ ?\d{3}\ ?\d{3}")


class FrSpiRecognizer(PatternRecognizer):
    """A SPI whose three-digit mod-511 check holds."""

    name = "fr_spi"
    entity = "FR_SPI"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_SPI,)
    starts_at = Start.DIGIT
    explanation = "13 digits starting 0-3 whose last three are a mod-511 check"
    context = "fr_spi"
    negative = "negative"

    def validate(self, value: str) -> bool:
        """The stdnum NIF (SPI) check."""
        return nif.is_valid(compact(value))

    def base_score(self, value: str) -> float:
        """Grouped as on the tax notice, or bare (a millisecond timestamp?)."""
        return FORMAT_SCORE if " " in value else WEAK_SCORE
