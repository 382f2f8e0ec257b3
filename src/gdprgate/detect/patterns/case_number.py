"""Court case and application numbers: "application no. 12345/04".

The European Court of Human Rights and many national courts number cases as
a serial, a slash and a two-digit year; land registers number plots the same
way ("parcel no. 119/5"). The number names a party, so it identifies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    PatternRecognizer,
    matches_at,
)
from gdprgate.detect.patterns.scan import Feature, TextScan

# A serial and one to three slash-separated parts; the text rebuilt from
# tokenised corpora writes spaces around the slash ("18949 / 91").
_ITEM = r"\d{1,6}(?:\ ?/\ ?\d{1,4}){1,3}"
# "no.", "nos.", "n°", "nº", "n.º", "n. o", "núm.", "number(s)", "Nr." ...
_NUMBER_WORD = r"""
    (?:numbers?|nos?|n[°º]s?|n\.\ ?[ºo]s?|núm|num|nr|numéros?|números?|az)
    \.?
"""
# Items of one list: "123/05, 456/06 and 789/07" (and, et, y, e, und, en, or).
_LIST_GAP = r"(?:\ ?,\ ?|\ (?:and|et|y|e|und|en|i|or|ou|o)\ )"

_LISTED = re.compile(
    rf"""
    (?<!\w){_NUMBER_WORD}\ ?
    (?P<list>{_ITEM}(?:{_LIST_GAP}(?:{_NUMBER_WORD}\ ?)?{_ITEM})*)
    (?![\w/]|\ ?/\ ?\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Where a number word may begin: "n", "N", "a" or "A" at the start of a word
# (no other character matches them when case is ignored).
_LISTED_START = re.compile(r"[nNaA](?<!\w[nNaA])")
_ITEM_PATTERN = re.compile(_ITEM)
# A bare application number: four to six digits, a slash, a two-digit year.
_BARE = re.compile(r"(?<![\w/.,-])\d{4,6}/\d{2}(?![\w/]|[.,-]\d)")
# What may stand right before an item of a list: a number word, or an
# earlier item and a gap. Searched in a short stretch before the item.
_NUMBER_WORD_BEFORE = re.compile(rf"(?<!\w){_NUMBER_WORD}\ ?\Z", re.VERBOSE | re.I)
_ITEM_BEFORE = re.compile(
    rf"(?<![\w/]){_ITEM}{_LIST_GAP}(?:{_NUMBER_WORD}\ ?)?\Z", re.VERBOSE | re.I
)
_ITEM_CHARS = 60


class CaseNumberRecognizer(PatternRecognizer):
    """Serial/year numbers after "no." or near a word for a case.

    After a number word ("no.", "nos.", "n°", "nº", ...) every item of the
    list that follows counts; a bare ``12345/04`` needs a case word
    ("application", "requête", "demanda", "Beschwerde", ...) near it.
    """

    name = "case_number"
    entity = "ID_NUMBER"
    explanation = "a serial/year number after 'no.' or near a word for a case"
    needs = Feature.DIGIT
    context = "case_number"
    score_without_context = CONTEXT_NEEDED_SCORE

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """Every item of a numbered list, and every bare serial/year."""
        listed_starts = [start.start() for start in _LISTED_START.finditer(text)]
        for match in matches_at(_LISTED, text, listed_starts):
            offset = match.start("list")
            for item in _ITEM_PATTERN.finditer(match.group("list")):
                yield offset + item.start(), offset + item.end()
        for match in matches_at(_BARE, text, scan.digit_starts):
            yield match.start(), match.end()

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """Full score inside a numbered list; otherwise a case word decides."""
        if _in_numbered_list(text, start):
            return self.score
        return super().context_score(text, start, end, languages)


def _in_numbered_list(text: str, start: int) -> bool:
    """Whether the item at ``start`` follows a number word, through its list.

    Walks back over the items and gaps before it ("nos. 1/05, 2/05 and"), one
    item at a time, so a list of any length is read in linear time.
    """
    position = start
    while position > 0:
        low = max(0, position - _ITEM_CHARS)
        if _NUMBER_WORD_BEFORE.search(text, low, position):
            return True
        previous = _ITEM_BEFORE.search(text, low, position)
        if previous is None:
            return False
        position = previous.start()
    return False
