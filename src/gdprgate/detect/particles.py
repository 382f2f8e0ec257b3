"""Surnames after a particle or a hyphen: "Jack van der Plas", "Vigo van
Heusden", "Melanie Hövel-Schlosser".

A surname that follows a particle is often an ordinary word or a place
("Plas" is a Dutch word, "Heusden" a town), and the second half of a
double surname often reads as a place too; the model ends the name at the
given name or the first half, or reads the rest as a place. In a language
that writes its nouns in lower case, a capitalised word after a person's
name and a particle or a hyphen is that person's surname:
:func:`extend_over_particles` joins it to the name, taking in a place or
organisation found on that word.

German capitalises every noun ("Herr Vogel von der Bank", "die
Merkel-Regierung"), so for German text the word must also be no ordinary
word ("Ludwig von Hohenberg", "Hövel-Schlosser").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import (
    CAPITALISED_NOUNS,
    GERMAN_ARTICLE_PARTICLES,
    Lexicon,
    german_noun,
)
from gdprgate.detect.titles import TITLE_WORDS

# Particle sequences that stand between a given name and a surname.
_PARTICLE_LIST = """
van|van der|van den|van de|van het|van 't|van ’t|van 'n|van ’n|in 't|in ’t
|de|de la|de las|de los|del|della|delle|dei
|di|da|das|do|dos|du|des|den|der|ter|ten|von|von der|von dem|zu|von und zu
|af|le|la|dal|dalla|degli|lo
"""
# Particles that end in an apostrophe, written right before the surname
# ("Luca dell'Acqua", "Anna D'Amico").
_ELIDED_LIST = "dell d dall degl nell sant"
# Particles with an article: the word after them is a surname when it is a
# known name and no place, even a frequent word ("Núñez de la Fuente").
_ARTICLE_LIST = """
de la|de las|de los|del|della|delle|dei|degli|dalla|van der|van den|van de
|van het|van 't|van ’t|van 'n|van ’n|in 't|in ’t|von der|von dem|dell|dall|degl
"""
_ARTICLE_PARTICLES = frozenset(
    p.strip() for p in _ARTICLE_LIST.replace("\n", "").split("|") if p.strip()
)
# Where a second surname follows the first without a particle.
_DOUBLE_SURNAMES = frozenset({"es", "pt"})
_PARTICLES = sorted(
    (p.strip() for p in _PARTICLE_LIST.replace("\n", "").split("|") if p.strip()),
    key=len,
    reverse=True,
)
# A particle run (or an elided particle, or a hyphen) and a capitalised
# surname (hyphenated or with an apostrophe) right after a name.
_HYPHEN_PARTICLE = r"(?:" + "|".join(re.escape(p) for p in _PARTICLES) + r")[ \t]+"
_AFTER_NAME = re.compile(
    r"(?:[ \t]+(?P<particle>"
    + "|".join(re.escape(p) for p in _PARTICLES)
    + r")[ \t]+|-(?P<joined>"
    + "|".join(re.escape(p) for p in _PARTICLES)
    + r")[ \t]+|[ \t]+(?P<elided>(?i:"
    + "|".join(_ELIDED_LIST.split())
    + r"))['’]|-)"
    r"(?P<surname>(?:[^\W\d_]['’])?[^\W\d_]+(?:-(?!"
    + _HYPHEN_PARTICLE
    + r")[^\W\d_]+)*"
    # A second surname after a hyphen and a particle ("Spreeuwel-van
    # Luxemburg") is part of the surname.
    r"(?:-" + _HYPHEN_PARTICLE + r"[^\W\d_]+(?:-[^\W\d_]+)*)*)"
)
# A particle after a hyphen at the end of a name ("Mansveld-van").
_JOINED_TAIL = re.compile(
    r"-(?:" + "|".join(re.escape(p) for p in _PARTICLES) + r")[ \t]*\Z"
)
# The rest of a surname the model cut at its apostrophe ("Dell" + "'Orto").
_ELIDED_TAIL = re.compile(r"['’](?P<surname>[^\W\d_]+(?:-[^\W\d_]+)*)")
_ELIDED_HEAD = re.compile(r"(?<![^\s])[^\W\d_]{1,4}\Z")
# A second surname right after the first ("Rodríguez Zapatero").
_NEXT_WORD = re.compile(r"[ \t]+(?P<surname>[^\W\d_]+(?:-[^\W\d_]+)*)(?![\w'’])")
# Entities a surname after a particle may have been read as; a deny-list
# finding is never taken in.
_TAKEN_IN = frozenset({"LOCATION", "ORGANIZATION", "PERSON"})
_KEPT_SOURCE = "deny_list"
# A model's second half of a double surname (see :func:`_model_cut_end`).
_MODELS = frozenset({"rampart", "spacy"})
_HYPHEN_SURNAME = re.compile(r"-(?P<surname>[^\W\d_][^\W\d_]+)(?![\w-])")


def extend_over_particles(
    text: str,
    findings: Sequence[Finding],
    language: str,
    lexicon: Lexicon,
    allowed: Callable[[str], bool] = lambda value: False,
) -> list[Finding]:
    """``findings`` (sorted, not overlapping) with each ``PERSON`` that a
    particle or a hyphen and its surname follow extended over them.

    The word after the particle counts as the surname when the person found
    so far is only given names ("Jack van der Plas"), or when it is a known
    surname that is no place and no frequent word ("Sara Burgos-Pavón");
    "Ana Torres de Telefónica" and "Marco Rossi di Fastweb" stay apart. A
    word on the allow list (``allowed``) never joins.
    """
    result: list[Finding] = []
    skip_to = -1
    for index, finding in enumerate(findings):
        if finding.start < skip_to:
            continue
        extended = _extended(
            text, finding, findings, index + 1, language, lexicon, allowed
        )
        result.append(extended)
        skip_to = extended.end if extended is not finding else -1
    return result


def _extended(
    text: str,
    finding: Finding,
    findings: Sequence[Finding],
    later: int,
    language: str,
    lexicon: Lexicon,
    allowed: Callable[[str], bool],
) -> Finding:
    """``finding`` over every surname that follows it (at most three)."""
    for _ in range(3):
        longer = _extended_once(
            text, finding, findings, later, language, lexicon, allowed
        )
        if longer is finding:
            break
        finding = longer
    return finding


def _extended_once(
    text: str,
    finding: Finding,
    findings: Sequence[Finding],
    later: int,
    language: str,
    lexicon: Lexicon,
    allowed: Callable[[str], bool],
) -> Finding:
    if (
        finding.entity != "PERSON"
        or not text[finding.start : finding.end][:1].isupper()
    ):
        return finding
    joined = _JOINED_TAIL.search(text, finding.start, finding.end)
    if joined is not None and joined.start() > finding.start:
        # The model stopped after the particle of a double surname
        # ("Mansveld-van" of "Mansveld-van Opper"): read on from the hyphen.
        finding = Finding(
            finding.start, joined.start(), "PERSON", finding.score, finding.source
        )
    if finding.end - finding.start > 1 and text[finding.end - 1] == "-":
        # The model stopped after the hyphen ("Müller-" of
        # "Müller-Lüdenscheidt"): read on from the hyphen.
        finding = Finding(
            finding.start, finding.end - 1, "PERSON", finding.score, finding.source
        )
    end = _surname_end(text, finding, language, lexicon, allowed)
    if end is None:
        end = _model_cut_end(
            text, finding, findings[later : later + 1], lexicon, allowed
        )
    if end is None:
        return finding
    for other in findings[later:]:
        if other.start >= end:
            break
        # Only a finding on the surname itself is taken in.
        if (
            other.entity not in _TAKEN_IN
            or other.source == _KEPT_SOURCE
            or other.end > end
        ):
            return finding
    return Finding(finding.start, end, "PERSON", finding.score, finding.source)


def _surname_end(
    text: str,
    finding: Finding,
    language: str,
    lexicon: Lexicon,
    allowed: Callable[[str], bool],
) -> int | None:
    """Where the surname right after ``finding`` ends, if one follows."""
    tail = _ELIDED_TAIL.match(text, finding.end)
    if (
        tail is not None
        and tail.group("surname")[:1].isupper()
        and _ELIDED_HEAD.search(text, finding.start, finding.end) is not None
    ):
        return tail.end()  # the model stopped at "Dell" of "Dell'Orto"
    match = _AFTER_NAME.match(text, finding.end)
    if match is None:
        return _second_surname_end(text, finding, language, lexicon, allowed)
    surname = match.group("surname")
    if not re.split(r"['’]", surname)[-1][:1].isupper() or allowed(surname):
        return None
    if surname.isupper() and len(surname) > 1:
        return None  # an acronym: "von der CDU"
    # After a hyphen each part, after a particle the whole surname.
    parts = (
        surname.lower().split("-") if text[finding.end] == "-" else [surname.lower()]
    )
    particle = (
        match.group("particle") or match.group("joined") or match.group("elided") or ""
    ).lower()
    if (
        language in CAPITALISED_NOUNS
        and particle in GERMAN_ARTICLE_PARTICLES
        and german_noun(surname, lexicon)
    ):
        return None  # an article and a noun: "Kurt Miller den PSA-Test"
    hyphenated = text[finding.end] == "-"
    if not (
        # A hyphen and a particle join a second surname ("Mathurin-van der
        # Flaas"): only a double surname is written so.
        match.group("joined") is not None
        or _only_given_names(text[finding.start : finding.end], lexicon)
        or all(_plain_surname(part, lexicon) for part in parts)
        or (particle in _ARTICLE_PARTICLES and _known_surname(parts, lexicon))
        # The second half of a double name the lexicon does not know
        # ("Müller-Lüdenscheidt"); a word or a place stays apart
        # ("Merkel-Regierung", "Müller-Hamburg").
        or (hyphenated and all(_unknown_word(part, lexicon) for part in parts))
    ):
        return None
    if language in CAPITALISED_NOUNS and any(
        _ordinary_here(part, language, lexicon) or part in lexicon.common_names
        for part in parts
    ):
        return None  # "Karl-Marx-Stadt", "Frau Klein von der Post"
    return match.end("surname")


def _model_cut_end(
    text: str,
    finding: Finding,
    following: Sequence[Finding],
    lexicon: Lexicon,
    allowed: Callable[[str], bool],
) -> int | None:
    """Where the second half of a double surname ends that a model read
    as a place or organisation of its own right after the name ("Frau
    Nowak" and "-Schulte"): a hyphen, no space, and a capitalised word that
    is no acronym and none of a language's most frequent words, and the
    model's finding covers it exactly. A noun after a hyphen ("die
    Merkel-Regierung") is no finding of a model."""
    if not following or text[finding.end : finding.end + 1] != "-":
        return None
    other = following[0]
    match = _HYPHEN_SURNAME.match(text, finding.end)
    if (
        match is None
        or other.source not in _MODELS
        or other.entity not in _TAKEN_IN
        or other.start not in (finding.end, finding.end + 1)
        or other.end != match.end()
    ):
        return None
    surname = match.group("surname")
    if not surname[0].isupper() or surname.isupper() or allowed(surname):
        return None
    if surname.lower() in lexicon.frequent:
        return None  # "Demokrasi Partisi-Parti": a frequent word, no surname
    return match.end()


def _second_surname_end(
    text: str,
    finding: Finding,
    language: str,
    lexicon: Lexicon,
    allowed: Callable[[str], bool],
) -> int | None:
    """Where a second surname right after a name of two words or more ends
    ("José Luis Rodríguez Zapatero"), in a language that gives people two
    surnames: a capitalised word that is no place, no given name (another
    person) and no frequent word."""
    if language not in _DOUBLE_SURNAMES:
        return None
    words = [
        w
        for w in text[finding.start : finding.end].split()
        if w.strip(".").lower() not in TITLE_WORDS
    ]
    match = _NEXT_WORD.match(text, finding.end)
    if len(words) < 2 or match is None:
        return None
    surname = match.group("surname")
    word = surname.lower()
    if not surname[0].isupper() or surname.isupper() or allowed(surname):
        return None
    if any(
        part in lexicon.places or part in lexicon.given or part in lexicon.frequent
        for part in word.split("-")
    ):
        return None
    return match.end("surname")


def _ordinary_here(word: str, language: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is an ordinary word of ``language`` itself, where the
    lexicon knows each language's frequencies: the Dutch "vaart" of "Rafael
    van der Vaart" is no German word."""
    if not lexicon.is_ordinary(word):
        return False
    return not lexicon.frequencies or lexicon.frequency(word, language) > 0


def _known_surname(parts: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether every part is a known name and no place."""
    return all(part in lexicon.names and part not in lexicon.places for part in parts)


def _only_given_names(name: str, lexicon: Lexicon) -> bool:
    """Whether ``name`` is given names alone, titles and initials aside."""
    words = [w.strip(".").lower() for w in name.split()]
    words = [w for w in words if w not in TITLE_WORDS and len(w) > 1]
    return bool(words) and all(
        all(part in lexicon.given for part in word.split("-")) for word in words
    )


def _unknown_word(word: str, lexicon: Lexicon) -> bool:
    """A word that is no ordinary word, no place and no frequent word of
    any language the lexicon holds (nor a German compound of one)."""
    return (
        len(word) > 2
        and word not in lexicon.words
        and word not in lexicon.places
        and word not in lexicon.frequent
        and not german_noun(word, lexicon)
    )


def _plain_surname(word: str, lexicon: Lexicon) -> bool:
    """A known name that is no place, no ordinary and no frequent word."""
    return (
        word in lexicon.names
        and word not in lexicon.places
        and word not in lexicon.words
        and word not in lexicon.frequent_names
    )
