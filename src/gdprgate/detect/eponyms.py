"""Diseases named after people, and drugs, read as people.

A clinical note names diseases after the people who described them
("Parkinson's disease", "morbo di Basedow", "choroba Hashimoto",
"Hashimoto-Thyreoiditis") and drugs by brand ("Terapia: Tachipirina
1000"). The models read the name in them as a person in the text; masking
it ruins the note and protects no one.

:func:`without_eponyms` drops a ``PERSON`` of one word (or two joined by a
hyphen: "Creutzfeldt-Jakob") that stands in such a phrase:

- before a word that makes it a medical term ("X's disease", "X
  syndrome", "X lymphoma", "X-Syndrom", "X-sjukdom", "X sign/test/reflex");
- after a word that names a syndrome or a disease by its discoverer
  ("Morbus X", "morbo di X", "sindrome di X", "zespół X", "syndrome de X");
- after a general word for an illness ("maladie de X", "enfermedad de X",
  "choroba X", "ziekte van X", "doença de X"), only when X is one of the
  common eponyms of :data:`EPONYMS`: "la malattia di Marco" is Marco's;
- a drug: a word right before a dose ("Tachipirina 1000", "Sintrom 4 mg")
  after a therapy word on the same line, or right after "Tratamiento con",
  "treatment with", "Therapie mit".

It fails closed: a known given name, a title before the word or in the span
("Dr. Parkinson", "Frau Hashimoto"), or a name of several words keeps a
person, and so does any other sentence ("Parkinson said").
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from gdprgate.detect.finding import Finding
from gdprgate.detect.titles import TITLE_WORDS

# Words after a name that make it a medical term (lower case).
_AFTER_LIST = """
disease diseases syndrome syndromes disorder lymphoma sarcoma tumor tumour
reflex palsy phenomenon triad cyst ulcer anemia anaemia ataxia
dementia dystrophy chorea encephalopathy thyroiditis contracture
syndrom syndroms krankheit erkrankung thyreoiditis lymphom sarkom
sjukdom sjukdomen syndromet
ziekte syndroom
"""
AFTER_WORDS = frozenset(_AFTER_LIST.split())

# Words before a name that name a syndrome or disease by its discoverer.
_STRONG_BEFORE = r"""
morbus | morbo\s+di | sindrome\s+di | syndrome\s+de | síndrome\s+de
| sindrome\s+de | syndroom\s+van | zespół | zespołu | zespołem
| syndrome\s+of | syndrom
"""
# General words for an illness: the name must be a common eponym.
_WEAK_BEFORE = r"""
maladie\s+de | malattia\s+di | enfermedad\s+de | doença\s+de
| ziekte\s+van | choroba | choroby | chorobę | chorobą | chorobie
| disease\s+of
"""
_NAME = r"(?P<name>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?)"
_STRONG = re.compile(rf"(?:{_STRONG_BEFORE})\s+{_NAME}", re.IGNORECASE | re.VERBOSE)
_WEAK = re.compile(rf"(?:{_WEAK_BEFORE})\s+{_NAME}", re.IGNORECASE | re.VERBOSE)
# After the name: a possessive or a genitive "s", then a medical word, or
# a hyphen and a compound ending in one ("-Thyreoiditis", "-sjukdom").
_AFTER = re.compile(
    r"(?:['’]s?|s)?(?:[ \t\u00a0]+|-)(?P<word>[^\W\d_]+)", re.IGNORECASE
)

# Common eponyms, with the Polish and Swedish forms a general illness word
# takes ("choroba Parkinsona", "Parkinsons sjukdom").
_EPONYM_LIST = """
parkinson parkinsona parkinsons alzheimer alzheimera alzheimers crohn crohna
leśniowskiego-crohna hodgkin hodgkina hashimoto basedow basedowa graves
gravesa tourette asperger aspergera addison addisona cushing cushinga
huntington huntingtona raynaud raynauda bechterew bechterewa lyme
paget pageta kaposi kaposiego ménière meniere sjögren sjögrena behçet
kawasaki marfan marfana wilson wilsona creutzfeldt-jakob
creutzfeldta-jakoba guillain-barré duchenne duchenne'a charcot
dupuytren dupuytrena bell bella scheuermann scheuermanna perthes
perthesa hirschsprung hirschsprunga whipple whipple'a wegener wegenera
"""
EPONYMS = frozenset(_EPONYM_LIST.split())

# Drugs: a therapy word, then on the same line a word and a dose.
_THERAPY = r"""
therapie | therapy | terapia | terapie | leczenie | tratamiento | treatment
| medikation | medication | medicación | medicazione | behandeling
| behandlung | behandling | traitement | tratamento | rx | dauermedikation
"""
_DOSE = re.compile(
    r"[ \t\u00a0]+\d+(?:[.,]\d+)?(?:[ \t\u00a0]*(?:mg|µg|mcg|g|ml|ie|iu|e|%)\b)?",
    re.IGNORECASE,
)
_THERAPY_BEFORE = re.compile(rf"\b(?:{_THERAPY})\b[^\n]*\Z", re.IGNORECASE | re.VERBOSE)
_TREATED_WITH = re.compile(
    r"\b(?:tratamiento|tratamento|trattamento|treatment|therapie|behandlung)"
    r"\s+(?:con|com|with|mit)\s+\Z",
    re.IGNORECASE,
)
# What a model calls a name in a disease ("Crohn" as an organisation too).
_NAME_ENTITIES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})
# How far before a drug its therapy word may stand.
_THERAPY_REACH = 120


def without_eponyms(
    text: str, findings: Sequence[Finding], given: Set[str], people: Set[str]
) -> list[Finding]:
    """``findings`` without the people that are diseases or drugs.

    ``given`` and ``people`` are the known given names and people's names
    (lower case): a given name is never dropped, another known name only
    when it is a common eponym (:data:`EPONYMS`).
    """
    named = {m.start("name") for m in _STRONG.finditer(text)}
    weak = {m.start("name") for m in _WEAK.finditer(text)}
    kept = []
    for finding in findings:
        if not _one_name(text, finding, given):
            kept.append(finding)
            continue

        word = text[finding.start : finding.end].strip("-").lower()
        known = word in people and word not in EPONYMS
        medical = (
            finding.start in named
            or _medical_after(text, finding)
            or _drug(text, finding)
        )
        eponym = finding.start in weak and word in EPONYMS
        if not (eponym or (medical and not known)):
            kept.append(finding)
    return kept


def _one_name(text: str, finding: Finding, given: Set[str]) -> bool:
    """Whether ``finding`` is a name of one word, no given name, with no
    title before it."""
    if finding.entity not in _NAME_ENTITIES:
        return False
    value = text[finding.start : finding.end].strip("-")
    if not re.fullmatch(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?", value):
        return False
    if value.lower() in given or value.lower() in TITLE_WORDS:
        return False
    before = text[max(0, finding.start - 20) : finding.start].split()
    return not (before and before[-1].rstrip(".").lower() in TITLE_WORDS)


def _medical_after(text: str, finding: Finding) -> bool:
    """Whether a medical word follows ``finding`` ("'s disease",
    "-Thyreoiditis"), or ends the compound it is part of."""
    value = text[finding.start : finding.end]
    if "-" in value and value.rsplit("-", 1)[1].lower() in AFTER_WORDS:
        return True
    if value.startswith("-") or text[finding.start - 1 : finding.start] == "-":
        # The tail of a compound ("-Thyreoiditis" of "Hashimoto-Thyreoiditis").
        return _tail_word(value) in AFTER_WORDS or _compound_end(value)
    after = _AFTER.match(text, finding.end)
    if after is None:
        return False
    word = after.group("word").lower()
    return word in AFTER_WORDS or _compound_end(word)


def _tail_word(value: str) -> str:
    """The last part of a hyphenated word, in lower case."""
    return value.rsplit("-", 1)[-1].lower()


def _compound_end(word: str) -> bool:
    """Whether ``word`` is a compound ending in a medical word
    ("Basedowkrankheit" is not; "Autoimmunthyreoiditis", "Parkinsonsyndrom")."""
    lower = word.lower().lstrip("-")
    return any(
        lower.endswith(tail) and len(lower) > len(tail)
        for tail in ("syndrom", "krankheit", "thyreoiditis", "sjukdom")
    )


def _drug(text: str, finding: Finding) -> bool:
    """Whether ``finding`` is a drug: a dose after it and a therapy word
    before it on its line, or right after "treatment with"."""
    head = text[max(0, finding.start - _THERAPY_REACH) : finding.start]
    if _TREATED_WITH.search(head):
        return True
    return bool(_DOSE.match(text, finding.end)) and bool(_THERAPY_BEFORE.search(head))
