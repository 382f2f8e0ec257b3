"""BIC / SWIFT codes of banks, reported only next to "BIC" or "SWIFT"."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum import bic

from gdprgate.detect.patterns.base import CONTEXT_NEEDED_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Start

# Bank (4 letters), country (2 letters), location (2) and an optional branch.
_BIC = re.compile(r"(?<![\w-])[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![\w-])")


class SwiftCodeRecognizer(PatternRecognizer):
    """A BIC with a known country code; it needs a context word.

    Eight capital letters are often just a shouted word ("BUSINESS" has the
    Niger country code NE), so a BIC is only reported in context.
    """

    name = "swift_code"
    entity = "SWIFT_CODE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_BIC,)
    starts_at = Start.CAPITAL_OR_DIGIT
    explanation = "a BIC layout with a valid country code, next to BIC/SWIFT"
    context = "bic"
    score_without_context = CONTEXT_NEEDED_SCORE
    context_window = (4, 0)

    def validate(self, value: str) -> bool:
        """The stdnum BIC check (layout and ISO 3166 country)."""
        return bic.is_valid(value)
