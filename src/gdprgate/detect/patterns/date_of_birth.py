"""Dates of birth: a real past date next to a word for "born"."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import ClassVar

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    PatternRecognizer,
)
from gdprgate.detect.patterns.dates import DATE_PATTERN, real_dates
from gdprgate.detect.patterns.scan import Feature, TextScan

_OLDEST = 1890


class DateOfBirthRecognizer(PatternRecognizer):
    """A date in the past next to "born", "geboren am", "né le", ...

    Without a birth word a date is just a date (spaCy reports those as
    ``DATE_TIME``), so it scores under ``min_score``.
    """

    name = "date_of_birth"
    entity = "DATE_OF_BIRTH"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (DATE_PATTERN,)
    needs = Feature.DIGIT
    explanation = "a real past date after a word for born or date of birth"
    context = "birth"
    score_without_context = CONTEXT_NEEDED_SCORE
    context_window = (5, 4)

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """Matches that name a real date between 1890 and today."""
        today = datetime.date.today()
        for match, date in real_dates(text, scan.digit_starts):
            if date.year >= _OLDEST and date <= today:
                yield match.start(), match.end()
