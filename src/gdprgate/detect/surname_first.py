"""Names in capitals written surname first: "MÜLLER, HANS-PETER", "ROSSI
MARIO", "GARCÍA LÓPEZ, JUAN".

Forms, registers and dispatch text write a person surname first and in
capitals. Rampart reads the given name and leaves the surname ("MÜLLER",
"ROSSI") in clear, or reads the given name and the street after it as one
place ("BRIGITTE, BERLINER STR. 45"). :func:`surname_first_names` finds,
among words in capitals, one or two surnames followed by a given name:

* after a comma ("SCHULZ, BRIGITTE"), the surname is a known person's name,
  or a word that is rare in the text's language (Zipf below
  :data:`RARE_ZIPF`), no known place and no acronym (it has a vowel and
  three letters or more); the given name is a known given name (every part
  of a hyphenated one), and, after an unknown surname, no ordinary word;
* after a space alone ("ROSSI MARIO"), both must be names only: a known
  person's name that is no ordinary word of any language.

Form labels ("NAME, VORNAME", "COGNOME, NOME", "STRASSE, HAUSNUMMER") and
places ("ROMA, ITALIA") hold no given name and are left alone.
:func:`add_surname_first` adds the names to the other findings: a
``PERSON`` it touches joins it, a model's place or organisation inside it
gives way, and a place that starts at its given name and runs on after a
comma ("BRIGITTE, BERLINER STR. 45") gives the name back and keeps the
rest. A name that touches anything else is left out (the findings there
stay as they are).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon

__all__ = ["RARE_ZIPF", "add_surname_first", "surname_first_names"]

SCORE = 0.7
SOURCE = "surname-first"
# Below this Zipf frequency (ten in a million words) a word in capitals
# before a comma and a given name may be an unknown surname ("SCHULTE").
RARE_ZIPF = 4.0

# Given names that are also months, and label words of forms in capitals.
_NOT_GIVEN_LIST = """
mai juni juli januar februar märz oktober dezember april may june july august
march avril juin juillet août mars abril mayo junio julio agosto aprile maggio
giugno luglio
"""
_NOT_GIVEN = frozenset(_NOT_GIVEN_LIST.split())
_LABEL_LIST = """
name vorname nachname familienname geburtsname nome cognome nom prénom prenom
apellido apellidos nombre surname forename naam voornaam achternaam imię
nazwisko efternamn förnamn sobrenome herr frau
"""
_LABELS = frozenset(_LABEL_LIST.split())
_VOWELS = frozenset("aeiouyäöüàáâãèéêìíîòóôõùúûåæøœ")
# A word in capitals, hyphenated parts included ("HANS-PETER").
_CAPS_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_COMMA = re.compile(r"[ \t]*,[ \t]+")
_PEOPLE = frozenset({"PERSON"})
_NAMED = frozenset({"LOCATION", "ORGANIZATION"})
_KEPT_SOURCE = "deny_list"


def surname_first_names(text: str, language: str, lexicon: Lexicon) -> list[Finding]:
    """Every name in capitals written surname first in ``text`` (see the
    module doc), sorted, not overlapping."""
    words = [
        m
        for m in _CAPS_WORD.finditer(text)
        if m.group().isupper() and len(m.group()) > 1
    ]
    found: list[Finding] = []
    position = 0
    for index in range(len(words)):
        if words[index].start() < position:
            continue
        end = _name_end(text, words, index, language, lexicon)
        if end is not None:
            found.append(Finding(words[index].start(), end, "PERSON", SCORE, SOURCE))
            position = end
    return found


def _name_end(
    text: str,
    words: Sequence[re.Match[str]],
    index: int,
    language: str,
    lexicon: Lexicon,
) -> int | None:
    """Where the name whose surname starts at ``words[index]`` ends."""
    for count in (2, 1):
        surnames = words[index : index + count]
        if len(surnames) < count or index + count >= len(words):
            continue
        if count == 2 and text[surnames[0].end() : surnames[1].start()] != " ":
            continue
        given = words[index + count]
        between = text[surnames[-1].end() : given.start()]
        lows = [w.group().lower() for w in surnames]
        if _COMMA.fullmatch(between):
            if all(_comma_surname(low, language, lexicon) for low in lows) and (
                _given(given.group().lower(), lexicon)
                and (
                    all(low in lexicon.people for low in lows)
                    or not _ordinary(given.group().lower(), language, lexicon)
                )
            ):
                return given.end()
        elif between == " " and all(_only_name(low, lexicon) for low in lows):
            low = given.group().lower()
            if _given(low, lexicon) and _only_name(low, lexicon):
                return given.end()
    return None


def _comma_surname(low: str, language: str, lexicon: Lexicon) -> bool:
    """A surname before a comma: a known person's name, or a rare word
    that is no place, no label and no acronym."""
    if any(part in _LABELS for part in low.split("-")):
        return False
    if low in lexicon.people:
        # A known name that is also a place and a word: "BERLIN", "ROMA".
        return not (low in lexicon.places and low in lexicon.words)
    return (
        low not in lexicon.places
        and low not in lexicon.given
        and len(low) >= 3
        and any(char in _VOWELS for char in low)
        and all(
            lexicon.frequency(part, language) < RARE_ZIPF for part in low.split("-")
        )
        and low not in lexicon.frequent
    )


def _given(low: str, lexicon: Lexicon) -> bool:
    """A known given name, every part of a hyphenated one."""
    parts = low.split("-")
    return all(
        part in lexicon.given and part not in _NOT_GIVEN and part not in _LABELS
        for part in parts
    )


def _ordinary(low: str, language: str, lexicon: Lexicon) -> bool:
    """Whether a single ``low`` is an ordinary word of ``language``."""
    return (
        "-" not in low
        and lexicon.is_ordinary(low)
        and (not lexicon.frequencies or lexicon.frequency(low, language) > 0)
    )


def _only_name(low: str, lexicon: Lexicon) -> bool:
    """A person's name and no ordinary word ("BIANCHI", not "ROMA")."""
    return all(
        part in lexicon.people and part not in lexicon.words and part not in _LABELS
        for part in low.split("-")
    )


def add_surname_first(
    text: str, findings: Sequence[Finding], names: Sequence[Finding]
) -> list[Finding]:
    """``findings`` (not overlapping) with ``names`` added as the module
    doc says; the result does not overlap either."""
    result = list(findings)
    for name in names:
        touching = [f for f in result if f.start < name.end and name.start < f.end]
        kept: list[Finding] = []
        fits = True
        for other in touching:
            if other.source == _KEPT_SOURCE:
                fits = False
            elif other.entity in _PEOPLE or (
                other.entity in _NAMED
                and name.start <= other.start
                and other.end <= name.end
            ):
                continue
            elif other.entity in _NAMED and _runs_on(text, name, other):
                kept.append(other)
            else:
                fits = False
        if not fits:
            continue
        people = [f for f in touching if f.entity in _PEOPLE]
        start = min([name.start, *(f.start for f in people)])
        end = max([name.end, *(f.end for f in people)])
        best = max([*people, name], key=lambda f: f.score)
        joined = Finding(start, end, "PERSON", best.score, best.source)
        # The place keeps what lies after the comma that ends the name.
        rests = [
            Finding(_after_comma(text, end), f.end, f.entity, f.score, f.source)
            for f in kept
        ]
        if any(f.start >= f.end for f in rests):
            continue
        result = [f for f in result if f not in touching] + [joined, *rests]
    return sorted(result, key=lambda f: (f.start, f.end))


def _runs_on(text: str, name: Finding, other: Finding) -> bool:
    """Whether ``other`` starts inside ``name``, after its first word, and
    runs on past a comma right after it."""
    return (
        name.start < other.start < name.end < other.end
        and _COMMA.match(text, name.end) is not None
        and _after_comma(text, name.end) < other.end
    )


def _after_comma(text: str, position: int) -> int:
    """Where the text after the comma (and spaces) at ``position`` goes on;
    ``position`` itself when no comma stands there."""
    rest = _COMMA.match(text, position)
    return position if rest is None else rest.end()
