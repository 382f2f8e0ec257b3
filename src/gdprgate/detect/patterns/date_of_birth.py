"""Dates of birth: a real past date next to a word for "born"."""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding
from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    PatternRecognizer,
)
from gdprgate.detect.patterns.dates import DATE_PATTERN, real_dates
from gdprgate.detect.patterns.scan import Feature, TextScan
from gdprgate.detect.patterns.table_columns import birth_cells

_OLDEST = 1890


class DateOfBirthRecognizer(PatternRecognizer):
    """A date in the past next to "born", "geboren am", "né le", ...

    Without a birth word a date is just a date (spaCy reports those as
    ``DATE_TIME``), so it scores under ``min_score``; unless it stands in
    a table column whose header names a birth date (``dob``,
    ``Geburtsdatum``, ``date_of_birth`` in an SQL column list, ...; see
    :mod:`gdprgate.detect.patterns.table_columns`).
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

    def analyze(
        self,
        text: str,
        languages: Sequence[str] = CONTEXT_LANGUAGES,
        scan: TextScan | None = None,
    ) -> list[Finding]:
        """Dates with a birth word near them, or under a birth header."""
        findings = super().analyze(text, languages, scan)
        if all(finding.score >= self.score for finding in findings):
            return findings

        # The header stands rows away from most dates of its column.
        cells = birth_cells(text, tuple(languages))
        return [
            dataclasses.replace(finding, score=self.score)
            if finding.score < self.score and cells.holds(finding.start, finding.end)
            else finding
            for finding in findings
        ]
