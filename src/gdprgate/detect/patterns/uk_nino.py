"""UK National Insurance numbers (NINO)."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    PatternRecognizer,
)
from gdprgate.detect.patterns.scan import Feature

# Two prefix letters (D, F, I, Q, U, V never; O never second), six digits in
# pairs and a suffix A-D: "QQ 12 34 56 C", "QQ 123456 C". People type it in
# lower case too, so both cases are spelt out (an ignored case would let
# "ſ" and the Kelvin sign in) and no ``starts_at`` is declared.
_FIRST = "A-CEGHJ-PR-TW-Z"
_SECOND = "A-CEGHJ-NPR-TW-Z"
_NINO = re.compile(
    rf"""
    (?<![\w-])
    [{_FIRST}{_FIRST.lower()}][{_SECOND}{_SECOND.lower()}]
    \ ?[0-9]{{2}}\ ?[0-9]{{2}}\ ?[0-9]{{2}}\ ?[A-Da-d]
    (?![\w-])
    """,
    re.VERBOSE,
)
_NEVER_ISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


class UkNinoRecognizer(PatternRecognizer):
    """A NINO with an allowed prefix; NINOs carry no check digit."""

    name = "uk_nino"
    entity = "UK_NINO"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_NINO,)
    needs = Feature.DIGIT
    explanation = "two allowed prefix letters, six digits and a suffix A-D"
    context = "uk_nino"
    score_without_context = FORMAT_SCORE

    def validate(self, value: str) -> bool:
        """The prefix was ever issued; spaced in pairs, 2-6-1 or not at all."""
        if value[:2].upper() in _NEVER_ISSUED:
            return False
        spaces = value.count(" ")
        if spaces == 2:
            return value[2] == " " and value[-2] == " "
        return spaces in (0, 4)

    def base_score(self, value: str) -> float:
        """Capitals are the official form; lower case needs a context word.

        With no check digit, two small letters, six digits and a letter are
        as likely a code or a file name as a NINO.
        """
        if value.isupper():
            return FORMAT_SCORE
        return CONTEXT_NEEDED_SCORE
