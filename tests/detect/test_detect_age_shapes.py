"""Ages in brackets after a full name, and age words before the number."""

from __future__ import annotations

import itertools

import pytest

from gdprgate.detect import DetectorConfig, Finding, build_detector
from gdprgate.detect.gate import load_lexicon
from gdprgate.detect.patterns.age import AgeRecognizer, ages_after_full_names
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    # A given name and a surname, then the number in brackets.
    ("Driver 2: Priya Raman (36), vehicle BD51 SMR.", ["36"]),
    ("Vittne: Tomas Berg (41) och hans fru", ["41"]),
    ("Mario Rossi (45) è stato visto", ["45"]),
    # Products, terms and surnames that are ordinary words are not people.
    ("Windows Server (12) is old", []),
    ("Apple Watch (45) costs more", []),
    ("Grace Period (30) applies", []),
    ("We played Mario Kart (64) all night.", []),
    ("Sonic Racing (12) is out", []),
    # A surname that is a word and a known person's name still is one.
    ("Witness: Anna Wolf (36), cyclist", ["36"]),
    ("Zeuge: Jonas Vogel (52), wohnhaft in Kiel", ["52"]),
    ("Mario Bianchi (64), pensionato", ["64"]),
    ("Mrs Brenner (67) lives alone", ["67"]),
    # A surname that is an ordinary word of one language is a person's,
    # not a product's: only English words used everywhere make one.
    ("Patient Heike Busch (41) klagt über Schmerzen.", ["41"]),
    ("Zeugin: Petra Zucker (38), wohnhaft in Kassel.", ["38"]),
    ("Il conducente Mario Colombo (64) è stato ricoverato.", ["64"]),
    ("Testimone: Giulia Volpe (37), residente a Como.", ["37"]),
    ("Getuige: Pieter Haan (45), woonachtig in Zwolle.", ["45"]),
    ("Le témoin Marc Lapin (44) habite à Nantes.", ["44"]),
    ("El conductor Pedro Pez (55) resultó herido.", ["55"]),
    ("A testemunha Rita Raposo (35) mora em Braga.", ["35"]),
    ("Föraren Erik Varg (48) skadades lindrigt.", ["48"]),
    ("Witness: Laura Haan (34), lives on the estate.", ["34"]),
    ("Galaxy Racing (12) is out", []),
    # An English word used less elsewhere, after a known given name, is an
    # English surname ("castle"), not a product's loan word ("kart").
    ("Tom Castle (45) was seen near the shop.", ["45"]),
    ("Testigo: Anna Root (38), vecina del barrio.", ["38"]),
    ("Zeugin Lisa Castle (29) wohnt in Kiel.", ["29"]),
    ("Mario Kart (64) è un gioco.", []),
    # A party's initials name someone: the number in brackets is an age.
    ("El acusado J.M.G.R. (31) fue detenido.", ["31"]),
    ("L'imputato G.B. (45) è stato arrestato.", ["45"]),
    ("Der Angeklagte R.B. (52) schwieg.", ["52"]),
    ("La víctima A. B. (29) declaró ayer.", ["29"]),
    ("The defendant K.L. (19), a student, pleaded.", ["19"]),
    # Without a party word initials are an abbreviation; no closing
    # bracket right after the number, no age.
    ("Die U.S. (50) Bundesstaaten", []),
    ("Die Firma G.B. (45) GmbH", []),
    ("Der Angeklagte R.B. (52 Seiten Akte)", []),
    ("El acusado J.M. (art. 31)", []),
    # A duration word after a comma speaks of what follows, not of the age.
    ("la sig.ra Anna Colombo, di anni 72, per controllo", ["72"]),
    ("Paziente di anni 39, da ricoverare", ["39"]),
    # An abbreviated unit of years after a person and a comma.
    ("Patientin, 34 J., Frau Nicole Brandt", ["34"]),
    ("Paciente: Sr. José Luis Martín-Sanz, 54 a., hist. clínica", ["54"]),
    ("Vertrag, 10 J., Laufzeit", []),
    # A term word right after the unit: the years measure the term.
    ("Projekt Phoenix, 12 J. Laufzeit, Budget 2 Mio.", []),
    ("Frau Brenner, 34 J. alt", ["34"]),
    ("Bananas, 6 a. day", []),
    # It still quantifies the number it follows directly.
    ("dopo 3 anni per sempre", []),
    ("Frau Brenner, 67, seit 3 Jahren", ["67"]),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_age_spans_in_shapes(text: str, values: list[str]) -> None:
    """The age's exact span; durations and product numbers stay out."""
    assert reported(AgeRecognizer(), text) == spans_of(text, values)


def _full_name(text: str, name: str) -> Finding:
    start = text.index(name)
    return Finding(start, start + len(name), "PERSON", 0.9, "rampart")


@pytest.mark.parametrize(
    ("text", "name", "ages"),
    [
        # A full name a model found, then an age in brackets or commas.
        ("Die Aussage von Uwe Nebel (58) war klar.", "Uwe Nebel", ["58"]),
        ("Uwe Nebel, 58, wurde gestern befragt.", "Uwe Nebel", ["58"]),
        ("Marco Ferro (39) è stato visto in centro.", "Marco Ferro", ["39"]),
        ("Marco Ferro, 39, è stato visto.", "Marco Ferro", ["39"]),
        ("Jan van der Berg (67) woont in Utrecht.", "Jan van der Berg", ["67"]),
        ("Łucja Wąs-Kowalska (7) poszła do szkoły.", "Łucja Wąs-Kowalska", ["7"]),
        # Not ages: a lone surname cites a work, a product, too old,
        # an address after the commas, an upper-case word after them,
        # a year, more in the brackets.
        ("See Smith (2) for the proof.", "Smith", []),
        ("I played Mario Kart (64) all night.", "Mario Kart", []),
        ("Uwe Nebel (158) wurde befragt.", "Uwe Nebel", []),
        ("à Mme Claire Dupont, 12, rue de la Paix", "Claire Dupont", []),
        ("Uwe Nebel, 58, Berlin", "Uwe Nebel", []),
        ("Uwe Nebel (1958) wurde befragt.", "Uwe Nebel", []),
        ("Uwe Nebel (58 Tore) wurde geehrt.", "Uwe Nebel", []),
        ("Uwe Nebel(58) wurde befragt.", "Uwe Nebel", []),
    ],
)
def test_ages_after_full_names(text: str, name: str, ages: list[str]) -> None:
    """An age right after a full name that only a model found."""
    person = _full_name(text, name)
    found = ages_after_full_names(text, [person], load_lexicon())
    assert found[0] == person
    assert [text[f.start : f.end] for f in found if f.entity == "AGE"] == ages
    assert all(f.start < g.start for f, g in itertools.pairwise(found))


def test_an_age_found_already_is_not_added_twice() -> None:
    text = "Uwe Nebel (58) wurde befragt."
    person = _full_name(text, "Uwe Nebel")
    start = text.index("58")
    age = Finding(start, start + 2, "AGE", 1.0, "pattern:age")
    assert ages_after_full_names(text, [person, age], load_lexicon()) == [person, age]


def test_an_allowed_number_is_no_age() -> None:
    text = "Uwe Nebel (58) wurde befragt."
    person = _full_name(text, "Uwe Nebel")
    found = ages_after_full_names(text, [person], load_lexicon(), {"58"}.__contains__)
    assert found == [person]


def test_the_detector_masks_the_age_after_a_name_the_model_found() -> None:
    text = "Die Aussage von Uwe Nebel (58) war klar."
    found = build_detector(DetectorConfig()).analyze(text, "de")
    assert ("58", "AGE") in [(text[f.start : f.end], f.entity) for f in found]
    off = build_detector(DetectorConfig(disabled_recognizers=("age",)))
    assert "AGE" not in [f.entity for f in off.analyze(text, "de")]
