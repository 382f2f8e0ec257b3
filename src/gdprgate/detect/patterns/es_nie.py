"""Spanish foreigner identity numbers (NIE)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.es import nie

from gdprgate.detect.patterns.base import PatternRecognizer, compact, number_pattern

# X, Y or Z, seven digits and a check letter: "X-1234567-L", or in lower
# case without spaces ("x1234567l"; "y 1234567 a" would read "and ... a").
# The lower-case start is why no ``starts_at`` is declared.
_NIE = number_pattern(r"[XYZ][\ -]?\d{7}[\ -]?[A-Z]|[XYZxyz]-?\d{7}-?[A-Za-z]")


class EsNieRecognizer(PatternRecognizer):
    """A NIE whose check letter matches."""

    name = "es_nie"
    entity = "ES_NIE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NIE,)
    explanation = "X/Y/Z, 7 digits and the mod-23 check letter"
    context = "es_nie"

    def validate(self, value: str) -> bool:
        """The stdnum NIE check (upper-cased: people type it in lower case)."""
        return nie.is_valid(compact(value).upper())
