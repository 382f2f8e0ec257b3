"""User names: social handles (``@name``) and names after a username label.

A date or a time after the label is none: "Letzter Login: 2024-05-01 08:33"
tells when, not who.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from gdprgate.detect.context_words import CONTEXT_WORDS
from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature, TextScan

# The "@" comes before the look behind it, so that ``re`` jumps from one "@"
# to the next.
_HANDLE = re.compile(
    r"@(?<![\w@.+-]@)[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@]|\.\w)"
)
_LABELS = sorted(
    {word for words in CONTEXT_WORDS["username"].values() for word in words},
    key=len,
    reverse=True,
)
# "username: anna_k", "Benutzername = schmidt.a", "login anna42".
_LABELLED = re.compile(
    r"(?<!\w)(?i:"
    + "|".join(re.escape(label) for label in _LABELS)
    + r")\ ?[:=]\ ?([\w][\w.@-]{1,62}[\w])(?![\w@-])"
)
# A date ("2024-05-01", "01.05.2024") or a time ("08:33" is cut at the colon).
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


class UsernameRecognizer(PatternRecognizer):
    """``@handle`` mentions and values written after a username label."""

    name = "username"
    entity = "USERNAME"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_HANDLE, _LABELLED)
    explanation = "an @handle, or a value after 'username:' and its translations"
    score = FORMAT_SCORE

    def patterns_for(self, scan: TextScan) -> Sequence[re.Pattern[str]]:
        """A handle needs an ``@``, a labelled value a ``:`` or ``=``."""
        patterns: tuple[re.Pattern[str], ...] = ()
        if Feature.AT_SIGN in scan.features:
            patterns += (_HANDLE,)
        if scan.features & (Feature.COLON | Feature.EQUALS_SIGN):
            patterns += (_LABELLED,)
        return patterns

    def validate(self, value: str) -> bool:
        """Not an e-mail address (the e-mail recognizer takes those), nor a
        date."""
        return "@" not in value[1:] and _DATE.fullmatch(value) is None
