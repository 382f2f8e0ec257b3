"""Portuguese fixed-line numbers written in the 2-3-4 grouping.

Lisbon and Porto numbers are printed "21 123 4567" and "22 987 6543": a
two-digit area code, then three and four digits. The phone recognizer reads
Portuguese numbers only next to a telephone word, so such a number in a
signature, an address line ("Rua Augusta 20 · 21 123 4567 · geral@...") or
after "Ligue para o" went out in clear. The grouping itself is the evidence:
thousands are grouped by three, so a last group of four digits is no amount,
and no date or time is written this way. A number named as an order,
invoice or reference right before it ("encomenda n.º 21 123 4567") is not
reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

import phonenumbers

from gdprgate.detect.context import word_right_before
from gdprgate.detect.patterns.base import (
    NEGATIVE_SCORE,
    PatternRecognizer,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Start

# A two-digit area code that starts with 2 (fixed lines), then three and
# four digits, one kind of separator throughout.
_FIXED_2_3_4 = number_pattern(r"2[1-9]([\ .])\d{3}\1\d{4}")
# What may stand between an order word and its number: blanks, a colon or
# hash, "n.º" (read folded as "n.o"), "nº", "no.", "nr." or the copula "é".
_LABEL_GAP = re.compile(
    r"[\ \t:#=]*(?:(?:n\.?\ ?[ºo°]|nr|é|is)[\ \t:#.]*)?",
    re.IGNORECASE,
)
_LABEL_REACH = 40


class PtFixedLineRecognizer(PatternRecognizer):
    """A Portuguese fixed-line number grouped 2-3-4, valid for Portugal."""

    name = "pt_phone"
    entity = "PHONE_NUMBER"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_FIXED_2_3_4,)
    whole_match = True
    starts_at = Start.DIGIT
    explanation = "a Portuguese fixed-line number grouped 2-3-4 (21 123 4567)"
    negative = "negative"

    def validate(self, value: str) -> bool:
        """A valid Portuguese fixed-line number by ``phonenumbers``."""
        digits = value.replace(" ", "").replace(".", "")
        try:
            number = phonenumbers.parse(digits, "PT")
        except phonenumbers.NumberParseException:
            return False
        fixed_line = phonenumbers.PhoneNumberType.FIXED_LINE
        return (
            phonenumbers.is_valid_number_for_region(number, "PT")
            and phonenumbers.number_type(number) == fixed_line
        )

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """Full, unless an order, invoice or reference word names the
        number right before it."""
        if word_right_before(
            text, start, "negative", languages, _LABEL_GAP, _LABEL_REACH
        ):
            return NEGATIVE_SCORE
        return self.score
