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
from gdprgate.detect.gate import CAPITALISED_NOUNS, Lexicon

# Particle sequences that stand between a given name and a surname.
_PARTICLE_LIST = """
van|van der|van den|van de|van het|de|de la|de las|de los|del|della|delle
|di|da|das|do|dos|du|des|den|der|ter|ten|von|von der|von dem|zu|von und zu
|af|le|la|dal|dalla|degli|lo
"""
_PARTICLES = sorted(
    (p.strip() for p in _PARTICLE_LIST.replace("\n", "").split("|") if p.strip()),
    key=len,
    reverse=True,
)
# A particle run and a capitalised surname (hyphenated or with an
# apostrophe) right after a name.
_AFTER_NAME = re.compile(
    r"(?:[ \t]+(?:" + "|".join(re.escape(p) for p in _PARTICLES) + r")[ \t]+|-)"
    r"((?:[^\W\d_]['’])?[^\W\d_]+(?:-[^\W\d_]+)*)"
)
# Entities a surname after a particle may have been read as; a deny-list
# finding is never taken in.
_TAKEN_IN = frozenset({"LOCATION", "ORGANIZATION", "PERSON"})
_KEPT_SOURCE = "deny_list"
# Titles that may open a person's name (lower case, without a full stop).
_TITLE_LIST = """
mr mrs ms dr prof herr frau sr sra srta don doña m mme mlle sig dott dottssa
pan pani meneer mevrouw dhr mevr
"""
_TITLES = frozenset(_TITLE_LIST.split())


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
    if (
        finding.entity != "PERSON"
        or not text[finding.start : finding.end][:1].isupper()
    ):
        return finding
    match = _AFTER_NAME.match(text, finding.end)
    if match is None:
        return finding
    surname = match.group(1)
    if not re.split(r"['’]", surname)[-1][:1].isupper() or allowed(surname):
        return finding
    if surname.isupper() and len(surname) > 1:
        return finding  # an acronym: "von der CDU"
    # After a hyphen each part, after a particle the whole surname.
    parts = (
        surname.lower().split("-") if text[finding.end] == "-" else [surname.lower()]
    )
    if not (
        _only_given_names(text[finding.start : finding.end], lexicon)
        or all(_plain_surname(part, lexicon) for part in parts)
    ):
        return finding
    if language in CAPITALISED_NOUNS and any(
        lexicon.is_ordinary(part) or part in lexicon.common_names for part in parts
    ):
        return finding  # "Karl-Marx-Stadt", "Frau Klein von der Post"
    end = match.end(1)
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


def _only_given_names(name: str, lexicon: Lexicon) -> bool:
    """Whether ``name`` is given names alone, titles and initials aside."""
    words = [w.strip(".").lower() for w in name.split()]
    words = [w for w in words if w not in _TITLES and len(w) > 1]
    return bool(words) and all(
        all(part in lexicon.given for part in word.split("-")) for word in words
    )


def _plain_surname(word: str, lexicon: Lexicon) -> bool:
    """A known name that is no place, no ordinary and no frequent word."""
    return (
        word in lexicon.names
        and word not in lexicon.places
        and word not in lexicon.words
        and word not in lexicon.frequent_names
    )
