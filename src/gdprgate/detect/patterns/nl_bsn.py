"""Dutch citizen service numbers (burgerservicenummer, BSN)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.nl import bsn

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    VALIDATED_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Nine digits, bare, as 4.2.3 ("1112.22.333") the way Dutch documents print
# them, or grouped by people as 3-3-3 or 4-2-3 with spaces or dots.
_BSN = number_pattern(
    r"""
    \d{4}\.\d{2}\.\d{3}|\d{9}
    | \d{3}\ \d{3}\ \d{3}|\d{3}\.\d{3}\.\d{3}|\d{4}\ \d{2}\ \d{3}
    """
)
# The document layout: distinctive enough to stand without a context word.
_DOCUMENT_LAYOUT = re.compile(r"\d{4}\.\d{2}\.\d{3}")


class NlBsnRecognizer(PatternRecognizer):
    """A BSN that passes the eleven-test.

    One nine-digit number in eleven passes that test, so a bare BSN needs a
    context word ("BSN", "burgerservicenummer", ...).
    """

    name = "nl_bsn"
    entity = "NL_BSN"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_BSN,)
    starts_at = Start.DIGIT
    explanation = "9 digits that pass the eleven-test"
    context = "nl_bsn"
    negative = "negative"
    score = VALIDATED_SCORE

    def validate(self, value: str) -> bool:
        """The stdnum eleven-test."""
        return bsn.is_valid(compact(value))

    def base_score(self, value: str) -> float:
        """Dotted as on Dutch documents; bare or grouped otherwise (needs context).

        Grouped 3-3-3 a BSN looks like a phone number or an amount.
        """
        if _DOCUMENT_LAYOUT.fullmatch(value):
            return FORMAT_SCORE
        return CONTEXT_NEEDED_SCORE
