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
from collections.abc import Sequence

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import CAPITALISED_NOUNS, Lexicon

# Particle sequences that stand between a given name and a surname.
_PARTICLE_LIST = """
van|van der|van den|van de|van het|de|de la|de las|de los|del|della|delle
|di|da|das|do|dos|du|des|den|der|ter|ten|te|von|von der|von dem|zu|von und zu
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
# Entities a surname after a particle may have been read as.
_TAKEN_IN = frozenset({"LOCATION", "ORGANIZATION", "PERSON"})


def extend_over_particles(
    text: str, findings: Sequence[Finding], language: str, lexicon: Lexicon
) -> list[Finding]:
    """``findings`` (sorted, not overlapping) with each ``PERSON`` that a
    particle and a capitalised word follow extended over them."""
    result: list[Finding] = []
    skip_to = -1
    for index, finding in enumerate(findings):
        if finding.start < skip_to:
            continue
        extended = _extended(text, finding, findings[index + 1 :], language, lexicon)
        result.append(extended)
        skip_to = extended.end if extended is not finding else -1
    return result


def _extended(
    text: str,
    finding: Finding,
    later: Sequence[Finding],
    language: str,
    lexicon: Lexicon,
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
    if not re.split(r"['’]", surname)[-1][:1].isupper():
        return finding
    if surname.isupper() and len(surname) > 1:
        return finding  # an acronym: "von der CDU"
    # After a hyphen every part must be no ordinary word ("Karl-Marx-Stadt",
    # "Merkel-Regierung"); after a particle the whole surname.
    parts = surname.lower().split("-") if text[finding.end] == "-" else [surname]
    if language in CAPITALISED_NOUNS and any(
        lexicon.is_ordinary(part.lower()) for part in parts
    ):
        return finding
    end = match.end(1)
    for other in later:
        if other.start >= end:
            break
        # Only a finding on the surname itself is taken in.
        if other.entity not in _TAKEN_IN or other.end > end:
            return finding
    return Finding(finding.start, end, "PERSON", finding.score, finding.source)
