"""The GDPR vocabulary a policy file uses: legal bases, Art. 9 conditions,
special categories of data, transfer safeguards and the EEA.

Each ``normalise_*`` function accepts the spellings people write and returns
the one canonical form, or raises ``ValueError`` with a message that lists
the accepted forms and never repeats the text given.
"""

from __future__ import annotations

import re

# Art. 6(1): the six legal bases, by letter, with the names people use.
LEGAL_BASES = {
    "a": "consent",
    "b": "contract",
    "c": "legal_obligation",
    "d": "vital_interests",
    "e": "public_task",
    "f": "legitimate_interests",
}

# Art. 9(2)(a)-(j): the conditions that lift the ban on special categories.
ART9_CONDITIONS = {
    "a": "explicit consent",
    "b": "employment and social security law",
    "c": "vital interests, subject incapable of consent",
    "d": "not-for-profit body, members only",
    "e": "made manifestly public by the data subject",
    "f": "legal claims or courts",
    "g": "substantial public interest",
    "h": "health or social care",
    "i": "public health",
    "j": "archiving, research or statistics",
}

# Fideslang data categories that are special categories under Art. 9(1).
# A category and everything below it (``user.health_and_medical.*``) count.
SPECIAL_CATEGORIES = frozenset(
    {
        "user.authorization.biometrics",
        "user.biometric",
        "user.biometrics",
        "user.demographic.philosophical_belief",
        "user.demographic.political_opinion",
        "user.demographic.race_ethnicity",
        "user.demographic.religious_belief",
        "user.demographic.sexual_orientation",
        "user.demographic.union_membership",
        "user.genetic",
        "user.health_and_medical",
    }
)

# Chapter V: what makes a transfer outside the EEA lawful.
SAFEGUARDS = {
    "adequacy": "Art. 45 adequacy decision",
    "scc": "Art. 46(2)(c) standard contractual clauses",
    "bcr": "Art. 47 binding corporate rules",
    "code_of_conduct": "Art. 46(2)(e) approved code of conduct",
    "certification": "Art. 46(2)(f) approved certification",
    "ad_hoc_clauses": "Art. 46(3)(a) clauses authorised by the authority",
    "derogation": "Art. 49 derogation for a specific situation",
}

# EU member states plus Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2;
# Greece is "GR" in ISO, "EL" in EU texts: both are accepted).
_EEA = "AT BE BG CY CZ DE DK EE EL ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO"
EEA_COUNTRIES = frozenset((_EEA + " PL PT RO SE SI SK").split(" "))

_ARTICLE_6 = re.compile(r"(?:art\.?\s*)?6\s*\(\s*1\s*\)\s*\(\s*([a-f])\s*\)")
_ARTICLE_9 = re.compile(r"(?:art\.?\s*)?9\s*\(\s*2\s*\)\s*\(\s*([a-j])\s*\)")


def normalise_legal_basis(text: str) -> str:
    """``"f"``, ``"6(1)(f)"``, ``"Art. 6(1)(f)"`` or ``"legitimate_interests"``
    become ``"f"``."""
    value = text.strip().lower()
    match = _ARTICLE_6.fullmatch(value)
    if match is not None:
        return match[1]
    if value in LEGAL_BASES:
        return value
    by_name = {name: letter for letter, name in LEGAL_BASES.items()}
    if value.replace(" ", "_") in by_name:
        return by_name[value.replace(" ", "_")]
    msg = "must be one of a-f, 6(1)(a)-6(1)(f) or " + ", ".join(by_name)
    raise ValueError(msg)


def normalise_art9_condition(text: str) -> str:
    """``"a"``, ``"9(2)(a)"`` or ``"Art. 9(2)(a)"`` become ``"9(2)(a)"``."""
    value = text.strip().lower()
    match = _ARTICLE_9.fullmatch(value)
    letter = match[1] if match is not None else value
    if letter not in ART9_CONDITIONS:
        msg = "must be an Art. 9(2) condition: 9(2)(a) to 9(2)(j)"
        raise ValueError(msg)
    return f"9(2)({letter})"


def is_special_category(category: str) -> bool:
    """Whether a fideslang data category is (or falls under) an Art. 9 one."""
    return any(
        category == special or category.startswith(special + ".")
        for special in SPECIAL_CATEGORIES
    )


def normalise_country(text: str) -> str:
    """An ISO 3166-1 alpha-2 code outside the EEA, in upper case."""
    value = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", value):
        msg = "must be a two-letter ISO 3166-1 country code"
        raise ValueError(msg)
    if value in EEA_COUNTRIES:
        msg = "is a country of the EEA: only transfers outside it are declared"
        raise ValueError(msg)
    return value
