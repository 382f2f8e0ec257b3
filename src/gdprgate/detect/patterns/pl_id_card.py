"""Polish identity card numbers (numer dowodu osobistego).

The number is three letters (the series) and six digits, the first of which
is a check digit: the letters count 10 to 35 (A to Z), the digits their
value, and the eight characters other than the check digit, weighted
7 3 1 . 7 3 1 7 3, sum to the check digit modulo 10 ("ABA300000": 70 + 33
+ 10 = 113, check digit 3). One random run in ten passes, so a valid number
is reported only near a word of the card ("dowód osobisty", "nr dowodu").

Rampart read such a number alone after "dowód osobisty", but not when a
name followed it ("dowód osobisty ABC123457. Jan Mróz"). A number whose
check digit fails is still someone's card when the card's own word stands
right before it (a typo does not make it anonymous): it is reported at the
format score, as a mistyped IBAN after "IBAN" is; elsewhere it is dropped.
"""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    PatternRecognizer,
    number_pattern,
)
from gdprgate.detect.patterns.scan import Feature, Start

# Three capitals of the series, an optional blank, six digits.
_ID_CARD = number_pattern(r"[A-Z]{3}\ ?\d{6}")
# The weights of the nine characters; the fourth is the check digit.
_WEIGHTS = (7, 3, 1, 0, 7, 3, 1, 7, 3)


def pl_id_card_ok(value: str) -> bool:
    """Whether the check digit of a compact card number ("ABA300000") holds."""
    if len(value) != 9 or not (value[:3].isalpha() and value[3:].isdigit()):
        return False
    total = sum(
        weight * int(char, 36) for weight, char in zip(_WEIGHTS, value, strict=True)
    )
    return total % 10 == int(value[3])


class PlIdCardRecognizer(PatternRecognizer):
    """A Polish identity card number near a word of the card."""

    name = "pl_id_card"
    entity = "ID_NUMBER"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_ID_CARD,)
    starts_at = Start.CAPITAL_OR_DIGIT
    needs = Feature.DIGIT
    explanation = (
        "three letters and six digits with a valid check digit near"
        ' "dowód osobisty", or any right after it'
    )
    context = "pl_id_card"
    score_without_context = CONTEXT_NEEDED_SCORE
    # A number whose check digit fails counts right after the card's own
    # word: "dowód osobisty nr ABC123457".
    named_by = "pl_id_card_name"

    def validate(self, value: str) -> bool:
        """The check digit over the number without its blank."""
        return pl_id_card_ok(_compact(value))


def _compact(value: str) -> str:
    """The number without the blank between series and digits."""
    return value.replace(" ", "")
