"""Driving licence numbers, reported only next to a driving-licence word."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import CONTEXT_NEEDED_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature, Start

# Five to eighteen capital letters and digits (at least two digits), with
# optional single dashes or spaces between groups: UK "MORGA753116SM9IJ",
# German "B072RRE2I55", French "12AB34567".
_LICENCE = re.compile(
    r"(?<![\w-])(?=(?:[A-Z\ -]*\d){2})[A-Z0-9]{2,}(?:[\ -][A-Z0-9]{2,}){0,3}(?![\w-])"
)


class DriverLicenseRecognizer(PatternRecognizer):
    """A licence-shaped number with a driving-licence word just before it."""

    name = "driver_license"
    entity = "DRIVER_LICENSE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_LICENCE,)
    starts_at = Start.CAPITAL_OR_DIGIT
    needs = Feature.DIGIT
    explanation = "5-18 capital letters and digits after a driving-licence word"
    context = "driver_license"
    score_without_context = CONTEXT_NEEDED_SCORE
    context_window = (5, 1)

    def validate(self, value: str) -> bool:
        """Five to eighteen characters without the separators."""
        return 5 <= len(value.replace(" ", "").replace("-", "")) <= 18
