"""Court case and application numbers: "application no. 12345/04".

The European Court of Human Rights and many national courts number cases as
a serial, a slash and a two-digit year; land registers number plots the same
way ("parcel no. 119/5"). The number names a party, so it identifies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from gdprgate.detect.context import context_pattern
from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    NEGATIVE_SCORE,
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
# What may stand between a word for a document and its number word: "Invoice
# no.", "Rechnung: Nr.", "Ticket #".
_GAP_TO_NUMBER_WORD = re.compile(r"[\s:#]*")


class CaseNumberRecognizer(PatternRecognizer):
    """Serial/year numbers after "no." or near a word for a case.

    After a number word ("no.", "nos.", "n°", "nº", ...) every item of the
    list that follows counts, unless a word for a commercial document (the
    ``number_negative`` words: "Invoice no.", "Rechnung Nr.", "Faktura nr",
    "Ticket no.") stands right before the number word; a bare ``12345/04``
    needs a case word ("application", "requête", "demanda", "Beschwerde",
    ...) near it.
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
        """Full score inside a numbered list, none after an invoice's or an
        order's number word; otherwise a case word decides."""
        number_word = _list_number_word(text, start)
        if number_word is not None:
            if _document_word_before(text, *number_word, languages):
                return NEGATIVE_SCORE
            return self.score
        return super().context_score(text, start, end, languages)


def _list_number_word(text: str, start: int) -> tuple[int, int] | None:
    """The number word the item at ``start`` follows, through its list.

    Walks back over the items and gaps before it ("nos. 1/05, 2/05 and"), one
    item at a time, so a list of any length is read in linear time.
    """
    position = start
    while position > 0:
        low = max(0, position - _ITEM_CHARS)
        word = _NUMBER_WORD_BEFORE.search(text, low, position)
        if word is not None:
            return word.start(), word.end()
        previous = _ITEM_BEFORE.search(text, low, position)
        if previous is None:
            return None
        position = previous.start()
    return None


def _document_word_before(
    text: str, start: int, end: int, languages: Sequence[str]
) -> bool:
    """Whether a ``number_negative`` word (invoice, order, ticket, ...) ends
    right before the number word at ``[start, end)``, or takes it in ("part
    no", "art nr")."""
    pattern = context_pattern("number_negative", tuple(languages))
    if pattern is None:
        return False
    for match in pattern.finditer(text, max(0, start - _ITEM_CHARS), end):
        if match.end() > start or _GAP_TO_NUMBER_WORD.fullmatch(
            text, match.end(), start
        ):
            return True
    return False
