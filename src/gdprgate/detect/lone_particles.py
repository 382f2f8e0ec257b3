"""Dutch surnames with a particle that stand alone: "volgens De Wit",
"zei Van der Flaas", "aldus van der Meulen".

Dutch writes the first particle of a surname with a capital when no given
name, initial or title comes before it ("Jan de Wit", but "De Wit zei").
Inside a sentence the article "de" and the preposition "van" are written
in lower case, so a capitalised "De" or "Van" there opens a surname:
"volgens De Wit-Brouwer", "het boek van Van Dijk". At the start of a
sentence "De" is the article as well ("De Nederlandse regering"), and the
surname must then be a known name or no word ("De Vries zei"). The run
"van der" or "van den" in lower case before a capitalised word is a
surname anywhere: modern Dutch uses "der" and "den" in names and a few
fixed phrases only, and the phrases are places or bodies ("Koninkrijk der
Nederlanden" has no "van"). After a verb of saying ("zei", "zegt",
"aldus", "volgens") particles in lower case open a surname too: after
"van" always ("zei van Dijk"), after "de", where the article may open a
body's name ("zegt de Belastingdienst"), when a part of the surname is a
known name or no part a word ("aldus de Wit-Brouwer").

The surname is no place alone ("Van Amsterdam naar Utrecht"), no role or
title ("De Minister"), no adjective ending in "-se" or "-sche" ("De
Britse premier"), and, after capitalised particles, the name ends at a
word in lower case or a stop: a capitalised word after it makes the name
of a body ("De Nederlandsche Bank", "Van Gogh Museum"). A newspaper
named like a surname ("volgens De Telegraaf") is masked as a person:
over-masked, not leaked. "Den" alone opens places ("Den Haag", "Den
Helder") and is left out.
"""

from __future__ import annotations

import re

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon
from gdprgate.detect.name_scorer import ROLE_WORDS
from gdprgate.detect.titles import TITLE_WORDS

LONE_PARTICLE_SCORE = 0.7
LONE_PARTICLE_SOURCE = "lone-particle"

_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
# A capitalised "De" or "Van" and the particles that may follow it; "van
# der" or "van den" in lower case.
_CAPITALISED_RUN = re.compile(
    rf"""
    (?<![\w'’.-])
    (?P<particles>(?:De|Van)(?:[ \t](?:der|den|de|la|'t|’t)){{0,2}})
    [ \t](?P<surname>{_WORD})(?![\w'’-])
    """,
    re.VERBOSE,
)
_LOWER_RUN = re.compile(
    rf"""
    (?<![\w'’.-])
    (?P<particles>van[ \t](?:der|den))
    [ \t](?P<surname>{_WORD})(?![\w'’-])
    """,
    re.VERBOSE,
)
# A lower-case particle run after a Dutch verb of saying ("zei van Dijk",
# "aldus de Vries"): written as in a full name, yet alone.
_SAID_RUN = re.compile(
    rf"""
    (?<![\w'’-])(?i:zei|zegt|verklaarde|vertelde|aldus|volgens)[ \t,]+
    (?P<particles>(?:van|de|ter|ten|den)(?:[ \t](?:der|den|de|la|'t|’t)){{0,2}})
    [ \t](?P<surname>{_WORD})(?![\w'’-])
    """,
    re.VERBOSE,
)
# What ends a sentence before a word, within a few characters.
_SENTENCE_END = re.compile(r"(?:^|[.!?:\n])[\s\"'“„«(\[]*\Z")
_REACH_BACK = 8
# The next word after a name, past blanks.
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_])")
# Adjectives of places and peoples: "Nederlandse", "Belgische".
_ADJECTIVE_ENDINGS = ("se", "sche")


def lone_particle_surnames(text: str, language: str, lexicon: Lexicon) -> list[Finding]:
    """Every Dutch surname with a particle and no given name before it in
    ``text`` (see the module doc); none outside Dutch."""
    if language != "nl":
        return []
    found: list[Finding] = []
    for match in _CAPITALISED_RUN.finditer(text):
        if _capitalised_name(text, match, lexicon):
            found.append(_finding(match))
    for match in _LOWER_RUN.finditer(text):
        if _surname(match.group("surname"), lexicon):
            found.append(_finding(match))
    for match in _SAID_RUN.finditer(text):
        if _said_name(text, match, lexicon):
            found.append(
                Finding(
                    match.start("particles"),
                    match.end(),
                    "PERSON",
                    LONE_PARTICLE_SCORE,
                    LONE_PARTICLE_SOURCE,
                )
            )
    return _first_of_each(sorted(found, key=lambda f: (f.start, -f.end)))


def _lone_surname(text: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether the word after the particles may be a surname, with no
    capitalised word after it going on with a body's name."""
    if not _surname(match.group("surname"), lexicon):
        return False
    following = _NEXT_WORD.match(text, match.end())
    return following is None or not following.group(1).isupper()


def _said_name(text: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether particles in lower case after a verb of saying and the word
    after them are a surname. After "van" it is one ("zei van Dijk": no
    preposition stands there); after "de" the article may open a body's
    name ("zegt de Belastingdienst"), so a part of the surname must be a
    known name, or no part a word ("aldus de Wit-Brouwer", "zei de
    Vries")."""
    if not _lone_surname(text, match, lexicon):
        return False
    surname = match.group("surname")
    if match.group("particles").split()[0] != "de":
        return True
    parts = surname.lower().split("-")
    return any(part in lexicon.names for part in parts) or not any(
        lexicon.is_ordinary(part) for part in parts
    )


def _first_of_each(found: list[Finding]) -> list[Finding]:
    """``found`` (by start, longest first) without those that overlap an
    earlier one: two runs may read the same name ("volgens van der X")."""
    kept: list[Finding] = []
    for finding in found:
        if not kept or kept[-1].end <= finding.start:
            kept.append(finding)
    return kept


def _capitalised_name(text: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether capitalised particles and the word after them are a lone
    surname: a body's name goes on with a capitalised word, and at the
    start of a sentence "De" may be the article."""
    if not _lone_surname(text, match, lexicon):
        return False
    start = match.start()
    if _SENTENCE_END.search(text, max(0, start - _REACH_BACK), start) is None:
        return True
    return all(
        part in lexicon.names or not lexicon.is_ordinary(part)
        for part in match.group("surname").lower().split("-")
    )


def _surname(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` may be a surname after particles: capitalised, no
    acronym, and no part of it a place that is no name only, a role, a
    title or an adjective ordinary in the lexicon."""
    if not word[0].isupper() or (len(word) > 1 and word.isupper()):
        return False
    for part in word.lower().split("-"):
        # A place that is also a word ("Amsterdam") or no name; a place
        # that is a name only ("Vries", "Boer") may be a surname.
        if part in lexicon.places and (
            part in lexicon.words or part not in lexicon.names
        ):
            return False
        if part in ROLE_WORDS or part in TITLE_WORDS:
            return False
        if part.endswith(_ADJECTIVE_ENDINGS) and lexicon.is_ordinary(part):
            return False
    return True


def _finding(match: re.Match[str]) -> Finding:
    """The particles and the surname of ``match`` as a ``PERSON``."""
    return Finding(
        match.start(), match.end(), "PERSON", LONE_PARTICLE_SCORE, LONE_PARTICLE_SOURCE
    )
