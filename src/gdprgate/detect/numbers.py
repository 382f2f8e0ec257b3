"""Numbers a model calls personal that say what they are not.

Rampart and spaCy read any long number as an identifier, a phone number or
a date: an ISBN, a build number, a millisecond timestamp. The pattern
recognizers check their own numbers against ``negative`` context words;
:func:`drop_plain_numbers` does the same for the model layers' findings
that are only digits and separators:

- a word of the ``number_negative`` context key (ISBN, version, timestamp,
  order, invoice, ... in eight languages) within a few words before or
  after it drops it, unless a word of the ``number_owner`` key (customer,
  patient, member, ID, Kunde, ...) stands near it too: "invoice for
  customer 88231944" keeps the customer number;
- a "date" of thirteen digits from ``1000000000000`` to ``2199999999999``
  is a Unix time in milliseconds (2001 to 2039). Only a date: thirteen
  digits read as an identifier may be a Romanian CNP or a JMBG.

Legal case words ("case", "dossier", "Az.") are not on the list: a case
number names the parties' case, and TAB counts it as a direct identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from gdprgate.detect.context import has_context
from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding

MODEL_SOURCES = frozenset({"rampart", "spacy"})
# Digits with the separators numbers are written with, nothing else.
_PLAIN_NUMBER = re.compile(r"\+?\d[\d\s./:-]*\d|\d")
_MILLISECONDS = re.compile(r"\A(?:1\d|2[01])\d{11}\Z")
# (words before, words after) read for a negative word.
WINDOW = (3, 1)


def drop_plain_numbers(
    text: str,
    findings: Iterable[Finding],
    languages: Sequence[str] = CONTEXT_LANGUAGES,
) -> list[Finding]:
    """``findings`` without model-found numbers that context calls no
    personal data (see the module doc)."""
    kept: list[Finding] = []
    for finding in findings:
        value = text[finding.start : finding.end]
        if finding.source in MODEL_SOURCES and _PLAIN_NUMBER.fullmatch(value):
            if finding.entity == "DATE_TIME" and _MILLISECONDS.match(value):
                continue
            start, end = finding.start, finding.end
            if has_context(
                text, start, end, "number_negative", languages, WINDOW
            ) and not has_context(text, start, end, "number_owner", languages):
                continue
        kept.append(finding)
    return kept
