"""A role noun at the start of a name: "Landrat Heinz Seiffert".

The models read a capitalised noun right before a name into the name,
German above all ("Landrat Heinz Seiffert", "Stürmer Jonas Albrecht"). The
noun is a role, not the person; masked with the name it hides what the text
says of them. :func:`without_leading_nouns` cuts such a noun off a
``PERSON`` of three words or more when it is a role word, or, in German
(which capitalises its nouns), an ordinary word of the language, a feminine
role noun ("Biathletin Mariam Gössner", by its ending) or a town's "-er"
word ("der Cottbuser Heinrich Haussler"); never a name or title of any
kind, and only before a capitalised given name. Titles
stay with the name (see :mod:`gdprgate.detect.titles`); "Frank Walter
Steinmeier" and "Rose Anna Müller" stay whole. GermEval dev PERSON
precision 0.811 -> 0.812; synth and TAB dev unchanged. The feminine role
nouns and the towns' words took it from 0.808 to 0.809 (two spans).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import CAPITALISED_NOUNS, Lexicon
from gdprgate.detect.name_scorer import is_role
from gdprgate.detect.titles import TITLE_WORDS

# Endings of German feminine role nouns ("Kontrahentin", "Biathletin",
# "Journalistin"); given names with these endings ("Katrin") are names.
_FEMININE_ROLES = (
    "erin", "entin", "antin", "etin", "istin", "orin", "atin", "eurin",
    "ogin", "iterin", "arin", "ierin",
)  # fmt: skip
# A word with a feminine role's ending and at least this many letters is
# taken for a role even when its masculine form is unknown ("Biathletin").
_LONG_ROLE = 10
_SPAN_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def without_leading_nouns(
    text: str,
    findings: Sequence[Finding],
    language: str,
    lexicon: Lexicon,
) -> list[Finding]:
    """``findings`` with a ``PERSON`` that starts with a role noun of
    ``language`` before a given name cut to the name (see the module)."""
    result: list[Finding] = []
    for finding in findings:
        words = list(_SPAN_WORD.finditer(text, finding.start, finding.end))
        if (
            finding.entity == "PERSON"
            and len(words) >= 3
            and _role_noun(words[0].group(), language, lexicon)
            and words[1].group()[:1].isupper()
            and words[1].group().lower() in lexicon.given
        ):
            finding = dataclasses.replace(finding, start=words[1].start())
        result.append(finding)
    return result


def _role_noun(word: str, language: str, lexicon: Lexicon) -> bool:
    """Whether capitalised ``word`` is a role word (any language), or, in a
    language that capitalises its nouns, an ordinary word of it; never a
    name or title. Elsewhere a capitalised word before a given name is
    most often a given name itself ("Conceição Maria Ferreira", "Modeste
    Jean Dupont")."""
    lower = word.lower()
    if (
        not word[:1].isupper()
        or lower in TITLE_WORDS
        or lower in lexicon.names
        or lower in lexicon.given
    ):
        return False
    if is_role(lower):
        return True
    if language not in CAPITALISED_NOUNS:
        return False
    return (
        (lexicon.is_ordinary(lower) and lexicon.frequency(lower, language) > 0)
        or _feminine_role(lower, lexicon)
        or _demonym(lower, lexicon)
    )


def _feminine_role(lower: str, lexicon: Lexicon) -> bool:
    """Whether ``lower`` has the ending of a feminine role noun and reads as
    one: its masculine form is an ordinary word ("fahrerin", "pianistin"),
    or it is too long for a given name spelt in an unknown way
    ("biathletin", "kontrahentin"; not "catherin")."""
    if not lower.endswith(_FEMININE_ROLES):
        return False
    masculine = lower[:-2]
    return len(lower) >= _LONG_ROLE or (
        lexicon.is_ordinary(masculine) and lexicon.frequency(masculine, "de") > 0
    )


def _demonym(lower: str, lexicon: Lexicon) -> bool:
    """Whether ``lower`` is the "-er" word of a known place ("cottbuser",
    "plauener") and no name of a person."""
    return (
        lower.endswith("er")
        and lower[:-2] in lexicon.places
        and lower not in lexicon.people
    )
