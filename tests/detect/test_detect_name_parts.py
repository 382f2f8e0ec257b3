"""Parts of names that leaked: a name read as two people, a given name
before a double surname, a given name signed with an initial, and titled
surnames in a list under a heading."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.attendees import listed_people
from gdprgate.detect.bare_given_names import (
    INITIALLED_SOURCE,
    initialled_given_names,
)
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.name_rules import NameRules
from gdprgate.detect.names import join_split_names


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _values(text: str, findings: list[Finding]) -> list[str]:
    return [text[f.start : f.end] for f in findings]


def _people(text: str, *values: str) -> list[Finding]:
    found = []
    for value in values:
        start = text.index(value)
        found.append(Finding(start, start + len(value), "PERSON", 0.9, "rampart"))
    return found


JOINS = [
    # A particle between two halves of one name.
    (
        "Faleceu Maria da Conceição Ferreira, de 90 anos.",
        "pt",
        ("Maria", "Conceição Ferreira"),
        ["Maria da Conceição Ferreira"],
    ),
    ("Gisteren belde Jan van der Berg.", "nl", ("Jan", "Berg"), ["Jan van der Berg"]),
    # Catalan and Spanish double surnames.
    (
        "Montserrat Puig i Ferrer, Sr.",
        "es",
        ("Montserrat Puig", "Ferrer"),
        ["Montserrat Puig i Ferrer"],
    ),
    (
        "Lo dijo José Ortega y Gasset.",
        "es",
        ("José Ortega", "Gasset"),
        ["José Ortega y Gasset"],
    ),
    # Two people stay two.
    (
        "Vinieron Juan Pérez y Pedro.",
        "es",
        ("Juan Pérez", "Pedro"),
        ["Juan Pérez", "Pedro"],
    ),
    ("Anna Puig i Ferrer", "it", ("Anna Puig", "Ferrer"), ["Anna Puig", "Ferrer"]),
    ("Anna Berg, de Vries", "nl", ("Anna Berg", "Vries"), ["Anna Berg", "Vries"]),
    ("Anna en Piet", "nl", ("Anna", "Piet"), ["Anna", "Piet"]),
]


@pytest.mark.parametrize(("text", "language", "people", "names"), JOINS)
def test_a_name_read_as_two_people_is_one(
    lexicon: Lexicon,
    text: str,
    language: str,
    people: tuple[str, ...],
    names: list[str],
) -> None:
    found = join_split_names(
        text,
        _people(text, *people),
        language,
        lambda word: word.lower() in lexicon.given,
    )
    assert _values(text, found) == names
    assert {f.entity for f in found} == {"PERSON"}


INITIALLED = [
    ("Recomendo.\n— Graça M., Setúbal", "pt", ["Graça M."]),
    ("Super Service!\nSven K.", "de", ["Sven K."]),
    ("Merci à (Julien B.) pour tout", "fr", ["Julien B."]),
    ("Grazie — Chiara R. — Bologna", "it", ["Chiara R."]),
    # An initial that goes on, a word, or no given name.
    ("Graça M. Santos", "pt", []),
    ("Siehe Anlage B., Seite 2", "de", []),
    ("Mai B.", "de", []),
    ("Graça M.", "xx", []),
]


@pytest.mark.parametrize(("text", "language", "names"), INITIALLED)
def test_given_name_signed_with_an_initial(
    lexicon: Lexicon, text: str, language: str, names: list[str]
) -> None:
    found = initialled_given_names(text, language, lexicon)
    assert _values(text, found) == names
    assert all(f.source == INITIALLED_SOURCE for f in found)


BEFORE_DOUBLE = [
    (
        "Heden overleed oma Grietje Dijkstra-Postma op 87-jarige leeftijd.",
        "nl",
        "Dijkstra-Postma",
        "Grietje Dijkstra-Postma",
    ),
    (
        "Ayer llamó Itziar Etxeberria-Goñi.",
        "es",
        "Etxeberria-Goñi",
        "Itziar Etxeberria-Goñi",
    ),
    # A word of the language, a place, one surname or German.
    (
        "Gisteren in Utrecht Dijkstra-Postma gezien.",
        "nl",
        "Dijkstra-Postma",
        "Dijkstra-Postma",
    ),
    ("Oma Grietje Dijkstra kwam.", "nl", "Dijkstra", "Dijkstra"),
    (
        "Heute kam Mutti Müller-Lüdenscheidt.",
        "de",
        "Müller-Lüdenscheidt",
        "Müller-Lüdenscheidt",
    ),
]


@pytest.mark.parametrize(("text", "language", "found", "name"), BEFORE_DOUBLE)
def test_unknown_given_name_before_a_double_surname(
    lexicon: Lexicon, text: str, language: str, found: str, name: str
) -> None:
    extended = NameRules(lexicon).extend_given_names(
        text, _people(text, found), language
    )
    assert _values(text, extended) == [name]


def test_polish_short_title_in_a_list(lexicon: Lexicon) -> None:
    text = "Protokół z zebrania wspólnoty\nObecni: p. Zając, p. Michalska"
    assert _values(text, listed_people(text, lexicon)) == ["p. Zając", "p. Michalska"]
    assert listed_people("Obecni: p. 12, s. 4", lexicon) == []


DETECTED = [
    (
        "Faleceu Maria da Conceição Ferreira, de 90 anos.",
        "pt",
        ["Maria da Conceição Ferreira"],
    ),
    ("Recomendo.\n— Graça M., Setúbal", "pt", ["Graça M."]),
    (
        "Heden overleed onze lieve moeder en oma Grietje Dijkstra-Postma in de "
        "leeftijd van 87 jaar.",
        "nl",
        ["Grietje Dijkstra-Postma"],
    ),
    (
        "Protokół z zebrania wspólnoty\nObecni: p. Zając, p. Michalska",
        "pl",
        ["p. Zając", "p. Michalska"],
    ),
]


@pytest.mark.parametrize(("text", "language", "names"), DETECTED)
def test_name_parts_in_the_detector(
    full_detector: Detector, text: str, language: str, names: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    assert _values(text, [f for f in found if f.entity == "PERSON"]) == names


def test_many_split_names_stay_linear(lexicon: Lexicon) -> None:
    text = "Maria da Conceição Ferreira; " * 10_000
    people = []
    for index in range(10_000):
        offset = index * 29
        people.append(Finding(offset, offset + 5, "PERSON", 0.9, "rampart"))
        people.append(Finding(offset + 9, offset + 27, "PERSON", 0.9, "rampart"))
    assert len(join_split_names(text, people, "pt")) == 10_000
