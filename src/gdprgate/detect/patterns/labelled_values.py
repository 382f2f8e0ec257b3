"""Values after a form label that says what they are.

A form pasted as text reads "label: value", a field a line: "Nachname:
Koch", "First name: Will", "Wohnort: Essen". Alone, "Koch", "Will" or
"Essen" are ordinary words that a model rightly leaves alone; the label
says they are a surname, a given name and a town. A line whose label is a
field name of :mod:`gdprgate.detect.patterns.field_names` gives the value
after it that type, up to the line's end (or a tab, a ";" or a " | " that
starts the next field), when the value looks like its type (see
:func:`gdprgate.detect.patterns.column_values.looks_like`). A label that
names no one's things too ("Name", "Address", "Account") counts for values
that look personal on their own. Dates of birth are left to
:mod:`gdprgate.detect.patterns.date_of_birth`, which reads the label as
context and checks the date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding
from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer
from gdprgate.detect.patterns.column_values import looks_like
from gdprgate.detect.patterns.field_names import (
    UNSURE_NAMES,
    field_name_entity,
    fold_field_name,
)
from gdprgate.detect.patterns.scan import TextScan

# A label at a line's start or after a tab, ";" or "|" (a few words of
# letters, "_" or "-"), ":" or "=", and the value on the same line.
# Bounded: a label of 40 characters, a value of 120.
_LABELLED = re.compile(
    r"""(?:^|(?<=[\t;|]))[ \t*\-•]*(?P<label>[^\W\d_][\w'’ .\-]{0,39}?)[ \t]*[:=][ \t]*
    (?P<value>[^\r\n\t;|]{1,120})""",
    re.MULTILINE | re.VERBOSE,
)
_TRAILING = " \t.,"
# A label that names only people's things ("Nachname") vouches for its
# whole value, as a checksum vouches for a number: a model's reading of
# it ("Lo Iacono", trimmed to "Iacono" later) gives way.
LABELLED_SCORE = 1.0
_DATE_OF_BIRTH = "DATE_OF_BIRTH"


class LabelledValueRecognizer(PatternRecognizer):
    """The value after a form label that names a person's name, a user
    name, a place, an e-mail address, a phone number or an IBAN."""

    name = "labelled_value"
    entity = "PERSON"
    explanation = (
        "the value after a form label that names its type: "
        "Nachname: Koch, First name: Will, Wohnort: Essen"
    )
    score = FORMAT_SCORE
    entities: ClassVar[frozenset[str]] = frozenset(
        {
            "PERSON",
            "USERNAME",
            "LOCATION",
            "PHONE_NUMBER",
            "EMAIL_ADDRESS",
            "IBAN_CODE",
        }
    )

    def analyze(
        self,
        text: str,
        languages: Sequence[str] = CONTEXT_LANGUAGES,
        scan: TextScan | None = None,
    ) -> list[Finding]:
        """The values of labels that say what they are and look like it."""
        if ":" not in text and "=" not in text:
            return []
        findings = []
        for match in _LABELLED.finditer(text):
            label = match.group("label")
            entity = field_name_entity(label)
            if entity is None or entity == _DATE_OF_BIRTH:
                continue
            start, end = match.span("value")
            value = text[start:end].rstrip(_TRAILING)
            sure = fold_field_name(label) not in UNSURE_NAMES
            if not value or not looks_like(entity, value, sure):
                continue
            score = self.score if not sure else LABELLED_SCORE
            findings.append(
                Finding(start, start + len(value), entity, score, self.source)
            )
        return findings
