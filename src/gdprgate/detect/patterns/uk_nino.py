"""UK National Insurance numbers (NINO)."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature, Start

# Two prefix letters (D, F, I, Q, U, V never; O never second), six digits in
# pairs and a suffix A-D: "QQ 12 34 56 C".
_NINO = re.compile(
    r"""
    (?<![\w-])
    [A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]
    \ ?\d{2}\ ?\d{2}\ ?\d{2}\ ?[A-D]
    (?![\w-])
    """,
    re.VERBOSE,
)
_NEVER_ISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


class UkNinoRecognizer(PatternRecognizer):
    """A NINO with an allowed prefix; NINOs carry no check digit."""

    name = "uk_nino"
    entity = "UK_NINO"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NINO,)
    starts_at = Start.CAPITAL_OR_DIGIT
    needs = Feature.DIGIT
    explanation = "two allowed prefix letters, six digits and a suffix A-D"
    context = "uk_nino"
    score_without_context = FORMAT_SCORE

    def validate(self, value: str) -> bool:
        """The prefix was ever issued, and the spacing is all or nothing."""
        spaces = value.count(" ")
        return value[:2] not in _NEVER_ISSUED and spaces in (0, 4)
