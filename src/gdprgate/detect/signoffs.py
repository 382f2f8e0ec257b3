"""A given name alone after a greeting or a sign-off: "Pozdrawiam,\\nMarek".

Messages open and close with a greeting and a first name ("Dzięki Kasia",
"Viele Grüße\\nJonas", "Cheers, Priya"). The model reads most of them, but
not all ("Pozdrawiam,\\nMałgorzata" scored below the threshold).
:func:`signed_names` finds a capitalised given name that the lexicon knows
(not one of a language's most frequent words) right after one of
:data:`SIGNOFF_PHRASES`, on the same line or the next, followed by the end of
the line or a punctuation mark; a capitalised surname may follow it.
"""

from __future__ import annotations

import re

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon

SIGNOFF_SCORE = 0.7
SIGNOFF_SOURCE = "sign-off"

# Greetings and closings, one line per language (en, de, fr, es, it, nl,
# pl, pt, sv); a space matches any run of spaces.
_GREETING_LIST = """
regards|best regards|kind regards|best wishes|cheers|thanks|thank you|hi|hello|hey|dear
grüße|viele grüße|liebe grüße|beste grüße|gruß|mfg|danke|hallo|servus|moin|lieber|liebe
cordialement|amitiés|bonjour|salut|merci|bises
saludos|un saludo|atentamente|gracias|hola|un abrazo
saluti|cordiali saluti|un saluto|grazie|ciao|buongiorno
groeten|met vriendelijke groet|groet|bedankt|hoi|hallo
pozdrawiam|z poważaniem|pozdrowienia|serdecznie pozdrawiam|dzięki|dziękuję
cześć|hej|witaj
cumprimentos|atenciosamente|obrigado|obrigada|olá|abraços
hälsningar|med vänliga hälsningar|mvh|tack|hej
"""
SIGNOFF_PHRASES = tuple(
    sorted(
        {g.strip() for g in _GREETING_LIST.replace("\n", "|").split("|") if g.strip()},
        key=len,
        reverse=True,
    )
)
_GREETING = "|".join(re.escape(g).replace(r"\ ", r"[ \t]+") for g in SIGNOFF_PHRASES)
_WORD = r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?"
_SIGNED = re.compile(
    rf"""
    (?<![\w])(?:{_GREETING})[ \t]*[,!.:]?[ \t]*(?:\r?\n[ \t]*)?
    (?P<given>{_WORD})(?:[ \t]+(?P<surname>{_WORD}))?
    (?=[ \t]*(?:[,.!?;:)]|\r?\n|\Z))
    """,
    re.VERBOSE | re.IGNORECASE,
)


def signed_names(text: str, lexicon: Lexicon) -> list[Finding]:
    """Every given name (and surname) right after a greeting in ``text``."""
    found: list[Finding] = []
    for match in _SIGNED.finditer(text):
        given = match.group("given")
        if not _known_given(given, lexicon):
            continue
        end = match.end("given")
        surname = match.group("surname")
        if surname is not None:
            if not (surname[0].isupper() and not lexicon.is_ordinary(surname.lower())):
                continue
            end = match.end("surname")
        found.append(
            Finding(match.start("given"), end, "PERSON", SIGNOFF_SCORE, SIGNOFF_SOURCE)
        )
    return found


def _known_given(word: str, lexicon: Lexicon) -> bool:
    """A capitalised given name that is none of the most frequent words."""
    if not word[0].isupper() or (len(word) > 1 and word.isupper()):
        return False
    lower = word.lower()
    return lower in lexicon.given and lower not in lexicon.frequent
