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
    ("Tratamiento con Sintrom 4 mg.", ["Sintrom"], []),
    ("Dauermedikation: Euthyrox 75 µg, Ramipril 5 mg", ["Euthyrox", "Ramipril"], []),
    ("Bell's palsy, improving; Alzheimer's dementia.", ["Bell", "Alzheimer"], []),
    ("Asperger-Syndrom seit 2019; Morbus Crohn.", ["Asperger-Syndrom", "Crohn"], []),
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
    # A treatment with a person and no dose.
    ("Tratamiento con Sintrom.", ["Sintrom"], ["Sintrom"]),
    ("Therapie mit Brenner besprochen", ["Brenner"], ["Brenner"]),
    ("Treatment with Nwosu was arranged by the ward.", ["Nwosu"], ["Nwosu"]),
    ("Tratamiento con Etxeberria, su fisioterapeuta.", ["Etxeberria"], ["Etxeberria"]),
    # Times, addresses, phones, counts and people words are no doses.
    (
        "Treatment room 4: Brannigan 10:30, Nwosu 11:00, Delacroix 11:30",
        ["Brannigan", "Nwosu", "Delacroix"],
        ["Brannigan", "Nwosu", "Delacroix"],
    ),
    (
        "Medication review for Nwachukwu 12 Elm Road, Leeds.",
        ["Nwachukwu"],
        ["Nwachukwu"],
    ),
    (
        "Behandlung: Rückruf bei Schwarzkopf 0151 23456789.",
        ["Schwarzkopf"],
        ["Schwarzkopf"],
    ),
    (
        "Medication: paracetamol; visited by Nwachukwu 2 times today.",
        ["Nwachukwu"],
        ["Nwachukwu"],
    ),
    ("Rx refill for Delacroix 10 days supply.", ["Delacroix"], ["Delacroix"]),
    ("Behandeling door Wijnaldum 2x per week.", ["Wijnaldum"], ["Wijnaldum"]),
    (
        "Tratamiento: fisioterapia con Etxeberria 3 veces por semana.",
        ["Etxeberria"],
        ["Etxeberria"],
    ),
    ("Behandlung: Termin mit Schwarzkopf 5 mg", ["Schwarzkopf"], ["Schwarzkopf"]),
    ("Therapie: Schwarzkopf 5 E-Mails geschickt", ["Schwarzkopf"], ["Schwarzkopf"]),
    # A name that is no common eponym beside a disease word is a patient.
    (
        "Ward round: patient Nwachukwu's dementia is worse.",
        ["Nwachukwu"],
        ["Nwachukwu"],
    ),
    ("Ward round: Nwachukwu's palsy unchanged.", ["Nwachukwu"], ["Nwachukwu"]),
    ("Brannigan's ulcer is healing.", ["Brannigan"], ["Brannigan"]),
    ("Smithers reflex: Smithers flinched.", ["Smithers"], ["Smithers"]),
    ("Syndrome of Nwachukwu confirmed by the panel.", ["Nwachukwu"], ["Nwachukwu"]),
    ("Morbus Okafor? Nein.", ["Okafor"], ["Okafor"]),
    # A common eponym with a symptom word that makes no known disease.
    ("Hodgkin's ulcer is healing.", ["Hodgkin"], ["Hodgkin"]),
    ("Parkinson's appointment is on Monday.", ["Parkinson"], ["Parkinson"]),
    ("Wilson (the patient) agreed.", ["Wilson"], ["Wilson"]),
    ("Rozpoznanie: choroba Kowalski.", ["Kowalski"], ["Kowalski"]),
]

# A name the text also uses for a person stays masked in the disease too.
MENTION_CASES = [
    ("Syndrome of Okafor: Okafor called", [(12, 18), (20, 26)], [(12, 18), (20, 26)]),
    ("Bell's palsy in patient Bell.", [(0, 4), (24, 28)], [(0, 4), (24, 28)]),
    ("The patient, Crohn, has Crohn's disease.", [(24, 29)], [(24, 29)]),
    (
        "Referred by Hodgkin lymphoma clinic; patient Hodgkin disagrees.",
        [(12, 19), (45, 52)],
        [(12, 19), (45, 52)],
    ),
    (
        "Patient: Margaret Parkinson, seen for Parkinson's disease.",
        [(9, 27), (38, 47)],
        [(9, 27), (38, 47)],
    ),
    ("Crohn's disease and Crohn's disease again.", [(0, 5), (20, 25)], []),
]


@pytest.mark.parametrize(("text", "spans", "expected"), MENTION_CASES)
def test_a_name_used_for_a_person_stays_everywhere(
    text: str, spans: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    findings = [Finding(start, end, "PERSON", 0.9, "test") for start, end in spans]
    kept = without_eponyms(text, findings, GIVEN, PEOPLE)
    assert [(f.start, f.end) for f in kept] == expected


@pytest.mark.parametrize(("text", "values", "expected"), CASES)
def test_eponyms_and_drugs_are_no_people(
    text: str, values: list[str], expected: list[str]
) -> None:
    assert _kept(text, values) == expected


def test_an_organisation_in_a_disease_is_dropped_too() -> None:
    assert _kept("Crohn's disease", ["Crohn"], "ORGANIZATION") == []
