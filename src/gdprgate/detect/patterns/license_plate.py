"""Vehicle registration plates of DE, FR, ES, IT, NL, PL, SE, DK, FI, IE and GB.

The Danish, Finnish, Irish and old French (FNI, still on cars built before
2009) layouts are short runs of letters and digits that codes share, so they
count only next to a vehicle word. On 156 hand-written reports, claims and
chats, plates in those layouts were 4 of the 9 plates left whole before they
were added.

Issue keys take the Finnish layout too ("ABC-123", "CAR-412"), and
developer texts about cars have vehicle words near them. So a weak layout
is no plate right after an issue word ("ticket OPS-771", "see CAR-412"),
nor when the only vehicle word near is the key's own letters ("car module
... CAR-412") or the first half of a compound ("Auto-Update", "bil-modulen":
an update, a module). On 273 hand-written developer and business texts
(fictional), the new layouts took 10 issue keys for plates; these rules
leave 3 of them ("PROJ-1234 ... the car ... ABC-123", a key in a URL path,
"truck planner (TRK-221)"), and every plate of the layout tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from gdprgate.detect.context import DEFAULT_WINDOW, context_pattern, window
from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    NEGATIVE_SCORE,
    PatternRecognizer,
)
from gdprgate.detect.patterns.scan import Feature, Start

_CONSONANT = "BCDFGHJKLMNPRSTVWXYZ"
# Layouts distinctive enough to stand alone, with their separators.
_DISTINCT = (
    r"[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}",  # FR (SIV): AB-123-CD
    rf"\d{{4}}\ ?[{_CONSONANT}]{{3}}",  # ES: 1234 BCD
    r"[A-HJ-NPR-Z]{2}\ ?\d{3}\ ?[A-HJ-NPR-Z]{2}",  # IT: AB 123 CD
    r"[A-Z]{2}\d{2}\ ?[A-Z]{3}",  # GB: AB12 CDE
    r"\d{1,2}-[A-Z]{2,3}-\d{1,2}|[A-Z]{1,3}-\d{2,3}-[A-Z]{1,2}",  # NL sidecodes
    r"[A-Z]{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{2}-[A-Z]{2}|[A-Z]{2}-\d{2}-[A-Z]{2}",
)
# Layouts that ordinary words and codes can take too: reported in context.
_CONTEXT_ONLY = (
    r"[A-ZÄÖÜ]{1,3}[\ -][A-Z]{1,2}\ ?[1-9]\d{0,3}[EH]?",  # DE: B-AB 1234
    r"[A-Z]{2,3}\ [0-9A-Z]{4,5}",  # PL: WA 12345, KR 1ABC2
    rf"\d{{4}}-[{_CONSONANT}]{{3}}",  # ES with a dash: 1234-BCD (or a code)
    # SE: ABC 123, ABC 12D; no I, Q or V, and no O at the end.
    r"[A-HJ-PR-UW-Z]{3}\ ?\d{2}[0-9A-HJ-NPR-UW-Z]",
    r"[A-Z]{2}\ \d{2}\ \d{3}",  # DK: AB 12 345
    r"[A-ZÅÄÖ]{2,3}-\d{1,3}",  # FI: ABC-123
    r"\d{1,4}\ [A-Z]{1,3}\ (?:\d{2}|2[AB])",  # FR before 2009: 1234 AB 75
    r"\d{2,3}-[A-Z]{1,2}-\d{1,6}",  # IE: 191-D-12345
)
# Words that name an issue, a task or a change right before its key:
# "ticket OPS-771", "see CAR-412", "Fixes: KFZ-12", "(Jira ABC-12)".
_ISSUE_WORDS = (
    "ticket|tickets|issue|issues|bug|bugs|task|story|epic|jira|pr|mr|see|fix|"
    "fixes|fixed|closes|closed|resolves|resolved|refs|"
    "siehe|aufgabe|fehler|voir|tâche|ver|tarea|incidencia|vedi|zie|taak|"
    "zadanie|zgłoszenie|tarefa|ärende|uppgift|opgave|sag|tiketti|tehtävä|katso"
)
_ISSUE_BEFORE = re.compile(rf"(?<![^\W_])(?i:{_ISSUE_WORDS})[\ \t:#(\[]*\Z")
_ISSUE_REACH = 24
# A vehicle word glued to the next word by a dash: a compound ("Auto-Update").
_COMPOUND_NEXT = re.compile(r"-[^\W\d_]")
_YEAR_AND_LETTERS = re.compile(r"(?:19[5-9]\d|20[0-3]\d)\ ?[A-Z]{3}")
_DISTINCT_RE = re.compile("|".join(f"(?:{p})" for p in _DISTINCT))
_PLATE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in _DISTINCT + _CONTEXT_ONLY) + ")"
    r"(?![\w-])"
)


class LicensePlateRecognizer(PatternRecognizer):
    """A registration plate in one of eight national layouts."""

    name = "license_plate"
    entity = "LICENSE_PLATE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_PLATE,)
    starts_at = Start.CAPITAL_OR_DIGIT
    needs = Feature.DIGIT
    explanation = "a national plate layout; weak layouts need a vehicle word"
    context = "plate"
    negative = "negative"
    score = FORMAT_SCORE

    def validate(self, value: str) -> bool:
        """At least one digit and one letter."""
        has_digit = any(char.isdigit() for char in value)
        return has_digit and any(char.isalpha() for char in value)

    def base_score(self, value: str) -> float:
        """Distinctive layouts stand alone; the others need context.

        So does a Spanish-looking plate whose digits are a year: "2019 BMW"
        is a model year and a make far more often than a plate.
        """
        if _YEAR_AND_LETTERS.fullmatch(value):
            return CONTEXT_NEEDED_SCORE
        if _DISTINCT_RE.fullmatch(value):
            return FORMAT_SCORE
        return CONTEXT_NEEDED_SCORE

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """A weak layout in context, unless it is an issue key: right after
        an issue word, or with no vehicle word near but its own letters or
        the first half of a compound."""
        score = super().context_score(text, start, end, languages)
        if score < self.score or self.base_score(text[start:end]) >= self.score:
            return score
        if _ISSUE_BEFORE.search(text, max(0, start - _ISSUE_REACH), start):
            return NEGATIVE_SCORE
        if not _vehicle_word_near(text, start, end, languages):
            return CONTEXT_NEEDED_SCORE
        return score


def _vehicle_word_near(
    text: str, start: int, end: int, languages: Sequence[str]
) -> bool:
    """Whether a vehicle word stands near ``[start, end)`` that is neither
    the candidate's own letters ("car ... CAR-412") nor the first half of a
    compound ("Auto-Update")."""
    pattern = context_pattern("plate", tuple(languages))
    if pattern is None:
        return False
    own = "".join(char for char in text[start:end] if char.isalpha()).lower()
    low, high = window(text, start, end, *DEFAULT_WINDOW)
    for lo, hi in ((low, start), (end, high)):
        for word in pattern.finditer(text, lo, hi):
            if word.group().lower() == own:
                continue
            if _COMPOUND_NEXT.match(text, word.end()):
                continue
            return True
    return False
