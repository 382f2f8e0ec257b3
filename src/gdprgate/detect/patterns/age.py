"""Ages: a number of years next to "aged", "years old", "Jahre alt", ...

A number after a comparison ("WHERE age > 30", "age >= 18") is a bound
in a query or a rule, no one's age.
"""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import CONTEXT_NEEDED_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Start

# One to three digits, not part of a decimal, a date, a time or a code. A
# comma or colon after a word is a field separator ("age,34", "age:34").
# Nor after a comparison sign ("> 30", ">=18", "!= 30"); "=" alone assigns.
_AGE = re.compile(
    r"(?<![\w./-])(?<!\d[,:])(?<![<>]\ )(?<![<>])(?<![<>!]=\ )(?<![<>!]=)"
    r"\d{1,3}(?![\w]|[.,:/]\d|\ ?%)"
)
_OLDEST = 120


class AgeRecognizer(PatternRecognizer):
    """A number up to 120 with an age word right before or after it.

    The window is two words wide on either side, so "3 years of work" or
    "vor 3 Jahren" stays out; "ago" words count against it.
    """

    name = "age"
    entity = "AGE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_AGE,)
    starts_at = Start.DIGIT
    explanation = "a number up to 120 next to an age word"
    context = "age"
    negative = "age_negative"
    negative_first = True
    score_without_context = CONTEXT_NEEDED_SCORE
    context_window = (3, 2)

    def validate(self, value: str) -> bool:
        """A plausible age in years."""
        return 0 < int(value) <= _OLDEST
