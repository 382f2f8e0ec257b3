"""Passport numbers, reported only next to a word for "passport"."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import CONTEXT_NEEDED_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature

# Six to nine letters and digits, at least two digits: the shape of
# EU and UK passport numbers ("C01X00T47", "12AB34567", "925665416"). In a
# chat the letters come in lower case too ("c01x00t47"), so no
# ``starts_at`` is declared.
_PASSPORT = re.compile(r"(?<![\w-])(?=(?:[A-Za-z]*[0-9]){2})[A-Za-z0-9]{6,9}(?![\w-])")
# A size, not a number: "passport photo 35x45mm".
_MEASURE = re.compile(r"[0-9]+x[0-9]+[a-z]*")


class PassportRecognizer(PatternRecognizer):
    """A passport-shaped number with a passport word just before it.

    Passport numbers have no common checksum, so the context word is the
    evidence: without it the candidate scores under ``min_score``.
    """

    name = "passport"
    entity = "PASSPORT"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_PASSPORT,)
    needs = Feature.DIGIT
    explanation = "6-9 letters and digits after a word for passport"
    context = "passport"
    score_without_context = CONTEXT_NEEDED_SCORE
    context_window = (5, 1)

    def validate(self, value: str) -> bool:
        """Capitals or small letters, not both, and not a size."""
        if value.isupper() or value.isdigit():
            return True
        return value.islower() and not _MEASURE.fullmatch(value)
