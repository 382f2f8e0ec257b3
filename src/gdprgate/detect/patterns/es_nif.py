"""Spanish national identity numbers (DNI / NIF of a person)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.es import dni

from gdprgate.detect.patterns.base import PatternRecognizer, compact, number_pattern
from gdprgate.detect.patterns.scan import Start

# Eight digits and a check letter, optionally split by a dash or space; the
# digits may be grouped by dots ("12.345.678-Z"). A letter typed in lower
# case counts only glued on or after a dash: after a space, "12345678 a" is
# a number and a word ("a", "e", "y" are words in five of our languages).
_DNI = number_pattern(r"(?:\d{8}|\d{2}\.\d{3}\.\d{3})(?:[\ -]?[A-Z]|-?[a-z])")


class EsNifRecognizer(PatternRecognizer):
    """A DNI whose check letter (mod 23) matches its digits."""

    name = "es_nif"
    entity = "ES_NIF"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_DNI,)
    starts_at = Start.DIGIT
    explanation = "8 digits and the mod-23 check letter"
    context = "es_dni"

    def validate(self, value: str) -> bool:
        """The stdnum DNI check (upper-cased: the letter may be typed small)."""
        return dni.is_valid(compact(value).upper())
