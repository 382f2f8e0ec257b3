"""Payment card numbers, checked with Luhn."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum import ean

from gdprgate.detect.patterns.base import CONTEXT_NEEDED_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Start

# 12 to 19 digits starting 2-6, or a 15-digit JCB number starting 1800 or
# 2131, optionally split by single spaces or dashes, not glued to more
# digits (a card inside a longer number is not a card).
_CARD = re.compile(
    r"""
    (?<![\w-])(?<!\d[\ -])
    (?:[2-6]\d(?:[\ -]?\d){10,17}|(?:1800|2131)(?:[\ -]?\d){11})
    (?![\w-]|[\ -]\d)
    """,
    re.VERBOSE,
)
# Maestro numbers can be 12 digits long; so are many other numbers, and a
# tenth of them pass Luhn: a 12-digit one counts only next to a card word.
_MAESTRO_PREFIX = re.compile(r"5[06-9]|6")
_SHORTEST_WITHOUT_CONTEXT = 13
_EAN_LENGTH = 13


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check used by every payment card number."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


class CreditCardRecognizer(PatternRecognizer):
    """Card numbers starting 2-6, 13-19 digits, that pass Luhn."""

    name = "credit_card"
    entity = "CREDIT_CARD"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_CARD,)
    starts_at = Start.DIGIT
    explanation = (
        "13-19 digits of a card network range that pass the Luhn check "
        "(12-digit Maestro numbers next to a card word)"
    )
    context = "credit_card"
    negative = "credit_card_negative"

    def validate(self, value: str) -> bool:
        """One kind of separator, not all the same digit, and Luhn holds."""
        if " " in value and "-" in value:
            return False

        digits = value.replace(" ", "").replace("-", "")
        if len(set(digits)) == 1:
            return False
        if len(digits) == 12 and not _MAESTRO_PREFIX.match(digits):
            return False
        return 12 <= len(digits) <= 19 and luhn_ok(digits)

    def base_score(self, value: str) -> float:
        """Full score, or the context-needed score for 12 digits or a barcode.

        Thirteen digits that are a valid EAN-13 are a product barcode far
        more often than one of the few 13-digit cards ever issued.
        """
        digits = value.replace(" ", "").replace("-", "")
        if len(digits) < _SHORTEST_WITHOUT_CONTEXT:
            return CONTEXT_NEEDED_SCORE
        if len(digits) == _EAN_LENGTH and ean.is_valid(digits):
            return CONTEXT_NEEDED_SCORE
        return self.score
