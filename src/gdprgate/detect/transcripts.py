"""Speakers of a chat transcript, and a title before a lower-case surname.

A chat log names its speakers at the start of each line, often in lower
case: "[10:02] sam: hey", "10:03 vale: sì", "<tim> ja". The model reads
the line as prose and misses them. :func:`transcript_speakers` finds the
one or two words before a colon at the start of a line (after an optional
timestamp such as "[10:02]", "10:02" or "2024-05-01 10:02"), or a "<nick>";
such a speaker is a ``PERSON`` when every word is a given name the lexicon
knows (any case). In a transcript (two lines with a timestamp or a nick,
or speakers taking turns: one speaks twice) so is every stamped speaker
and every word that looks like a name; known surnames need two lines.
Labels never are: roles, headings and the names of data ("Name:",
"Subject:", "Betreff:", "User:", "Assistant:", "Q:", "Kunde:";
:data:`LABELS`, the role and data words of the other rules), and, unless
stamped, no word with a digit ("Feld0:"), no ordinary word ("Größe:") and
no compound ending in one ("Kontoinhaber:", "Versichertennummer:"). A form
dump of 3,000 "FeldN: Wert" lines gave 3,000 ``PERSON`` findings, now none.
Git trailers ("Signed-off-by:") are labels too, and so are the fields of
a mail header (:data:`HEADER_FIELDS`: "Van:", "Aan:", "Till:", "Från:")
where two of them or more head lines without a timestamp or a nick, one of
them a field no one is called (:data:`MAIL_ONLY_FIELDS`: "Aan:", "Från:",
"Subject:"); "Van: ...\nTill: ..." alone is a chat, and in a stamped
chat a field that is a name speaks ("[09:01] An: morning"), as it does
unstamped in a chat whose speakers take turns or whose heads are no
header of one language ("An: Hallo Jana, ...\nDo: Gut, danke!"). A label that
is also a name ("Key:", "Author:") is a label written in lower case or
capitals, or before a value that is no sentence ("Key: AAAAC3Nz"), unless the text
is a chat: two lines or more open with a capitalised word, a colon and
words in lower case ("Will: did you deploy?\nKey: yes"). A "<nick>" whose
closing tag stands in the text is an XML element. Unstamped lines of which
two or more give a full name as their value, with a number among the
values, are the fields of a form or a contract, not speakers taking turns
("Udlejer: Søren Østergaard, CPR ...\nLejer: Freja Mikkelsen, født ...");
on 156 hand-written letters and forms (fictional), such labels were 5 of
the 26 ``PERSON`` findings on no one.
:func:`without_name_labels` drops a model's "Handy:" (German: mobile
phone) heading a line outside a chat.

:func:`titled_names` reads a title in text written without case (see
:mod:`gdprgate.detect.caseless`; the caller says which): a lower-case
title (:data:`TITLES`: "mr", "herrn", "signor", "dottoressa") before a
word that is no frequent word, role or title ("la dottoressa ferri",
"richiama il signor esposito") is a ``PERSON``, title and surname. Titles
that are also common words ("miss", "don", "pan", "ms") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
author committer commit merge signed-off-by reviewed-by acked-by tested-by
co-authored-by reported-by suggested-by helped-by key value token secret
data version type
"""
LABELS = frozenset(_LABEL_LIST.split()) | DATA_WORDS | ROLE_WORDS
# The fields of a mail header, some of them also given names ("Van",
# "Till"): labels where two of them or more head lines of the same text.
_HEADER_LIST = """
from to cc bcc subject date sent reply-to
von an betreff gesendet datum kopie
de à objet envoyé date
de para asunto enviado fecha
de para assunto enviado data
da a oggetto inviato data
van aan onderwerp verzonden datum
från till kopia ämne skickat datum
od do temat wysłano data dw
"""
HEADER_FIELDS = frozenset(_HEADER_LIST.split())
# A header writes its fields in one language; copies are in them all.
_SHARED_FIELDS = frozenset({"cc", "bcc", "reply-to"})
_HEADERS = tuple(
    frozenset(line.split()) | _SHARED_FIELDS
    for line in _HEADER_LIST.strip().splitlines()
)
# Header fields that are no one's name: a header needs one of them.
_MAIL_ONLY_LIST = """
cc bcc subject date sent reply-to betreff gesendet datum objet envoyé
asunto enviado fecha assunto oggetto inviato aan onderwerp verzonden
från ämne skickat temat wysłano
"""
MAIL_ONLY_FIELDS = frozenset(_MAIL_ONLY_LIST.split())
# Header fields that are also names ("An", "Do": Vietnamese; "Van",
# "Till"): speakers where a timestamp marks the line as chat, or in a chat
# whose heads are no header of one language ("An: Hallo Jana, wie geht's?"
# / "Do: Gut, danke!": German "to" and Polish "to").
_NAMED_FIELDS = frozenset({"van", "till", "an", "do", "da"})
# Form labels that are also names, which a model reads as a person at the
# head of a line ("Handy: bitte ausschalten", German for mobile phone).
NAME_LABELS = frozenset({"handy", "mobil", "natel"})

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
# A full name opening a field's value: "Søren Østergaard, CPR ...".
_CAPITALISED = r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ][^\W\d_]+(?:[-'’][^\W\d_]+)*"
_NAME_VALUE = re.compile(
    rf"{_CAPITALISED}(?:[ \t]{_CAPITALISED}){{1,3}}(?:,|[ \t]*\(|[ \t]*$)"
)
_DIGIT = re.compile(r"\d")
# A word of prose after a speaker: lower-case letters, maybe a stop after.
_PROSE_WORD = re.compile(r"[^\W\d_A-ZÀ-ÖØ-Þ]+[,.!?…]*")
# A form label may be a compound ending in an ordinary word: at least this
# long ("kontoinhaber"), with a last word at least _COMPOUND_TAIL long.
_COMPOUND_LENGTH = 8
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_COMPOUND_TAIL = 4

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


def transcript_speakers(
    text: str, lexicon: Lexicon, without_case: bool = False
) -> list[Finding]:
    """The speakers named at the start of the lines of ``text``; in a text
    ``without_case`` (``text`` is then its recased view), the case of a
    word says nothing of it being a label."""
    lines = _without_header(
        [
            (line, _speaker(line))
            for line in _LINE.finditer(text)
            if not _element(text, line)
        ]
    )
    stamped = sum(_marked(line, group) for line, group in lines)
    speakers = [line.group(group).lower() for line, group in lines]
    # Lines none of which starts with a form label read as chat too
    # ("xX_dragon_Xx: hi" / "sunnyboy77: hello").
    unlabelled = len(lines) >= 2 and not any(
        _is_label(word.lower(), lexicon)
        for line, group in lines
        for word in _PART.findall(line.group(group))
    )
    transcript = stamped >= 2 or _alternating(speakers) or unlabelled
    chat = _chat(text, without_case)
    # Speakers who take turns, or a timestamp, make it a chat all the same.
    form = not stamped and not _alternating(speakers) and _form(text, lines)
    # Unstamped fields that are names speak in a chat that is no header,
    # among speakers who are all such fields or given names ("Do:" among
    # "Mo:", "Di:", "Fr:" is Thursday's opening hours).
    fields_speak = (
        chat
        and (_alternating(speakers) or not _one_header(lines))
        and all(head in _NAMED_FIELDS or head in lexicon.given for head in speakers)
    )
    found: list[Finding] = []
    for line, group in lines:
        words = _PART.findall(line.group(group))
        value = _value(text, line)
        marked = _marked(line, group)
        # A header field that is a name speaks in a stamped chat.
        if _named_field(words) and (
            (marked and stamped >= 2) or (not marked and fields_speak)
        ):
            found.append(_finding(line, group))
            continue
        if not words or any(
            _labels(word, value, chat, lexicon, without_case) for word in words
        ):
            continue
        if form and not marked and _form_value(words, value, lexicon):
            continue
        if _is_speaker(words, lexicon, marked, transcript, len(lines)):
            found.append(_finding(line, group))
    return found


def _named_field(words: list[str]) -> bool:
    """Whether ``words`` are one header field that is also a name, not
    in capitals ("An", "Do")."""
    return (
        len(words) == 1 and words[0].lower() in _NAMED_FIELDS and not words[0].isupper()
    )


def _one_header(lines: list[_Line]) -> bool:
    """Whether the unmarked heads of ``lines`` are all fields of the mail
    header of one language ("An:" and "Von:", not "An:" and "Do:")."""
    heads = {
        line.group(group).lower() for line, group in lines if not _marked(line, group)
    }
    return any(heads <= header for header in _HEADERS)


def _finding(line: re.Match[str], group: str) -> Finding:
    """The speaker of ``line`` as a ``PERSON``."""
    return Finding(
        line.start(group), line.end(group), "PERSON", SPEAKER_SCORE, SPEAKER_SOURCE
    )


def without_name_labels(
    text: str, findings: Sequence[Finding], lexicon: Lexicon
) -> list[Finding]:
    """``findings`` without a one-word ``PERSON`` of :data:`NAME_LABELS`
    heading a line before a colon, unless the text is a chat: a given name
    heads another line, or two lines open with a capitalised word and
    prose ("Handy: hi, its me\nOkonkwo: hello Handy")."""
    heads = [line.group(_speaker(line)).lower() for line in _LINE.finditer(text)]
    if any(head in lexicon.given for head in heads) or _chat(text):
        return list(findings)
    return [f for f in findings if not _name_label(text, f)]


_Line = tuple[re.Match[str], str]


def _without_header(lines: list[_Line]) -> list[_Line]:
    """``lines`` without the fields of a mail header: two header fields
    or more head unmarked lines, one of them a field no one is called.
    A timestamp or a nick marks a chat line, never a header field."""
    fields = {
        line.group(group).lower() for line, group in lines if not _marked(line, group)
    } & HEADER_FIELDS
    if len(fields) < 2 or not fields & MAIL_ONLY_FIELDS:
        return lines
    return [
        (line, group)
        for line, group in lines
        if _marked(line, group) or line.group(group).lower() not in HEADER_FIELDS
    ]


def _labels(
    word: str, value: str, chat: bool, lexicon: Lexicon, without_case: bool
) -> bool:
    """Whether ``word`` heading a line before ``value`` is a label.

    A word of :data:`LABELS` is one, unless it is also a name, written
    capitalised, before a sentence or in a chat ("Key: my address is
    ..."): then it may be a speaker. Lower case or capitals ("key:",
    "KEY:") and a value of one token ("Key: AAAAC3Nz") mark a label.
    """
    lower = word.lower()
    if lower not in LABELS:
        return False
    if "-" in lower or lower not in lexicon.names:
        return True
    if not without_case and (word.islower() or word.isupper()):
        return True
    return not chat and not _sentence(value)


def _value(text: str, line: re.Match[str]) -> str:
    """What follows the speaker of ``line`` on its line."""
    end = text.find("\n", line.end())
    rest = text[line.end() : len(text) if end < 0 else end]
    return rest.lstrip(" \t:")


def _sentence(value: str) -> bool:
    """Whether ``value`` reads as prose: two words or more, one of them
    a word in lower case."""
    tokens = value.split()
    return len(tokens) >= 2 and any(_PROSE_WORD.fullmatch(t) for t in tokens)


def _form(text: str, lines: list[_Line]) -> bool:
    """Whether the unmarked lines of ``text`` read as the fields of a form
    or a contract: two of them or more give a full name as their value,
    and one of them a digit ("Udlejer: Søren Østergaard, CPR 070761-4285"
    / "Lejer: Freja Mikkelsen, født 14.09.1996"). A chat greets ("Weber:
    Guten Tag" / "Schmidt: Hallo Frau Weber") with no number."""
    values = [_value(text, line) for line, group in lines if not _marked(line, group)]
    named = [value for value in values if _NAME_VALUE.match(value)]
    return len(named) >= 2 and any(_DIGIT.search(value) for value in values)


def _form_value(words: list[str], value: str, lexicon: Lexicon) -> bool:
    """Whether a line of a form names a field: it gives a full name as its
    value. A given name before the colon still speaks."""
    if all(word.lower() in lexicon.given for word in words):
        return False
    return _NAME_VALUE.match(value) is not None


def _chat(text: str, without_case: bool = False) -> bool:
    """Whether two lines or more of ``text`` open with a capitalised word
    (any word ``without_case``) and a colon, with a word in lower case
    after it ("Will: did you deploy?\nKey: yes")."""
    count = 0
    for line in _LINE.finditer(text):
        head = line.group("speaker")
        if head is None:
            continue
        if not without_case and (not head[0].isupper() or head.isupper()):
            continue
        if any(_PROSE_WORD.fullmatch(t) for t in _value(text, line).split()):
            count += 1
            if count >= 2:
                return True
    return False


def _name_label(text: str, finding: Finding) -> bool:
    """Whether ``finding`` is a person of :data:`NAME_LABELS` heading a
    line before a colon."""
    if finding.entity != "PERSON":
        return False
    if text[finding.start : finding.end].lower() not in NAME_LABELS:
        return False
    line_start = text.rfind("\n", 0, finding.start) + 1
    return not text[line_start : finding.start].strip() and text[finding.end :].lstrip(
        " \t"
    ).startswith(":")


def _element(text: str, line: re.Match[str]) -> bool:
    """Whether ``line``'s "<nick>" is an XML or HTML element: its closing
    tag stands in the text ("<version>2.7</version>")."""
    nick = line.group("nick")
    return nick is not None and f"</{nick.lower()}>" in text.lower()


def _speaker(line: re.Match[str]) -> str:
    """The group of ``line`` that holds its speaker."""
    return "nick" if line.group("nick") is not None else "speaker"


def _marked(line: re.Match[str], group: str) -> bool:
    """Whether ``line`` reads as chat: a timestamp before it, or a nick."""
    return group == "nick" or line.group("stamp") is not None


def _alternating(speakers: list[str]) -> bool:
    """Whether two speakers or more take turns: one of them speaks twice."""
    distinct = len(set(speakers))
    return 2 <= distinct < len(speakers)


def _is_speaker(
    words: list[str], lexicon: Lexicon, marked: bool, transcript: bool, lines: int
) -> bool:
    """Whether the words before a line's colon name its speaker.

    Given names always do; in a transcript, so do the nicks and the words
    after a timestamp. Other words must look like a name: no digit, no
    ordinary word and no compound ending in one (a form label). Known names
    need two lines, unknown words a transcript.
    """
    lowered = [word.lower() for word in words]
    if all(word in lexicon.given for word in lowered):
        return True
    if marked and transcript:
        return True
    # A chat handle ("mausi92", "katze_88") in a chat names its speaker.
    if transcript and any(not word.isalpha() for word in lowered):
        return True
    if any(_is_label(word, lexicon) for word in lowered):
        return False
    if all(word in lexicon.people for word in lowered):
        return lines >= 2
    return transcript


def _is_label(word: str, lexicon: Lexicon) -> bool:
    """Whether lower-cased ``word`` reads as a form label, not a name.

    An ordinary word ("größe", "login"), a compound ending in one
    ("kontoinhaber", "versichertennummer"), or either numbered ("feld0");
    a number alone.
    Known names are none ("hoffmann" ends in "mann").
    """
    if any(char.isdigit() for char in word):
        # "feld0" is the label "feld" numbered; "mausi92" is a handle.
        letters = _NOT_LETTERS.sub("", word)
        return not letters or _is_label(letters, lexicon)
    if word in lexicon.names:
        return False
    if lexicon.is_ordinary(word):
        return True
    parts = word.split("-")
    if len(parts) > 1 and all(lexicon.is_ordinary(part) for part in parts):
        # "signed-off-by", "reply-to".
        return True
    if len(word) < _COMPOUND_LENGTH:
        return False
    return any(
        lexicon.is_ordinary(word[cut:])
        for cut in range(1, len(word) - _COMPOUND_TAIL + 1)
    )


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
