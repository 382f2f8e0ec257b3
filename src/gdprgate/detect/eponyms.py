"""Diseases named after people, and drugs, read as people.

A clinical note names diseases after the people who described them
("Parkinson's disease", "morbo di Basedow", "choroba Hashimoto",
"Hashimoto-Thyreoiditis") and drugs by brand ("Terapia: Tachipirina
1000"). The models read the name in them as a person in the text; masking
it ruins the note and protects no one.

:func:`without_eponyms` drops a ``PERSON`` of one word (or two joined by a
hyphen: "Creutzfeldt-Jakob") that stands in such a phrase:

- a common eponym of :data:`EPONYMS` before a general disease word ("X's
  disease", "X syndrome", "X-Syndrom", "X-sjukdom") or in a known pair
  ("Hodgkin lymphoma", "Bell's palsy"), or after a word naming a disease
  ("Morbus X", "sindrome di X", "zespół X", "maladie de X", "choroba X");
  any other name there is a patient ("Nwachukwu's dementia");
- a drug: a word right before a dose with a unit ("Sintrom 4 mg") after a
  therapy word on the same line or right after "Tratamiento con",
  "treatment with", "Therapie mit"; a bare number only as the first word
  of an item labelled with a therapy word ("Terapia: Tachipirina 1000").

It fails closed: a known given name, a title before the word or in the span
("Dr. Parkinson", "Frau Hashimoto"), a name of several words, a person
word before a drug ("visited by X 2 times") or a mention of the same name
outside a disease elsewhere in the text ("Bell's palsy in patient Bell")
keeps a person, and so does any other sentence ("Parkinson said").
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from gdprgate.detect.finding import Finding
from gdprgate.detect.titles import TITLE_WORDS

# Medical words: the tail of a compound ("-Thyreoiditis") that is no name.
_AFTER_LIST = """
disease diseases syndrome syndromes disorder lymphoma sarcoma tumor tumour
reflex palsy phenomenon triad cyst ulcer anemia anaemia ataxia
dementia dystrophy chorea encephalopathy thyroiditis contracture
syndrom syndroms krankheit erkrankung thyreoiditis lymphom sarkom
sjukdom sjukdomen syndromet
ziekte syndroom
"""
AFTER_WORDS = frozenset(_AFTER_LIST.split())

# Words after a common eponym that name a disease by themselves; the other
# medical words only in the pairs of :data:`_PAIRS` ("Bell's palsy").
_GENERAL_LIST = """
disease diseases syndrome syndromes disorder krankheit erkrankung syndrom
syndroms sjukdom sjukdomen syndromet ziekte syndroom
"""
_GENERAL = frozenset(_GENERAL_LIST.split())
_PAIRS = {
    "hodgkin": {"lymphoma", "lymphom"},
    "burkitt": {"lymphoma", "lymphom"},
    "kaposi": {"sarcoma", "sarkom"},
    "ewing": {"sarcoma", "sarkom"},
    "wilms": {"tumor", "tumour"},
    "bell": {"palsy"},
    "hashimoto": {"thyroiditis", "thyreoiditis", "encephalopathy"},
    "alzheimer": {"dementia"},
    "huntington": {"chorea"},
    "sydenham": {"chorea"},
    "dupuytren": {"contracture"},
    "duchenne": {"dystrophy"},
    "raynaud": {"phenomenon"},
    "friedreich": {"ataxia"},
    "fanconi": {"anemia", "anaemia"},
    "wernicke": {"encephalopathy"},
}

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
guillain barré guillain-barre barre wilms ewing burkitt down turner
klinefelter gehrig creutzfeldt jakob epstein barr epstein-barr kawasaki
legionnaires sjogren tourettes hodgkins crohns bechterewa sydenham
friedreich fanconi wernicke
"""
EPONYMS = frozenset(_EPONYM_LIST.split())

# Drugs: a therapy word, then on the same line a word and a dose.
_THERAPY = r"""
therapie | therapy | terapia | terapie | leczenie | tratamiento | treatment
| medikation | medication | medicación | medicazione | behandeling
| behandlung | behandling | traitement | tratamento | rx | dauermedikation
"""
# A dose: a number and a unit ("4 mg", "10 IE", "2 Tbl.").
_DOSE = re.compile(
    r"[ \t\u00a0]+\d+(?:[.,]\d+)?[ \t\u00a0]*"
    r"(?:mg|µg|mcg|g|ml|ie|iu|e|%|tbl\.?|tabs?|cp|comp\.?)(?![\w-])",
    re.IGNORECASE,
)
# A bare number ends the item: "Terapia: Tachipirina 1000." (not "10:30",
# "12 Elm Road", "2x", "3 veces", "0151 23456789").
_BARE_DOSE = re.compile(
    r"[ \t\u00a0]+\d+(?:[.,]\d+)?(?=[.,;]?[ \t\u00a0]*(?:\n|\Z)|[,;])"
)
_THERAPY_BEFORE = re.compile(rf"\b(?:{_THERAPY})\b[^\n]*\Z", re.IGNORECASE | re.VERBOSE)
# The start of a list item labelled with a therapy word, then the drug.
_THERAPY_LABEL = re.compile(
    rf"(?:\A|\n|[.;][ \t]+)[ \t]*(?:[-*•][ \t]*)?(?:{_THERAPY})[ \t]*:[ \t]*\Z",
    re.IGNORECASE | re.VERBOSE,
)
_TREATED_WITH = re.compile(
    r"\b(?:tratamiento|tratamento|trattamento|treatment|therapie|behandlung)"
    r"\s+(?:con|com|with|mit)\s+\Z",
    re.IGNORECASE,
)
# Words before a name that make it a person's, never a drug (lower case).
_PERSON_BEFORE_LIST = """
by for from with visited door bij met con con bei mit von für durch par
avec pour chez por para da dal dalla przez od dla av hos med till
"""
_PERSON_BEFORE = frozenset(_PERSON_BEFORE_LIST.split())
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
    when it is a common eponym (:data:`EPONYMS`). A name the text also
    uses for a person ("Bell's palsy in patient Bell") stays everywhere.
    """
    named = {m.start("name") for m in _STRONG.finditer(text)}
    named |= {m.start("name") for m in _WEAK.finditer(text)}
    dropped = {
        index
        for index, finding in enumerate(findings)
        if _one_name(text, finding, given)
        and _not_a_person(text, finding, named, people)
    }

    # A name kept as a person anywhere keeps its other mentions.
    persons = {
        word
        for index, finding in enumerate(findings)
        if index not in dropped and finding.entity in _NAME_ENTITIES
        for word in _parts(text[finding.start : finding.end])
    }
    return [
        finding
        for index, finding in enumerate(findings)
        if index not in dropped
        or persons & set(_parts(text[finding.start : finding.end]))
    ]


def _parts(value: str) -> list[str]:
    """The words of ``value`` in lower case, possessives cut off."""
    return [
        re.sub(r"['’]s?\Z", "", word)
        for word in re.findall(r"[^\W\d_][\w'’]*", value.lower())
    ]


def _not_a_person(
    text: str, finding: Finding, named: Set[int], people: Set[str]
) -> bool:
    """Whether the one-word ``finding`` is a disease word or a common
    eponym in a disease's name, or a drug."""
    value = text[finding.start : finding.end].strip("-")
    head = value.split("-")[0].lower()
    if value.startswith("-") or text[finding.start - 1 : finding.start] == "-":
        # The tail of a compound ("-Thyreoiditis" of "Hashimoto-Thyreoiditis").
        tail = _tail_word(value)
        return tail in AFTER_WORDS or _compound_end(tail)
    if head in EPONYMS and _in_disease(text, finding, head, named):
        return not _mentioned_apart(text, finding, head, named)
    return head not in people and _drug(text, finding)


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


def _in_disease(text: str, finding: Finding, head: str, named: Set[int]) -> bool:
    """Whether the eponym ``head`` of ``finding`` stands in a disease's name."""
    return finding.start in named or _medical_after(text, finding, head)


def _mentioned_apart(text: str, finding: Finding, head: str, named: Set[int]) -> bool:
    """Whether the text names ``head`` elsewhere outside a disease's name
    ("The patient, Crohn, has Crohn's disease"): a person then."""
    word = re.escape(text[finding.start : finding.start + len(head)])
    for match in re.finditer(rf"(?<![\w-]){word}(?![\w-])", text):
        if match.start() == finding.start:
            continue
        other = Finding(match.start(), match.end(), finding.entity, 0.0, "mention")
        if not _in_disease(text, other, head, named):
            return True
    return False


def _medical_after(text: str, finding: Finding, head: str) -> bool:
    """Whether a disease word follows the eponym ``head`` of ``finding``
    ("'s disease", "-Syndrom", "Bell's palsy"), or ends its compound."""
    value = text[finding.start : finding.end]
    if "-" in value.strip("-"):
        return _disease_word(head, _tail_word(value))
    after = _AFTER.match(text, finding.end)
    return after is not None and _disease_word(head, after.group("word").lower())


def _disease_word(head: str, word: str) -> bool:
    """Whether ``word`` after the eponym ``head`` makes a disease's name:
    a general word ("disease", "Syndrom"), a compound ending in one, or a
    known pair ("Hodgkin lymphoma"; not "Smithers reflex")."""
    stem = re.sub(r"(?:['’]s?|s)\Z", "", head)
    pairs = _PAIRS.get(head, set()) | _PAIRS.get(stem, set())
    return word in _GENERAL or word in pairs or _compound_end(word)


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
    """Whether ``finding`` is a drug: a dose with a unit after it and a
    therapy word before it on its line ("Therapie: Sintrom 4 mg",
    "Tratamiento con Sintrom 4 mg"), or a bare number after it as the first
    word of an item labelled with a therapy word ("Terapia: Tachipirina
    1000"). Never after a word that makes it a person ("visited by X")."""
    head = text[max(0, finding.start - _THERAPY_REACH) : finding.start]
    if _TREATED_WITH.search(head):
        return bool(_DOSE.match(text, finding.end))
    if _THERAPY_LABEL.search(head):
        return bool(
            _DOSE.match(text, finding.end) or _BARE_DOSE.match(text, finding.end)
        )

    before = re.findall(r"[^\W\d_]+", head.lower())
    if before and before[-1] in _PERSON_BEFORE:
        return False
    return bool(_DOSE.match(text, finding.end)) and bool(_THERAPY_BEFORE.search(head))
