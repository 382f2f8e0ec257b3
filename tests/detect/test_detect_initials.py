"""Initials that stand for a person: after a party word, defined in
brackets after a name, and listed as attendees (gdprgate.detect.initials,
gdprgate.detect.attendees)."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.attendees import ATTENDEE_SOURCE, listed_people
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.initials import (
    DEFINED_SOURCE,
    PARTY_SOURCE,
    defined_initials,
    party_initials,
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _values(text: str, findings: list[Finding]) -> list[str]:
    return [text[f.start : f.end] for f in findings]


PARTIES = [
    ("el acusado J.M.G.R., con DNI 53124587T", ["J.M.G.R."]),
    ("la víctima A. B. declaró", ["A. B."]),
    ("The defendant J.K. appealed.", ["J.K."]),
    ("Der Angeklagte M.S. schwieg.", ["M.S."]),
    ("le prévenu J.-P. D. conteste", ["J.-P. D."]),
    ("l'imputato G.B. è stato assolto", ["G.B."]),
    ("a testemunha R.C. confirmou", ["R.C."]),
    ("świadek A.K. zeznał", ["A.K."]),
    # Abbreviations without a party word stay.
    ("la empresa Ferrovial S.A. informó", []),
    ("Sie zog in die U.S.A. um.", []),
    ("Das gilt z.B. für Kinder.", []),
    ("the defendant appealed in Jan.", []),
]


@pytest.mark.parametrize(("text", "names"), PARTIES)
def test_initials_after_a_party_word(text: str, names: list[str]) -> None:
    found = party_initials(text)
    assert _values(text, found) == names
    assert all(f.source == PARTY_SOURCE for f in found)


def _person(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PERSON", 0.9, "rampart")


DEFINED = [
    (
        "Anwesend: Dr. Lutz Vollmerhaus (LV), Frau Prochnow (KP). "
        "LV eröffnet die Sitzung.",
        ["Dr. Lutz Vollmerhaus", "Frau Prochnow"],
        ["LV", "KP", "LV"],
    ),
    (
        "Présents : Claire Dumoulin (CD). CD présente le budget.",
        ["Claire Dumoulin"],
        ["CD", "CD"],
    ),
    (
        "Met Joris Hoekstra (JH) besproken; JH stuurt de notulen.",
        ["Joris Hoekstra"],
        ["JH", "JH"],
    ),
    # A party or a role in brackets is no set of initials.
    ("Anna Schmidt (SPD) sprach. Die SPD lehnte ab.", ["Anna Schmidt"], []),
    ("Mark Ellery (CEO) opened. The CEO spoke.", ["Mark Ellery"], []),
    # Other capitals inside a word or a longer acronym stay.
    ("Kees Visser (KV) belde. KVK en KV-nummer.", ["Kees Visser"], ["KV"]),
]


@pytest.mark.parametrize(("text", "people", "initials"), DEFINED)
def test_initials_defined_after_a_name(
    text: str, people: list[str], initials: list[str]
) -> None:
    findings = [_person(text, value) for value in people]
    found = defined_initials(text, findings)
    added = [f for f in found if f.source == DEFINED_SOURCE]
    assert _values(text, added) == initials
    assert [f for f in found if f.source != DEFINED_SOURCE] == sorted(
        findings, key=lambda f: f.start
    )


def test_initials_listed_as_attendees_are_defined() -> None:
    text = "Present: JW, PK. Action points: JW to send the slides."
    findings = [
        Finding(f.start, f.end, "PERSON", 0.75, ATTENDEE_SOURCE)
        for f in (_person(text, "JW"), _person(text, "PK"))
    ]
    found = defined_initials(text, findings)
    assert _values(text, found) == ["JW", "PK", "JW"]


def test_acronyms_a_model_found_are_not_defined() -> None:
    text = "Die EU hat entschieden. Die EU zahlt."
    found = defined_initials(text, [_person(text, "EU")])
    assert _values(text, found) == ["EU"]


ATTENDEES = [
    ("Present: JW (chair), PK, SL. Apologies: RB.", ["JW", "PK", "SL", "RB"]),
    ("Anwesend: M.K., T.S.", ["M.K.", "T.S."]),
    ("Aanwezig: Bakker, JH", ["Bakker", "JH"]),
    # A second label on the line starts a list of its own.
    ("Present: Smith, Baker. Apologies: Cook.", ["Smith", "Baker", "Cook"]),
    # Capitals of four letters or more are no initials.
    ("Present: NATO, UNHCR", []),
    # Roles, departments and bodies of three letters are none either; two
    # capitals stay initials.
    ("Present: CEO, CFO, CTO, COO", []),
    ("Présents : DRH, DAF, DSI, PDG", []),
    ("Attendees: WHO, ECB, JW", ["JW"]),
    ("Presenti: OMS, ONU, PM", ["PM"]),
    ("Anwesend: IWF, EZB, KP", ["KP"]),
    ("Present: COO, JWK", ["JWK"]),
    # Among other initials two capitals are someone's, even a department's.
    ("Present: JW, PR, MK", ["JW", "PR", "MK"]),
    ("Anwesend: KP (Protokoll), IT, HR", ["KP", "IT", "HR"]),
    ("Present: IT, HR", []),
    ("Present: CEO, PR", []),
    ("Présents : PDG, DRH, QA", []),
    # A singular label after a full stop starts a list of its own.
    ("Presentes: JM, LB. Ausente: KM, RC.", ["JM", "LB", "KM", "RC"]),
    ("Presenti: GB, FR. Assente: LM.", ["GB", "FR", "LM"]),
    ("Présents : JD, AL. Absente : CM.", ["JD", "AL", "CM"]),
    ("Obecni: JK, MW. Nieobecna: AZ.", ["JK", "MW", "AZ"]),
    ("Presentes: JM, LB. Ausente: nadie.", ["JM", "LB"]),
]


@pytest.mark.parametrize(("text", "names"), ATTENDEES)
def test_attendees_by_initials(lexicon: Lexicon, text: str, names: list[str]) -> None:
    assert _values(text, listed_people(text, lexicon)) == names


DETECTED = [
    ("el acusado J.M.G.R., con DNI 53124587T", ["J.M.G.R."]),
    (
        "Anwesend: Dr. Lutz Vollmerhaus (LV), Frau Prochnow (KP). "
        "LV eröffnet die Sitzung.",
        ["Dr. Lutz Vollmerhaus", "LV", "Frau Prochnow", "KP", "LV"],
    ),
    (
        "Present: JW (chair), PK.\nAction points: JW to send the slides.",
        ["JW", "PK", "JW"],
    ),
    ("Anna Schmidt (SPD) sprach.", ["Anna Schmidt"]),
]


@pytest.mark.parametrize(("text", "names"), DETECTED)
def test_initials_in_the_detector(
    full_detector: Detector, text: str, names: list[str]
) -> None:
    language = "es" if "acusado" in text else ("de" if "Anwesend" in text else "en")
    found = full_detector.analyze(text, language)
    assert _values(text, [f for f in found if f.entity == "PERSON"]) == names


def test_a_role_listed_is_defined_nowhere(full_detector: Detector) -> None:
    text = "Present: COO, JW.\nThe COO presented the plan; JW agreed."
    found = full_detector.analyze(text, "en")
    # The initials are masked (a model may read them as a body); the role not.
    assert _values(text, found) == ["JW", "JW"]


def test_many_defined_initials_stay_linear() -> None:
    text = "Lutz Vollmerhaus (LV) kam. " + "LV sprach. " * 10_000
    found = defined_initials(text, [_person(text, "Lutz Vollmerhaus")])
    assert len(found) == 10_002
