"""VAT identification numbers of EU member states (and GB, XI)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.eu import vat

from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer, compact
from gdprgate.detect.patterns.scan import Start

_PREFIXES = (
    "AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|"
    "RO|SE|SI|SK|XI"
)
# A country prefix, then 8-12 letters and digits (at least the first two
# digits or letters), whole or in groups split by single spaces, dots or
# dashes ("PL 768-000-24-66"). Old Irish numbers hold a "+" or "*".
_VAT = re.compile(
    r"(?<![\w.-])(?:" + _PREFIXES + r")"
    r"\ ?[0-9A-Z](?:[0-9A-Z+*]|[\ .-](?=[0-9A-Z]{2})){7,13}"
    r"(?![\w-])"
)
_GROUP_ENDS = " .-"
# Markdown emphasis glued to the end: "**DE136593782**".
_EMPHASIS = "*+"


class EuVatRecognizer(PatternRecognizer):
    """A VAT number whose country's checksum holds (stdnum ``eu.vat``)."""

    name = "eu_vat"
    entity = "EU_VAT"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_VAT,)
    starts_at = Start.CAPITAL_OR_DIGIT
    explanation = "a country prefix and a number that passes that country's check"
    context = "vat"
    score_without_context = FORMAT_SCORE

    def refine(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The longest prefix of the match, at a group end, that validates.

        A trailing "*" or "+" is tried without too: in Markdown it is the
        emphasis around the number, not part of it.
        """
        cut = end
        while cut > start + 4:
            bare = cut
            while text[bare - 1] in _EMPHASIS:
                bare -= 1
            for candidate in dict.fromkeys((cut, bare)):
                if vat.is_valid(compact(text[start:candidate])):
                    return start, candidate
            cut = max(text.rfind(char, start, cut) for char in _GROUP_ENDS)
        return None
