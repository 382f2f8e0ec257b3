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
# digits or letters), whole or in groups split by single spaces or dots.
_VAT = re.compile(
    r"(?<![\w.-])(?:" + _PREFIXES + r")"
    r"\ ?[0-9A-Z](?:[0-9A-Z+*]|[\ .](?=[0-9A-Z]{2})){7,13}"
    r"(?![\w-])"
)


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
        """The longest prefix of the match, at a group end, that validates."""
        cut = end
        while cut > start + 4:
            if vat.is_valid(compact(text[start:cut])):
                return start, cut
            cut = max(text.rfind(" ", start, cut), text.rfind(".", start, cut))
        return None
