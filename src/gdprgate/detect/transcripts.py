"""Speakers of a chat transcript, and a title before a lower-case surname.

A chat log names its speakers at the start of each line, often in lower
case: "[10:02] sam: hey", "10:03 vale: sì", "<tim> ja". The model reads
the line as prose and misses them. :func:`transcript_speakers` finds the
one or two words before a colon at the start of a line (after an optional
timestamp such as "[10:02]", "10:02" or "2024-05-01 10:02"), or a "<nick>";
such a speaker is a ``PERSON`` when every word is a given name the lexicon
knows (any case), or, where two lines or more have that shape (a
transcript), when every word is no ordinary word or the line carries a
timestamp or a nick. Labels never are: roles, headings and the names of
data ("Name:", "Subject:", "Betreff:", "User:", "Assistant:", "Q:",
"Kunde:"; :data:`LABELS`, the role and data words of the other rules).

:func:`titled_names` reads a title in text written without case (see
:mod:`gdprgate.detect.caseless`; the caller says which): a lower-case
title (:data:`TITLES`: "mr", "herrn", "signor", "dottoressa") before a
word that is no frequent word, role or title ("la dottoressa ferri",
"richiama il signor esposito") is a ``PERSON``, title and surname. Titles
that are also common words ("miss", "don", "pan", "ms") are left out.
"""

from __future__ import annotations

import re

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon
from gdprgate.detect.generic_names import DATA_WORDS
from gdprgate.detect.name_scorer import ROLE_WORDS

SPEAKER_SCORE = 0.7
SPEAKER_SOURCE = "transcript"
TITLE_SCORE = 0.7
TITLE_SOURCE = "title"

# Words that head a line as a label, not as a speaker.
_LABEL_LIST = """
name subject betreff re fwd note notes nb ps user assistant system human ai
bot q a question answer kunde customer client agent support admin
moderator host guest interviewer speaker from to cc bcc date time datum
von an objet sujet asunto oggetto onderwerp temat assunto ämne
warning error info debug todo fixme tip hint example output input
total status id ref answer frage antwort pregunta respuesta domanda
risposta vraag antwoord pytanie odpowiedź pergunta resposta fråga svar
patient patientin doctor arzt ärztin nurse teacher student
"""
LABELS = frozenset(_LABEL_LIST.split()) | DATA_WORDS | ROLE_WORDS

_WORD = r"[^\W\d_][\w'’.-]*"
_LINE = re.compile(
    rf"""
    ^[ \t]*
    (?P<stamp>
        \[[^\]\n]{{1,30}}\][ \t]*
        | (?:\d{{4}}-\d{{2}}-\d{{2}}[ T])?\d{{1,2}}:\d{{2}}(?::\d{{2}})?
          [ \t]*(?:[-–|][ \t]*)?
    )?
    (?:
        <(?P<nick>{_WORD})>
        | (?P<speaker>{_WORD}(?:[ \t]{_WORD})?)[ \t]*:(?!//)
    )
    """,
    re.VERBOSE | re.MULTILINE,
)
_PART = re.compile(r"[^\W\d_][\w'’-]*")

# Lower-case titles before a surname, one line per language.
_TITLE_LIST = """
mr mrs dr prof
herr herrn frau
monsieur madame mme mlle
señor señora doña
signor signora signore dottore dottoressa dott
meneer mevrouw dhr mevr
pani pana panią
senhor senhora
"""
TITLES = frozenset(_TITLE_LIST.split())
# Roles after a title: "frau doktor", "pani prezes".
_TITLE_ROLE_LIST = "doktor doctor professor profesor prezes dyrektor mecenas sędzia"
_NOT_SURNAME = TITLES | ROLE_WORDS | frozenset(_TITLE_ROLE_LIST.split())
_TITLED = re.compile(
    rf"(?<![\w.])(?P<title>{'|'.join(sorted(TITLES, key=len, reverse=True))})\.?"
    r"[ \t]+(?P<surname>[^\W\d_][\w'’-]*)",
    re.IGNORECASE,
)


def transcript_speakers(text: str, lexicon: Lexicon) -> list[Finding]:
    """The speakers named at the start of the lines of ``text``."""
    lines = list(_LINE.finditer(text))
    transcript = len(lines) >= 2
    found: list[Finding] = []
    for line in lines:
        group = "nick" if line.group("nick") is not None else "speaker"
        words = _PART.findall(line.group(group))
        if not words or any(word.lower() in LABELS for word in words):
            continue
        given = all(word.lower() in lexicon.given for word in words)
        marked = line.group("stamp") is not None or group == "nick"
        plain = all(not lexicon.is_ordinary(word.lower()) for word in words)
        if given or (transcript and (marked or plain)):
            found.append(
                Finding(
                    line.start(group),
                    line.end(group),
                    "PERSON",
                    SPEAKER_SCORE,
                    SPEAKER_SOURCE,
                )
            )
    return found


def titled_names(text: str, lexicon: Lexicon) -> list[Finding]:
    """Every surname after a lower-case title in ``text`` (a text written
    without case, or its recased view), with the title."""
    found: list[Finding] = []
    for match in _TITLED.finditer(text):
        surname = match.group("surname")
        lower = surname.lower()
        if not match.group("title").islower():
            continue
        if lower in _NOT_SURNAME or lower in lexicon.frequent:
            continue
        found.append(
            Finding(match.start(), match.end(), "PERSON", TITLE_SCORE, TITLE_SOURCE)
        )
    return found
