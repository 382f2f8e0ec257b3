"""Italian fiscal codes (codice fiscale of a person)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.it import codicefiscale

from gdprgate.detect.patterns.base import PatternRecognizer

# Surname and name letters, year, month letter, day (+40 for women), place,
# check letter. Digits may be replaced by letters (omocodia). Forms print it
# in groups: a space may stand between the parts ("RSSMRA 85M01 H501Q",
# "RSS MRA 85 M 01 H501 Q").
_CF = re.compile(
    r"""
    (?<![\w-])
    [A-Z]{3}\ ?[A-Z]{3}\ ?
    [0-9LMNP-V]{2}\ ?[ABCDEHLMPRST]\ ?[0-9LMNP-V]{2}\ ?
    [A-Z]\ ?[0-9LMNP-V]{3}\ ?[A-Z]
    (?![\w-])
    """,
    re.VERBOSE | re.IGNORECASE,
)


class ItFiscalCodeRecognizer(PatternRecognizer):
    """A codice fiscale whose check letter holds."""

    name = "it_fiscal_code"
    entity = "IT_FISCAL_CODE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_CF,)
    explanation = "16 characters in the codice fiscale layout with its check letter"
    context = "it_fiscal_code"

    def validate(self, value: str) -> bool:
        """The stdnum check, on the code without its group spaces and in
        capitals (people write it in lower case too)."""
        return codicefiscale.is_valid(value.replace(" ", "").upper())
