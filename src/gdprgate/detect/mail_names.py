"""A name written surname first in a mail header: "Von: Kühn, Sebastian".

Directories of companies write names "Surname, Given name", and mail
clients copy them into the "From:", "To:" and "Cc:" lines of every quoted
message ("Von: Kühn, Sebastian <...>", "Aan: Jansen, Pieter"). The layers
read the given name and leave the surname before the comma: on 204
hand-written letters, chats and mails (fictional) it was 1 of the 7 names
left partly outside a finding, and the commonest shape of a quoted reply.

:func:`join_header_names` makes one ``PERSON`` of the surname, the comma
and the given name when the line opens with a mail header field
(:data:`gdprgate.detect.transcripts.HEADER_FIELDS`), the given name is one
the lexicon knows and the pair ends the line or stands before an address
("<"), a ";" or a bracket.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gdprgate.detect.finding import Finding, SpanIndex
from gdprgate.detect.gate import Lexicon
from gdprgate.detect.transcripts import HEADER_FIELDS

HEADER_NAME_SCORE = 0.8
HEADER_NAME_SOURCE = "mail-header"

_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ"
_NAME_WORD = rf"[{_UPPER}][^\W\d_]+(?:[-'’][{_UPPER}]?[^\W\d_]+)*"
_HEADER_NAME = re.compile(
    rf"""
    ^[ \t]*(?P<field>[^\W\d_][\w-]*)[ \t]*:[ \t]*
    (?P<name>(?:{_NAME_WORD}[ \t]){{0,2}}{_NAME_WORD},[ \t]+
    (?P<given>{_NAME_WORD})(?:[ \t]{_NAME_WORD})?)
    (?=[ \t]*(?:[<;(\[]|\r?$))
    """,
    re.VERBOSE | re.MULTILINE,
)


def join_header_names(
    text: str, findings: Sequence[Finding], lexicon: Lexicon
) -> list[Finding]:
    """``findings`` with every "Surname, Given" of a mail header field as
    one ``PERSON``, in place of the findings inside it."""
    if ":" not in text or "," not in text:
        return list(findings)
    joined = [
        Finding(
            match.start("name"),
            match.end("name"),
            "PERSON",
            HEADER_NAME_SCORE,
            HEADER_NAME_SOURCE,
        )
        for match in _HEADER_NAME.finditer(text)
        if match.group("field").lower() in HEADER_FIELDS
        and match.group("given").lower() in lexicon.given
    ]
    if not joined:
        return list(findings)
    taken = SpanIndex(joined)
    kept = [f for f in findings if not taken.touches(f.start, f.end)]
    return sorted(kept + joined, key=lambda f: (f.start, f.end))
