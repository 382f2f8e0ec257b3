"""A lone given name after a chat greeting or introduction: "Hälsa Klara!"
(Swedish: say hello to Klara), "Tu Kuba, ..." (Polish: this is Kuba).

The model finds "Hej Elin!" but not "Hälsa Klara!" or "Tu Kuba,": the word
before the name is rare as an opener in its training texts. A capitalised
word is a name when it stands at the start of a sentence after one of a
few such words and right before a comma, "!" or the end of the sentence,
and it is a given name the lexicon knows (a place too: "Kuba") or neither
a word nor a place it knows (a nickname): not "Hier ist Schluss.", "Det
är Sverige." or "Tu Warszawa, ...".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gdprgate.detect.finding import Finding, SpanIndex
from gdprgate.detect.gate import Lexicon

CHAT_INTRO_SCORE = 0.7
CHAT_INTRO_SOURCE = "chat-intro"

# Swedish "hälsa" (say hello to), "det är" (it is); Polish "tu" (this is),
# "pozdrów" (say hello to); German "hier ist", "grüß"; Dutch "met" on the
# phone is too common a word and stays out.
_INTRO_LIST = "Hälsa|Det är|Tu|Pozdrów|Pozdrówcie|Hier ist|Grüß"
_INTRO = re.compile(
    rf"(?:^|(?<=[.!?…]\s)|(?<=[.!?…]\s\s)|(?<=\n))(?:{_INTRO_LIST})[ \t]+"
    r"(?P<name>[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][^\W\d_A-Z]{1,20})(?=[ \t]*(?:[,!.?]|$))",
    re.MULTILINE,
)


def _name_like(word: str, lexicon: Lexicon) -> bool:
    """A given name the lexicon knows ("kuba", a place too), or a word it
    knows neither as a word nor as a place (a nickname)."""
    return word in lexicon.given or (
        word not in lexicon.words and word not in lexicon.places
    )


def chat_intro_names(
    text: str, findings: Sequence[Finding], lexicon: Lexicon
) -> list[Finding]:
    """``findings`` and the names after a chat introduction that none of
    them covers (see the module doc)."""
    taken = SpanIndex(findings)
    added: list[Finding] = []
    for match in _INTRO.finditer(text):
        start, end = match.span("name")
        if not _name_like(match.group("name").lower(), lexicon):
            continue
        if taken.touches(start, end):
            continue
        added.append(Finding(start, end, "PERSON", CHAT_INTRO_SCORE, CHAT_INTRO_SOURCE))
    if not added:
        return list(findings)
    return sorted([*findings, *added], key=lambda f: f.start)
