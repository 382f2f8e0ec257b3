"""Polish tax identification numbers (NIP)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.pl import nip

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Ten digits, bare or dashed 3-3-2-2 or 3-2-2-3: "123-456-32-18"; people
# also space the same groups ("123 456 32 18").
_NIP = number_pattern(
    r"""
    \d{3}-\d{3}-\d{2}-\d{2}|\d{3}-\d{2}-\d{2}-\d{3}|\d{10}
    | \d{3}\ \d{3}\ \d{2}\ \d{2}|\d{3}\ \d{2}\ \d{2}\ \d{3}
    """
)


class PlNipRecognizer(PatternRecognizer):
    """A NIP whose weighted mod-11 check digit holds."""

    name = "pl_nip"
    entity = "PL_NIP"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NIP,)
    starts_at = Start.DIGIT
    explanation = "10 digits with a weighted mod-11 check digit"
    context = "pl_nip"
    negative = "negative"

    def validate(self, value: str) -> bool:
        """The stdnum NIP check."""
        return nip.is_valid(compact(value))

    def base_score(self, value: str) -> float:
        """Dashed as the tax office writes it, or bare (needs context)."""
        return FORMAT_SCORE if "-" in value else CONTEXT_NEEDED_SCORE
