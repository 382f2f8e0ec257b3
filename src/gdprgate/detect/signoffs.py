"""A given name alone after a greeting or a sign-off: "Pozdrawiam,\\nMarek".

Messages open and close with a greeting and a first name ("Dzięki Kasia",
"Viele Grüße\\nJonas", "Cheers, Priya"). The model reads most of them, but
not all ("Pozdrawiam,\\nMałgorzata" scored below the threshold).
:func:`signed_names` finds a capitalised given name that the lexicon knows
(not one of a language's most frequent words) right after one of
:data:`SIGNOFF_PHRASES`, on the same line or the next, followed by the end of
the line or a punctuation mark; a capitalised surname may follow it.

Where a message opens or closes, a given name that is also a frequent word
("Per", "Sam", "Will", "Anders") is a name too (see
:func:`gdprgate.detect.common_names.given_word`):

- after a greeting that opens a line or a sentence and before a comma or
  "!" ("Hej Per, hur mår du?", "Hi Will,");
- after a greeting or a closing that opens a line or a sentence, at the end
  of the line ("Mvh\\nPer", "thanks! Best, Rose"); the closings of
  :data:`_CLOSING_LIST` ("Best", "Love", "Groetjes", "Kram") are ordinary
  words and count only there;
- alone on the last line of the text after a sentence ("Thanks!\\nRose"),
  or after "/", "-" or "~" at its end ("Hur mår du? /Per", "- Anna"; not
  the last item of a list).

A name that opens its line may be in lower case there: a text whose
capitals all open a line or a sentence reaches the name rules recased, its
common-word names in lower case (see :mod:`gdprgate.detect.caseless`).

A group ("Hi Team,", "Hej Alla!"), a greeting word ("Love") or an ordinary
word that is no given name ("Best regards, The Team", "Hi Support,") is
none. Initials and a surname after a greeting or a closing are a name too
("Gruß S. Kühn", "Regards,\nJ.-P. Martin"), unless the surname is a
frequent word ("Thanks, A. Team"). :func:`signed_names` also gives the
given names after an introduction ("my daughter Summer"; see
:mod:`gdprgate.detect.common_names`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gdprgate.detect.common_names import given_word, introduced_names
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
# Closings that are ordinary words as well: they count only where they open
# a line or a sentence and the name ends the line (see the module doc).
_CLOSING_LIST = """
best|all the best|warm regards|many thanks|take care|love|lots of love|yours
 |yours truly|yours sincerely|sincerely|xoxo|speak soon|talk soon
lg|vg|herzliche grüße|liebe grüsse|viele grüsse|bis bald|tschüss
 |mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße
bisous|bien à vous|à bientôt|salutations|amicalement
besos|abrazos|un beso|hasta luego|hasta pronto|cordialmente
baci|un abbraccio|a presto
groetjes|liefs|mvg|hartelijke groet|hartelijke groeten|vriendelijke groet
 |vriendelijke groeten|tot ziens|doei
buziaki|całuję|do zobaczenia|pozdro
beijos|beijinhos|um abraço|abraço|até logo|até breve
kram|kramar|allt gott|ha det bra|vänliga hälsningar|bästa hälsningar
"""


def _phrases(listed: str) -> tuple[str, ...]:
    """The phrases of ``listed``, longest first."""
    phrases = {p.strip() for p in listed.replace("\n", "|").split("|")}
    return tuple(sorted(phrases - {""}, key=len, reverse=True))


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in phrases)


SIGNOFF_PHRASES = _phrases(_GREETING_LIST)
_CLOSINGS = _phrases(_GREETING_LIST + _CLOSING_LIST)
_GREETING = _alternation(SIGNOFF_PHRASES)
_WORD = r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?"
# A given name and, maybe, a surname.
_NAME = rf"(?P<given>{_WORD})(?:[ \t]+(?P<surname>{_WORD}))?"
# Where a line or a sentence opens.
_OPENS = r"(?:^|(?<=[.!?…])[ \t]+)[ \t]*"
_SIGNED = re.compile(
    rf"""
    (?<![\w])(?:{_GREETING})[ \t]*[,!.:]?[ \t]*(?:\r?\n[ \t]*)?
    {_NAME}
    (?=[ \t]*(?:[,.!?;:)]|\r?\n|\Z))
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A greeting that opens a line, and a name before a comma or "!".
_OPENED = re.compile(
    rf"{_OPENS}(?:{_GREETING})[ \t]*[,!]?[ \t]*{_NAME}(?=[ \t]*[,!])",
    re.IGNORECASE | re.MULTILINE,
)
# A greeting or closing that opens a line, and a name that ends it.
_CLOSED = re.compile(
    rf"""
    {_OPENS}(?:{_alternation(_CLOSINGS)})[ \t]*[,!.:]?[ \t]*(?:\r?\n[ \t]*)?
    {_NAME}(?=[ \t]*[.!]?[ \t]*(?:\r?\n|\Z))
    """,
    re.VERBOSE | re.IGNORECASE | re.MULTILINE,
)
# A name alone, or after a slash or dash ("-- " and a line break in
# e-mail), at the end of the text.
_LAST = re.compile(
    rf"""
    {_OPENS}(?P<dash>[/~–—-]{{1,2}}[ \t]*(?:\r?\n[ \t]*)?)?
    {_NAME}[ \t]*[.!]?\s*\Z
    """,
    re.VERBOSE | re.MULTILINE,
)
# Initials and a surname after a greeting or a closing ("Gruß S. Kühn",
# "Regards,\nJ.-P. Martin"): how people sign who sign with their surname.
_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ"
_INITIALED = re.compile(
    rf"""
    (?<![\w])(?i:{_alternation(_CLOSINGS)})[ \t]*[,!.:]?[ \t]*(?:\r?\n[ \t]*)?
    (?P<given>(?:[{_UPPER}]\.(?:-?[{_UPPER}]\.)?[ \t]?){{1,3}}[ \t]?)
    (?P<surname>[{_UPPER}][^\W\d_]{{2,}}(?:-[{_UPPER}][^\W\d_]+)?)
    (?=[ \t]*(?:[,.!?;:)]|\r?\n|\Z))
    """,
    re.VERBOSE,
)
# How far from its end the last line of a text is looked for.
_LAST_LINE = 200
# Given names that alone on a last line are a goodbye: Dutch "Dag!" (a
# Swedish name after a closing: "Hälsningar\nDag").
_GOODBYES = frozenset({"dag"})


def signed_names(text: str, lexicon: Lexicon) -> list[Finding]:
    """Every given name (and surname) right after a greeting, at the end
    of ``text`` or after an introduction (see the module doc)."""
    found = [
        *(_name(m, lexicon, False) for m in _matches(_SIGNED, text)),
        *(_name(m, lexicon, True) for m in _matches(_OPENED, text)),
        *(_name(m, lexicon, True) for m in _matches(_CLOSED, text)),
        *(_name(m, lexicon, True) for m in _last(text)),
        *_initialed(text, lexicon),
        *introduced_names(text, lexicon),
    ]
    chosen: list[Finding] = []
    for name in sorted((f for f in found if f is not None), key=lambda f: f.start):
        if not chosen or chosen[-1].end <= name.start:
            chosen.append(name)
    return chosen


def _initialed(text: str, lexicon: Lexicon) -> Iterator[Finding]:
    """Initials and a surname that is no ordinary word after a greeting
    or a closing (see :data:`_INITIALED`)."""
    for match in _INITIALED.finditer(text):
        # After initials a rarer word is a surname ("S. Kühn": "kühn" is
        # German for bold); a frequent one is no one's ("A. Team").
        surname = match.group("surname").lower()
        if surname in lexicon.frequent and surname not in lexicon.names:
            continue
        yield Finding(
            match.start("given"),
            match.end("surname"),
            "PERSON",
            SIGNOFF_SCORE,
            SIGNOFF_SOURCE,
        )


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pattern``, each searched for again from its name on:
    the word read as a name may open the next match ("Tack!\\nKram\\nPer")."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start("given")


def _last(text: str) -> list[re.Match[str]]:
    """The name that ends ``text`` after a dash or on a line of its own,
    where the line before is no item of the same list ("- Red\\n- Rose")
    and, for a name alone, ends a sentence ("Thanks!\\nRose")."""
    match = _LAST.search(text, max(0, len(text) - _LAST_LINE))
    if match is None:
        return []
    start, dash = match.start(), match.group("dash")
    if start == 0 or text[start - 1] != "\n":
        return [match] if dash is not None else []
    before = text[: start - 1].rstrip().rpartition("\n")[2].strip()
    if dash is not None:
        return [] if before.startswith(dash[0]) else [match]
    if match.group("given").lower() in _GOODBYES:
        return []
    return [match] if before.endswith((".", "!", "?", ",", "…")) else []


def _name(match: re.Match[str], lexicon: Lexicon, frequent: bool) -> Finding | None:
    """The name of ``match``, if its given name is one (also one that is a
    frequent word, with ``frequent``) and its surname, if any, is one."""
    given = match.group("given")
    if given.lower() in _CLOSINGS:
        return None
    text, start = match.string, match.start("given")
    line = text.rfind("\n", 0, start)
    if (
        frequent
        and given.islower()
        and line >= 0
        and not text[line + 1 : start].strip()
    ):
        # The first letter of a line says nothing (see the module doc).
        given = given.capitalize()
    if not given_word(given, lexicon) or (
        not frequent and given.lower() in lexicon.frequent
    ):
        return None
    end = match.end("given")
    surname = match.group("surname")
    if surname is not None:
        if not (surname[0].isupper() and not lexicon.is_ordinary(surname.lower())):
            return None
        end = match.end("surname")
    return Finding(start, end, "PERSON", SIGNOFF_SCORE, SIGNOFF_SOURCE)
