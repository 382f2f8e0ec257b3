"""Spanish national identity numbers (DNI / NIF of a person)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.es import dni

from gdprgate.detect.patterns.base import PatternRecognizer, compact, number_pattern
from gdprgate.detect.patterns.scan import Start

# Eight digits and a check letter, optionally split by a dash or space.
_DNI = number_pattern(r"\d{8}[\ -]?[A-Z]")


class EsNifRecognizer(PatternRecognizer):
    """A DNI whose check letter (mod 23) matches its digits."""

    name = "es_nif"
    entity = "ES_NIF"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_DNI,)
    starts_at = Start.DIGIT
    explanation = "8 digits and the mod-23 check letter"
    context = "es_dni"

    def validate(self, value: str) -> bool:
        """The stdnum DNI check."""
        return dni.is_valid(compact(value))
