"""People listed after a label that names people: "Present: Smith, Baker".

Minutes, reports and forms list people after a label: "Present: Smith,
Baker, Taylor, Cook.", "Zeugen: Schmidt (Nachbar), Fischer (Hausmeister)",
"Aanwezig: De Vries, Bakker". Many of these surnames are ordinary words
too ("Baker", "Fischer", "Weber"), so a model reading each one alone lets
them pass. After one of :data:`PEOPLE_LABELS` and a colon, every item of
the list up to the end of the line (items apart by commas, semicolons,
"and"/"und"/... or slashes) that is one to three capitalised words is a
person; a bracketed note after it ("(Nachbar)") is no part of the name. An
item made only of ordinary words that are no names ("Vertrieb",
"Marketing") is left out unless a title or a particle comes with it
("mevrouw van der Meer"), and so is one with a digit.
"""

from __future__ import annotations

import re

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import NAME_PARTICLES, Lexicon
from gdprgate.detect.titles import TITLE_WORDS

ATTENDEE_SCORE = 0.75
ATTENDEE_SOURCE = "attendees"

# Labels that head a list of people, one line per language (en, de, fr,
# es, it, nl, pl, pt, sv); a space matches any run of blanks.
_LABEL_LIST = """
present|attendees|attendance|in attendance|participants|witnesses|witness
|apologies|absent
anwesend|anwesende|teilnehmer|teilnehmende|zeugen|zeuge|zeugin|entschuldigt|abwesend
présents|présentes|participants|témoins|témoin|absents|excusés
|présent|présente|absent|absente|excusé|excusée
asistentes|presentes|participantes|testigos|testigo|ausentes|presente|ausente
presenti|partecipanti|testimoni|testimone|assenti|presente|assente
aanwezig|aanwezigen|deelnemers|getuigen|getuige|afwezig
obecni|obecne|uczestnicy|świadkowie|świadek|nieobecni|obecny|obecna
|nieobecny|nieobecna
presentes|participantes|testemunhas|testemunha|ausentes|presente|ausente
närvarande|deltagare|vittnen|vittne|frånvarande
"""
PEOPLE_LABELS = tuple(
    sorted(
        {w.strip() for w in _LABEL_LIST.replace("\n", "|").split("|") if w.strip()},
        key=len,
        reverse=True,
    )
)
_LABEL = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in PEOPLE_LABELS)
# The label at the start of a line (after blanks or a list mark), a colon,
# and the rest of the line.
_LISTED = re.compile(
    rf"""(?:^|(?<=\n)|(?<=[.;][ \t]))[ \t*•-]*(?i:{_LABEL})[ \t]*:[ \t]*
    (?P<items>(?:(?![.;][ \t]+(?i:{_LABEL})[ \t]*:)[^\r\n])+)""",
    re.VERBOSE,
)
# Where one item ends and the next begins.
_SEPARATOR = re.compile(
    r"[ \t]*(?:[,;/]|\s(?:and|und|et|y|e|en|i|och|&)\s)[ \t]*", re.IGNORECASE
)
_NOTE = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?")
# An item that is a person's initials: two or three capitals ("JW",
# "J.W."), but no department, body or acronym of a word ("IT", "EU").
_INITIALS = re.compile(
    r"[ \t]*(?:(?P<initials>[A-ZÀ-ÖØ-Þ]{2,3})\.?|(?P<dotted>(?:[A-ZÀ-ÖØ-Þ]\.){2,3}))"
    r"[ \t]*"
)
# Roles and departments of three letters in the nine languages ("COO",
# "DRH" for directeur des ressources humaines, "PDG", "DSI") and bodies
# that attend as such ("WHO", "OMS", "ONU"): they stay, and are not
# defined as a person's initials for the rest of the text (see
# :mod:`gdprgate.detect.initials`). Two capitals other than the
# departments above stay initials ("PM" is as often Peter Müller), and so
# do those of a department in a list of other initials ("JW, PR, MK").
_DEPARTMENT_TEXT = """
it hr pr qa ux ui bi ceo cfo cto coo cio cmo cso cpo cdo cro cao cco cho
svp evp drh daf dsi pdg rrh hrm ops
who oms onu uno imf fmi iwf ecb ezb bce ilo oit oecd ocde
"""
_DEPARTMENTS = frozenset(_DEPARTMENT_TEXT.split())
# Short titles of a list that are no titles elsewhere: Polish "p." (pan,
# pani; "Obecni: p. Zając, p. Michalska"), Portuguese and Spanish "D."
# (Dona, Dom, Don; "Ausentes: D. Graça Pato").
_SHORT_TITLES = frozenset({"p.", "D."})
# Articles before a title, left out of the name ("il dottor Russo").
_ARTICLES = frozenset({"il", "lo", "la", "l", "el", "the", "der", "die", "o", "a"})
# Most words an item may have (titles and particles not counted).
_MAX_WORDS = 3


def listed_people(text: str, lexicon: Lexicon) -> list[Finding]:
    """Every person listed after a label of people in ``text``."""
    found: list[Finding] = []
    for match in _LISTED.finditer(text):
        items = match.group("items")
        offset = match.start("items")
        bounds = _item_bounds(items)
        # Among other initials, two capitals are someone's too: "Present:
        # JW, PR, MK" lists Peter R., not public relations.
        by_initials = any(
            _initials(_without_note(items[start:end]), two_letters=False) is not None
            for start, end in bounds
        )
        for start, end in bounds:
            span = _person(items, start, end, lexicon, by_initials)
            if span is not None:
                found.append(
                    Finding(
                        offset + span[0],
                        offset + span[1],
                        "PERSON",
                        ATTENDEE_SCORE,
                        ATTENDEE_SOURCE,
                    )
                )
    return found


def _item_bounds(items: str) -> list[tuple[int, int]]:
    """Where each item of ``items`` starts and ends."""
    bounds = []
    position = 0
    for separator in _SEPARATOR.finditer(items):
        bounds.append((position, separator.start()))
        position = separator.end()
    bounds.append((position, len(items)))
    return bounds


def _initials(item: str, two_letters: bool) -> tuple[int, int] | None:
    """Where the initials are when ``item`` (its note cut off) is a
    person's initials, or ``None``: no department, role or body of
    :data:`_DEPARTMENTS`, except one of two letters when ``two_letters``."""
    initials = _INITIALS.fullmatch(item)
    if initials is None:
        return None
    group = "initials" if initials.group("initials") else "dotted"
    letters = initials.group(group).replace(".", "").lower()
    if letters in _DEPARTMENTS and not (two_letters and len(letters) == 2):
        return None
    return initials.span(group)


def _person(
    items: str, start: int, end: int, lexicon: Lexicon, by_initials: bool = False
) -> tuple[int, int] | None:
    """The name in ``items[start:end]`` (a bracketed note and a full stop
    at the end cut off), or ``None`` when the item is no name. In a list
    ``by_initials`` two capitals are initials even when they spell a
    department ("PR")."""
    item = _without_note(items[start:end])
    if _INITIALS.fullmatch(item):
        # Capitals that spell a word or a department ("IT", "HR") stay.
        initials = _initials(item, two_letters=by_initials)
        if initials is None:
            return None
        return start + initials[0], start + initials[1]
    item = item.rstrip(" \t.")
    if not item.strip() or any(char.isdigit() for char in item):
        return None
    words = _without_article(list(_WORD.finditer(item)))
    if not words or "".join(w.group() for w in words).isupper():
        return None
    # Every word is a capitalised name word, a title or a particle.
    named = []
    marked = False
    for word in words:
        value = word.group()
        bare = value.rstrip(".").lower()
        if (
            bare in TITLE_WORDS
            or value in _SHORT_TITLES
            or (value.islower() and bare in NAME_PARTICLES)
        ):
            marked = True
            continue
        if not value[:1].isupper():
            return None
        named.append(bare)
    if not named or len(named) > _MAX_WORDS:
        return None
    # Ordinary words alone are no name ("Marketing"); after a title or a
    # particle they are ("mevrouw van der Meer").
    if not marked and all(lexicon.is_ordinary(word) for word in named):
        return None
    if item[words[-1].end() :].strip():
        return None
    return start + words[0].start(), start + words[-1].end()


def _without_note(item: str) -> str:
    """``item`` without a bracketed note: "JW (chair)" is "JW"."""
    note = _NOTE.search(item)
    return item if note is None else item[: note.start()]


def _without_article(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """``words`` without an article that stands before a title."""
    if (
        len(words) > 1
        and words[0].group() in _ARTICLES
        and words[1].group().rstrip(".").lower() in TITLE_WORDS
    ):
        return words[1:]
    return words
