"""Dates written out in full: day, month and year, in nine languages.

spaCy reports dates only for English (the other pipelines have no date
labels), so without this a French or Spanish judgment's dates ("le 3 mars
1987", "el 14 de febrero de 1990") stayed in clear, although a date with
another detail is a classic quasi-identifier (TAB counts every date). A
real calendar date of the layouts :data:`DATE_PATTERN` reads (numeric
``12.03.1985``, ``1985-03-12``, or with a month name in the nine languages)
is a ``DATE_TIME`` in text of every language but English, whose dates
spaCy reads; a date with a time right after it is a timestamp and no
personal date. Next to a birth word the date-of-birth recognizer's
``DATE_OF_BIRTH`` (scoring higher) wins the overlap, and after a negative
word ("version 1.2.2024") it scores under the threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from gdprgate.detect.patterns.base import PatternRecognizer
from gdprgate.detect.patterns.dates import DATE_PATTERN, real_dates
from gdprgate.detect.patterns.scan import Feature, TextScan

DATE_SCORE = 0.85
# A time right after the date makes a timestamp ("2024-03-12T10:15:30Z",
# "2024-05-01 10:42:07"): a log's, not a person's.
_TIME_AFTER = re.compile(r"(?:T|[ \t])\d{1,2}:\d{2}")
# Languages whose spaCy pipeline reads dates itself (with relative ones:
# "next Friday"); there this recognizer stays silent.
SPACY_DATE_LANGUAGES = frozenset({"en"})


class DateTimeRecognizer(PatternRecognizer):
    """A real calendar date with day, month and year."""

    name = "date_time"
    entity = "DATE_TIME"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (DATE_PATTERN,)
    needs = Feature.DIGIT
    explanation = "a real calendar date: day, month and year"
    score = DATE_SCORE
    # "version 1.2.2024", "order 12.03.2024"
    negative = "negative"
    negative_first = True

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """Matches that name a real date and are no timestamp's date."""
        for match, _date in real_dates(text, scan.digit_starts):
            if not _TIME_AFTER.match(text, match.end()):
                yield match.start(), match.end()
