"""Portuguese tax numbers (NIF, número de contribuinte)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.pt import nif

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    PatternRecognizer,
    compact,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# Nine digits, bare or 3-3-3 with spaces or dots; people's numbers start
# with 1, 2 or 3.
_NIF = number_pattern(r"[1-35-9]\d{2}(?:\ ?\d{3}\ ?\d{3}|\.\d{3}\.\d{3})")


class PtNifRecognizer(PatternRecognizer):
    """A NIF whose mod-11 check digit holds; it needs a context word.

    Every eleventh nine-digit number passes the check, so a NIF is only
    reported next to "NIF", "contribuinte" or the like.
    """

    name = "pt_nif"
    entity = "PT_NIF"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NIF,)
    starts_at = Start.DIGIT
    explanation = "9 digits with a mod-11 check digit, next to a NIF context word"
    context = "pt_nif"
    negative = "negative"
    score_without_context = CONTEXT_NEEDED_SCORE

    def validate(self, value: str) -> bool:
        """The stdnum NIF check."""
        return nif.is_valid(compact(value))
