"""Postcodes of the EU states and the UK, reported with an address around them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    WEAK_SCORE,
    PatternRecognizer,
)
from gdprgate.detect.patterns.scan import Feature, Start

_POSTCODE = re.compile(
    r"""
    (?<![\w.,/+-])
    (?:
      (?P<gb>[A-Z]{1,2}\d[A-Z\d]?\ \d[ABD-HJLNP-UW-Z]{2})    # GB: SW1A 1AA
    | (?P<ie>[AC-FHKNPRTV-Y]\d{2}\ [AC-FHKNPRTV-Y0-9]{4})    # IE: D02 X285
    | (?P<nl>[1-9]\d{3}\ ?(?!SA|SD|SS)[A-Z]{2})             # NL: 1012 AB
    | \d{4}-\d{3}                                           # PT: 1100-148
    | \d{2}-\d{3}                                           # PL: 00-950
    | [1-9]\d{2}\ \d{2}                                     # SE: 114 55
    | \d{4,5}                        # DE FR ES IT FI; AT BE DK (4 digits)
    )
    (?![\w-]|[.,]\d)
    """,
    re.VERBOSE,
)
# A postcode followed by a place name, and led by a comma, a line break or
# the start of the text: "…, 10115 Berlin", "\n75002 Paris".
# Capitals that follow a number as a unit or an era far more often than as
# the letters of a Dutch postcode.
_UNITS_AND_ERAS = frozenset(
    {"BC", "AD", "CE", "KB", "MB", "GB", "TB", "PB", "KM", "KG", "MG", "ML"}
    | {"CL", "DL", "HZ", "KW", "MW", "GW", "HP", "PS", "PX"}
)
_PLACE_AFTER = re.compile(r"\ [A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][^\W\d_]+")
_ADDRESS_BEFORE = re.compile(r"(?:^|[,\n]\s*|\d[a-z]?\s+)\Z")


class PostcodeRecognizer(PatternRecognizer):
    """A postcode in an address layout or next to a postcode word."""

    name = "postcode"
    entity = "POSTCODE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_POSTCODE,)
    starts_at = Start.CAPITAL_OR_DIGIT
    needs = Feature.DIGIT
    explanation = "a postcode format followed by a place or after a postcode word"
    context = "postcode"
    negative = "negative"
    score = FORMAT_SCORE
    context_window = (4, 1)
    whole_match = True

    def base_score(self, value: str) -> float:
        """Letters make a format distinctive (GB, IE, NL); digits do not.

        Nor do the letters of a unit or an era after the four digits of a
        Dutch-looking postcode ("2048 MB", "3300 BC"): it needs its context.
        """
        if not any(char.isalpha() for char in value):
            return CONTEXT_NEEDED_SCORE
        if _is_quantity(value):
            return CONTEXT_NEEDED_SCORE
        return WEAK_SCORE

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """An address layout counts as context, a postcode word too.

        Every postcode scores under ``score`` without context, so the
        inherited scoring looks for the postcode words. A quantity in a
        list ("16 GB SSD, 2048 MB RAM") has the layout but needs the words.
        """
        if _is_quantity(text[start:end]):
            return super().context_score(text, start, end, languages)
        if _PLACE_AFTER.match(text, end) and _ADDRESS_BEFORE.search(
            text, max(0, start - 8), start
        ):
            return self.score
        return super().context_score(text, start, end, languages)


def _is_quantity(value: str) -> bool:
    """Four digits and a unit or an era ("2048 MB", "3300 BC")."""
    return value[0].isdigit() and value[-2:] in _UNITS_AND_ERAS
