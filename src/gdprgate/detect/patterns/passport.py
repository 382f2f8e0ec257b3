"""Passport numbers, reported only next to a word for "passport"."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import CONTEXT_NEEDED_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature, Start

# Six to nine capital letters and digits, at least two digits: the shape of
# EU and UK passport numbers ("C01X00T47", "12AB34567", "925665416").
_PASSPORT = re.compile(r"(?<![\w-])(?=(?:[A-Z]*\d){2})[A-Z0-9]{6,9}(?![\w-])")


class PassportRecognizer(PatternRecognizer):
    """A passport-shaped number with a passport word just before it.

    Passport numbers have no common checksum, so the context word is the
    evidence: without it the candidate scores under ``min_score``.
    """

    name = "passport"
    entity = "PASSPORT"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_PASSPORT,)
    starts_at = Start.CAPITAL_OR_DIGIT
    needs = Feature.DIGIT
    explanation = "6-9 capital letters and digits after a word for passport"
    context = "passport"
    score_without_context = CONTEXT_NEEDED_SCORE
    context_window = (5, 1)
