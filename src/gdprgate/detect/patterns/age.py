"""Ages: a number of years next to "aged", "years old", "Jahre alt", ...

A number after a comparison ("WHERE age > 30", "age >= 18") is a bound
in a query or a rule, no one's age.

Some ways of writing an age need no age word, because the shape says it:

- a suffix glued to the number: "34enne", "67yo", "67y/o";
- a unit in brackets: "(81 J.)", "(81 år)";
- a number between commas or in brackets right after a name with a title
  near, or between commas after a name and before a lower-case word:
  "Frau Brenner, 67, wohnt", "Mrs Brenner (67)", "Lena, 40, lives";
- a number after "turns" ("wird", "fyller", "cumple", ...) that ends the
  clause: "sie wird 40!".

The duration words (``age_negative``) still win over every one of these,
but only over the number they quantify: a word with another number between
it and the age ("Frau Brenner, 67, seit 3 Jahren", "Mario, 34enne da 3
anni"), or a word right before another number ("seit 3"), speaks of that
other number, not of the age.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from gdprgate.detect.context import Surroundings, context_pattern, window
from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    NEGATIVE_SCORE,
    PatternRecognizer,
)
from gdprgate.detect.patterns.scan import Start
from gdprgate.detect.patterns.street_address import starts_address

# One to three digits, not part of a decimal, a date, a time or a code. A
# comma or colon after a word is a field separator ("age,34", "age:34").
# Nor after a comparison sign ("> 30", ">=18", "!= 30"); "=" alone assigns.
_AGE = re.compile(
    r"(?<![\w./-])(?<!\d[,:])(?<![<>]\ )(?<![<>])(?<![<>!]=\ )(?<![<>!]=)"
    r"\d{1,3}(?![\w]|[.,:/]\d|\ ?%)"
)
# Suffixes that make a number an age when glued to it.
_GLUED_SUFFIX = r"(?:enne|yo|y/o)(?![\w/-])"
_GLUED = re.compile(r"(?<![\w./-])(\d{1,3})" + f"(?={_GLUED_SUFFIX})")
_GLUED_AFTER = re.compile(_GLUED_SUFFIX)
# "(81 J.)", "(81 yrs)", "(81 år)": a unit of years in brackets.
_BRACKET_UNIT = re.compile(
    r"\ ?(?:J|Jr|y|yrs?|år|ans|años|anos|anni|jaar|jr|lat)\.?\)", re.IGNORECASE
)
# A name of three letters or more, then a comma or an opening bracket.
_NAME_BEFORE = re.compile(r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ][^\W\d_]{2,}(?:,\ |\ \()\Z")
_CLOSE_AFTER = re.compile(r",|\)")
_LOWER_WORD_AFTER = re.compile(r",\ [^\W\d_A-ZÀ-ÖØ-Þ]")
_TURNS_BEFORE = re.compile(
    r"(?<!\w)(?:wird|werde|wirst|turns|turned|turning|fyller|fyllde|wordt|werd"
    r"|compie|compirà|cumple|cumplirá|skończy|skończył|skończyła|faz|fará)\ \Z",
    re.IGNORECASE,
)
_CLAUSE_END_AFTER = re.compile(r"[!.?;]|,\ |\s*\Z")
# How far back the shapes above can reach.
_LOOK_BACK = 40
_OLDEST = 120
# A number, and a duration word that opens on one ("seit 3", "for 20").
_DIGIT = re.compile(r"\d")
_NUMBER_NEXT = re.compile(r"[ \t\u00a0]*\d")


def _shows_age(text: str, start: int, end: int, around: Surroundings) -> bool:
    """Whether the number at ``[start, end)`` is written the way ages are."""
    before = text[max(0, start - _LOOK_BACK) : start]
    if _GLUED_AFTER.match(text, end):
        return True
    if before.endswith("(") and _BRACKET_UNIT.match(text, end):
        return True
    if _TURNS_BEFORE.search(before):
        return _CLAUSE_END_AFTER.match(text, end) is not None
    if _NAME_BEFORE.search(before) and _CLOSE_AFTER.match(text, end):
        # "Mme Dupont, 12, rue de la Paix": a house number, not an age.
        if starts_address(text, start):
            return False
        return bool(_LOWER_WORD_AFTER.match(text, end)) or around.has("person")
    return False


class AgeRecognizer(PatternRecognizer):
    """A number up to 120 with an age word right before or after it, or
    written the way ages are (see the module's docstring).

    The window is two words wide on either side, so "3 years of work" or
    "vor 3 Jahren" stays out; "ago" words count against it.
    """

    name = "age"
    entity = "AGE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_AGE, _GLUED)
    starts_at = Start.DIGIT
    explanation = "a number up to 120 next to an age word or in an age's shape"
    context = "age"
    negative = "age_negative"
    negative_first = True
    score_without_context = CONTEXT_NEEDED_SCORE
    context_window = (3, 2)

    def validate(self, value: str) -> bool:
        """A plausible age in years."""
        return 0 < int(value) <= _OLDEST

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """Full for an age's shape with no duration word of its own; else
        by the age words."""
        if _quantified(text, start, end, self.context_window, languages):
            return NEGATIVE_SCORE
        around = Surroundings(text, start, end, self.context_window)
        if _shows_age(text, start, end, around):
            return self.score
        base = self.base_score(text[start:end])
        context = self.context
        if base < self.score and context is not None and around.has(context, languages):
            return self.score
        return base


def _quantified(
    text: str,
    start: int,
    end: int,
    size: tuple[int, int],
    languages: Sequence[str],
) -> bool:
    """Whether a duration word near the number at ``[start, end)`` speaks
    of it: no other number stands between them, and a word after it does
    not open on a number of its own ("67, seit 3 Jahren")."""
    pattern = context_pattern("age_negative", tuple(languages))
    if pattern is None:
        return False

    low, high = window(text, start, end, *size)
    for word in pattern.finditer(text, low, start):
        if not _DIGIT.search(text, word.end(), start):
            return True
    for word in pattern.finditer(text, end, high):
        if _DIGIT.search(text, end, word.start()):
            continue
        if not _NUMBER_NEXT.match(text, word.end()):
            return True
    return False
