"""Names in capitals written surname first ("MÜLLER, HANS-PETER")."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.surname_first import (
    SOURCE,
    add_surname_first,
    surname_first_names,
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _at(text: str, value: str, entity: str, source: str = "rampart") -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), entity, 0.8, source)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("MÜLLER, HANS-PETER / geb. 01.01.1960", "de", ["MÜLLER, HANS-PETER"]),
        ("Patientin: SCHULTE, ANNA, Zimmer 4", "de", ["SCHULTE, ANNA"]),
        ("RTW zu SCHULZ, BRIGITTE, BERLINER STR. 45", "de", ["SCHULZ, BRIGITTE"]),
        ("FISCHER, HANS", "de", ["FISCHER, HANS"]),
        ("il sottoscritto ROSSI MARIO, nato a Roma.", "it", ["ROSSI MARIO"]),
        ("ROSSI MARIO, BIANCHI LUCA", "it", ["ROSSI MARIO", "BIANCHI LUCA"]),
        ("GARCÍA LÓPEZ, JUAN", "es", ["GARCÍA LÓPEZ, JUAN"]),
        ("Prévenu : DUPONT, MARIE", "fr", ["DUPONT, MARIE"]),
        ("Applicant: SMITH, JOHN", "en", ["SMITH, JOHN"]),
        ("JANSEN, PIETER", "nl", ["JANSEN, PIETER"]),
        ("KOWALSKI, JAN", "pl", ["KOWALSKI, JAN"]),
    ],
)
def test_a_surname_before_a_given_name_in_capitals_is_a_name(
    lexicon: Lexicon, text: str, language: str, expected: list[str]
) -> None:
    found = surname_first_names(text, language, lexicon)
    assert [text[f.start : f.end] for f in found] == expected
    assert all(f.entity == "PERSON" and f.source == SOURCE for f in found)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Form labels and headings in capitals.
        ("NAME, VORNAME", "de"),
        ("STRASSE, HAUSNUMMER", "de"),
        ("ORT, DATUM", "de"),
        ("COGNOME, NOME", "it"),
        ("APELLIDOS, NOMBRE", "es"),
        ("LAST NAME, FIRST NAME", "en"),
        ("ACHTUNG, MARIA", "de"),
        ("HINWEIS, PETER", "de"),
        ("STATUS, MARIA", "de"),
        ("ASUNTO, MARÍA", "es"),
        ("URGENT, PIERRE", "fr"),
        ("WARNING, JOHN", "en"),
        ("ATTENZIONE MARIO", "it"),
        # Places and streets.
        ("ROMA, ITALIA", "it"),
        ("BERLIN, MARIA", "de"),
        ("BERLINER STR. 45", "de"),
        # Acronyms, months, and names not in capitals.
        ("RTW, ANNA", "de"),
        ("SPD CDU", "de"),
        ("SCHMIDT, MAI", "de"),
        ("Müller, Hans", "de"),
    ],
)
def test_labels_places_and_acronyms_are_no_names(
    lexicon: Lexicon, text: str, language: str
) -> None:
    assert surname_first_names(text, language, lexicon) == []


def test_a_name_joins_the_people_it_touches(lexicon: Lexicon) -> None:
    text = "MÜLLER, HANS-PETER / geb. 01.01.1960"
    names = surname_first_names(text, "de", lexicon)
    date = _at(text, "01.01.1960", "DATE_OF_BIRTH", "pattern:date_of_birth")
    found = add_surname_first(text, [_at(text, "-PETER", "PERSON"), date], names)
    assert [(text[f.start : f.end], f.entity) for f in found] == [
        ("MÜLLER, HANS-PETER", "PERSON"),
        ("01.01.1960", "DATE_OF_BIRTH"),
    ]


def test_a_place_that_starts_at_the_given_name_gives_it_back(
    lexicon: Lexicon,
) -> None:
    text = "RTW zu SCHULZ, BRIGITTE, BERLINER STR. 45"
    names = surname_first_names(text, "de", lexicon)
    place = _at(text, "BRIGITTE, BERLINER STR. 45", "LOCATION", "pattern:street")
    found = add_surname_first(text, [place], names)
    assert [(text[f.start : f.end], f.entity, f.source) for f in found] == [
        ("SCHULZ, BRIGITTE", "PERSON", SOURCE),
        ("BERLINER STR. 45", "LOCATION", "pattern:street"),
    ]


def test_a_model_place_inside_the_name_gives_way(lexicon: Lexicon) -> None:
    text = "ROSSI MARIO, BIANCHI LUCA"
    names = surname_first_names(text, "it", lexicon)
    found = add_surname_first(text, [_at(text, "BIANCHI", "LOCATION")], names)
    assert [(text[f.start : f.end], f.entity) for f in found] == [
        ("ROSSI MARIO", "PERSON"),
        ("BIANCHI LUCA", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("value", "entity", "source"),
    [
        ("SCHULZ", "ORGANIZATION", "deny_list"),
        ("SCHULZ, BRIGITTE, BERLINER", "LOCATION", "rampart"),
        ("BRIGITTE, BERLINER", "ID_NUMBER", "pattern:id"),
    ],
)
def test_a_name_that_touches_anything_else_is_left_out(
    lexicon: Lexicon, value: str, entity: str, source: str
) -> None:
    text = "RTW zu SCHULZ, BRIGITTE, BERLINER STR. 45"
    names = surname_first_names(text, "de", lexicon)
    other = _at(text, value, entity, source)
    assert add_surname_first(text, [other], names) == [other]


@pytest.mark.ner
@pytest.mark.parametrize(
    ("text", "language", "people"),
    [
        ("MÜLLER, HANS-PETER / geb. 01.01.1960", "de", ["MÜLLER, HANS-PETER"]),
        (
            "Denuncia: il sottoscritto ROSSI MARIO, nato a Roma.",
            "it",
            ["ROSSI MARIO"],
        ),
        ("GARCÍA LÓPEZ, JUAN", "es", ["GARCÍA LÓPEZ, JUAN"]),
        ("ROSSI MARIO, BIANCHI LUCA", "it", ["ROSSI MARIO", "BIANCHI LUCA"]),
        ("RTW zu SCHULZ, BRIGITTE, BERLINER STR. 45", "de", ["SCHULZ, BRIGITTE"]),
        (
            "ALARMIERUNG: RTW zu SCHULZ, BRIGITTE, BERLINER STR. 45, 3. OG, Sturz",
            "de",
            ["SCHULZ, BRIGITTE"],
        ),
        ("NAME, VORNAME", "de", []),
        ("STRASSE, HAUSNUMMER", "de", []),
        ("ROMA, ITALIA", "it", []),
    ],
)
def test_the_detector_masks_names_written_surname_first(
    full_detector: Detector, text: str, language: str, people: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    assert [text[f.start : f.end] for f in found if f.entity == "PERSON"] == people
