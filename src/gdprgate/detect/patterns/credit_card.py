"""Payment card numbers, checked with Luhn."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import PatternRecognizer

# 13 to 19 digits, optionally split by single spaces or dashes, not glued to
# more digits (a card inside a longer number is not a card).
_CARD = re.compile(
    r"""
    (?<![\w-])(?<!\d[\ -])
    [2-6]\d(?:[\ -]?\d){11,17}
    (?![\w-]|[\ -]\d)
    """,
    re.VERBOSE,
)


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
    explanation = "13-19 digits of a card network range that pass the Luhn check"
    negative = "credit_card_negative"

    def validate(self, value: str) -> bool:
        """One kind of separator, not all the same digit, and Luhn holds."""
        if " " in value and "-" in value:
            return False

        digits = value.replace(" ", "").replace("-", "")
        if len(set(digits)) == 1:
            return False
        return 13 <= len(digits) <= 19 and luhn_ok(digits)
