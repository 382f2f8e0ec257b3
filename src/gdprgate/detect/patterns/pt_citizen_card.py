"""Portuguese Citizen Card numbers (número de documento do Cartão de Cidadão).

The card prints its number as the eight digits of the civil identification
number, a check digit, a two-letter version and a second check digit
("12345678 9 ZZ1"). The phone recognizer read the first nine digits as a
phone number and left the version and its check digit in clear. The letters
in the middle make the shape rare in prose, and the last digit is a check
over the whole, so a valid number is reported without a context word.

A number whose check digits fail is still someone's card when the card's
own name stands right before it ("cartão de cidadão n.º 14325678 4 ZX9"):
it is reported at the format score, as a mistyped IBAN after "IBAN" is;
before, the phone recognizer took its first nine digits and the version
letters went out in clear.
"""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.pt import cc

from gdprgate.detect.patterns.base import PatternRecognizer

# Eight digits, the check digit, the version letters and the last check
# digit; one blank may part the groups as on the card.
_CC = re.compile(
    r"(?<![\w./+-])\d{8}[ \t]?\d[ \t]?[A-Z]{2}\d(?![\w-])",
)


class PtCitizenCardRecognizer(PatternRecognizer):
    """A Citizen Card document number whose check digits hold."""

    name = "pt_citizen_card"
    entity = "ID_NUMBER"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_CC,)
    explanation = (
        "8+1 digits, two version letters and a check digit (Cartão de Cidadão)"
    )
    context = "pt_citizen_card"
    # The card's name may stand up to six words before a number whose
    # check digits fail: "cartão de cidadão n.º 14325678 4 ZX9".
    named_by = "pt_citizen_card_name"
    named_reach = (6, 0)

    def validate(self, value: str) -> bool:
        """The stdnum check over the number without its blanks."""
        return cc.is_valid(value.replace(" ", "").replace("\t", ""))
