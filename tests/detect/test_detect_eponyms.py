"""Diseases named after people and drugs are no people in the text; the
people with those names stay masked."""

from __future__ import annotations

import pytest

from gdprgate.detect import Finding
from gdprgate.detect.eponyms import without_eponyms

GIVEN = frozenset({"marco", "anna", "juan", "cassandra"})
PEOPLE = frozenset({"parkinson", "kowalski", "kowalskiego", "rossi", "baker"})


def _kept(text: str, values: list[str], entity: str = "PERSON") -> list[str]:
    findings = []
    for value in values:
        start = text.index(value)
        findings.append(Finding(start, start + len(value), entity, 0.9, "test"))
    return [
        text[f.start : f.end] for f in without_eponyms(text, findings, GIVEN, PEOPLE)
    ]


CASES = [
    # Diseases: dropped.
    (
        "Patient has Parkinson's disease and Crohn's disease.",
        ["Parkinson", "Crohn"],
        [],
    ),
    ("History of Hodgkin lymphoma.", ["Hodgkin"], []),
    ("Diagnosi: morbo di Basedow, sindrome di Tourette.", ["Basedow", "Tourette"], []),
    (
        "Rozpoznanie: choroba Hashimoto, zespół Aspergera.",
        ["Hashimoto", "Aspergera"],
        [],
    ),
    ("Z.n. Hashimoto-Thyreoiditis", ["Thyreoiditis"], []),
    ("Verdacht auf Morbus Bechterew.", ["Bechterew"], []),
    ("Asperger-Syndrom seit 2019.", ["Asperger-Syndrom"], []),
    ("Misstänkt Parkinsons sjukdom.", ["Parkinsons"], []),
    ("maladie de Parkinson confirmée", ["Parkinson"], []),
    ("enfermedad de Crohn", ["Crohn"], []),
    ("ziekte van Lyme", ["Lyme"], []),
    ("doença de Alzheimer", ["Alzheimer"], []),
    # Drugs: a dose after a therapy word, or right after "treatment with".
    ("Terapia: Tachipirina 1000.", ["Tachipirina"], []),
    ("Leczenie: Euthyrox 50.", ["Euthyrox"], []),
    ("Therapie: Sintrom 4 mg", ["Sintrom"], []),
    ("Tratamiento con Sintrom.", ["Sintrom"], []),
    # People stay: a title, a verb of saying, a full name, a given name.
    ("Dr. Parkinson's disease clinic", ["Dr. Parkinson"], ["Dr. Parkinson"]),
    ("Frau Hashimoto-Thyreoiditis", ["Hashimoto"], ["Hashimoto"]),
    ("Herr Basedow kommt.", ["Basedow"], ["Basedow"]),
    ("Parkinson said the results were fine.", ["Parkinson"], ["Parkinson"]),
    ("James Parkinson's disease", ["James Parkinson"], ["James Parkinson"]),
    ("Anna's disease got worse.", ["Anna"], ["Anna"]),
    # A general illness word with a name that is no common eponym is that
    # person's illness.
    ("La malattia di Marco è peggiorata.", ["Marco"], ["Marco"]),
    ("Choroba Kowalskiego się pogorszyła.", ["Kowalskiego"], ["Kowalskiego"]),
    ("la maladie de Dufresne", ["Dufresne"], ["Dufresne"]),
    # A known surname before a disease word that is no common eponym.
    ("Baker disease", ["Baker"], ["Baker"]),
    # A dose without a therapy word, a therapy word on another line.
    ("Rossi 50", ["Rossi"], ["Rossi"]),
    ("Terapia: riposo\nBrambilla 3", ["Brambilla"], ["Brambilla"]),
    ("Treatment with Dr. Rossi 50 times.", ["Dr. Rossi"], ["Dr. Rossi"]),
]


@pytest.mark.parametrize(("text", "values", "expected"), CASES)
def test_eponyms_and_drugs_are_no_people(
    text: str, values: list[str], expected: list[str]
) -> None:
    assert _kept(text, values) == expected


def test_an_organisation_in_a_disease_is_dropped_too() -> None:
    assert _kept("Crohn's disease", ["Crohn"], "ORGANIZATION") == []
