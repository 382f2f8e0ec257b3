"""Whole name spans: titles, initials with particles, elided and second
surnames, greetings cut off (every part of a name is masked)."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector, Finding
from gdprgate.detect.greetings import trim_greetings
from gdprgate.detect.names import extend_initials
from gdprgate.detect.titles import title_run_start


def _person(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PERSON", 0.9, "test")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Herr Prof. Dr. ", 0),
        ("Monsieur ", 0),
        ("la Sra.ª ", 3),
        ("Ik sprak met de heer ", 13),
        ("Fru ", 0),
        ("TeamMr ", None),
        ("Block M ", None),
        ("ask mr ", None),
    ],
)
def test_title_chains_are_found(text: str, expected: int | None) -> None:
    assert title_run_start(text, len(text)) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Herr Prof. Dr. Meier kommt.", "Meier", "Herr Prof. Dr. Meier"),
        ("Dott.ssa Marchetti ha chiamato.", "Marchetti", "Dott.ssa Marchetti"),
        ("Mevrouw Jansen belde.", "Jansen", "Mevrouw Jansen"),
        ("Señora Ibarrola llamó.", "Ibarrola", "Señora Ibarrola"),
        ("ok so mr okafor said hi", "okafor", "mr okafor"),
        ("ich habe herrn krüger angerufen", "krüger", "herrn krüger"),
        ("Prof. Will Hardy gave a talk.", "Hardy", "Prof. Will Hardy"),
        ("Mrs. May Henderson called.", "Henderson", "Mrs. May Henderson"),
        ("Thomas K. wurde verurteilt.", "Thomas K", "Thomas K."),
        # A lower-case title joins a capitalised name (it tells the gender).
        ("ask mr Quellmann", "Quellmann", "mr Quellmann"),
        # Not joined: a word that is no name between, "miss" in lower case.
        ("Dr. Table Hardy", "Hardy", "Hardy"),
        ("i miss anna", "anna", "anna"),
    ],
)
def test_titles_and_initials_join_the_name(text: str, name: str, expected: str) -> None:
    [found] = extend_initials(text, [_person(text, name)])
    assert text[found.start : found.end] == expected


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # Capital initials after an abbreviation in lower case that the run
        # of initials takes in ("t.n.v.": in the name of) lead the name.
        ("Graag t.n.v. P. de Haan.", ["P."], ["P. de Haan"]),
        ("Betaling t.n.v. J. van Dijk", [], ["J. van Dijk"]),
        ("t.n.v. A.J. van der Berg, Delft", ["A.J."], ["A.J. van der Berg"]),
        ("i.A. K. von Arnim", [], ["K. von Arnim"]),
        ("p.p. M. de la Torre", [], ["M. de la Torre"]),
        # Initials in lower case alone lead no name.
        ("zie t.n.v. de Bank", [], []),
        ("z.B. von Berlin", [], []),
        ("z. B. der Master", [], []),
        ("u. U. von Bedeutung", [], []),
        ("z. B. K. von Arnim", [], ["K. von Arnim"]),
        ("Groet, J. van Dijk", [], ["J. van Dijk"]),
    ],
)
def test_capital_initials_after_an_abbreviation(
    text: str, found: list[str], expected: list[str]
) -> None:
    findings = [_person(text, value) for value in found]
    result = extend_initials(text, findings)
    assert [text[f.start : f.end] for f in result if f.entity == "PERSON"] == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Groet,\nJ. van Dijk", [], ["J. van Dijk"]),
        ("Firmado: M. de la Torre", ["la Torre"], ["M. de la Torre"]),
        ("Auteur : J.-P. de La Fontaine", ["La Fontaine"], ["J.-P. de La Fontaine"]),
        (
            "door A. van der Berg en P. de Jong.",
            ["A"],
            ["A. van der Berg", "P. de Jong"],
        ),
        # Lower-case initial, no particle: nothing.
        ("vitamin c. de Jong", [], []),
        ("Plan B. Jong", [], []),
        # A numbered heading in capitals: no name.
        ("I. LES CIRCONSTANCES DE L'ESPÈCE", [], []),
        ("II. DE FEITEN", [], []),
    ],
)
def test_initials_and_particles_are_a_name(
    text: str, spans: list[str], expected: list[str]
) -> None:
    found = extend_initials(text, [_person(text, value) for value in spans])
    assert [text[f.start : f.end] for f in found] == expected


def test_a_place_over_two_such_names_gives_way() -> None:
    """The model's "Berg en P. de Jong" place becomes two people."""
    text = "door A. van der Berg en P. de Jong."
    start = text.index("Berg")
    place = Finding(start, text.index("Jong") + 4, "LOCATION", 0.65, "rampart")
    found = extend_initials(text, [_person(text, "A"), place])
    assert [(text[f.start : f.end], f.entity) for f in found] == [
        ("A. van der Berg", "PERSON"),
        ("P. de Jong", "PERSON"),
    ]


def test_an_address_is_not_taken_for_a_name() -> None:
    text = "calle A. de la Rosa 5"
    place = Finding(0, len(text), "LOCATION", 0.8, "rampart")
    assert extend_initials(text, [place]) == [place]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Merci Julien", "Merci Julien", "Julien"),
        ("Obrigado Rafael", "Obrigado Rafael", "Rafael"),
        ("Vielen Dank, Stefan", "Vielen Dank, Stefan", "Stefan"),
        ("Dziękuję Kasia", "Dziękuję Kasia", "Kasia"),
        ("Tack Lars", "Tack Lars", "Lars"),
        ("Cher Dupont", "Cher Dupont", "Cher Dupont"),  # Cher is a name
        ("Dag Hammarsten", "Dag Hammarsten", "Dag Hammarsten"),
    ],
)
def test_greetings_are_cut_off_names(text: str, name: str, expected: str) -> None:
    [found] = trim_greetings(text, [_person(text, name)])
    assert text[found.start : found.end] == expected


def test_a_greeting_alone_is_no_name() -> None:
    assert trim_greetings("Gracias!", [_person("Gracias!", "Gracias")]) == []


@pytest.mark.ner
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Groet,\nJ. van Dijk", "nl", ["J. van Dijk"]),
        (
            "Het rapport is opgesteld door A. van der Berg en P. de Jong.",
            "nl",
            ["A. van der Berg", "P. de Jong"],
        ),
        ("Firmado: M. de la Torre", "es", ["M. de la Torre"]),
        ("Overmaken t.n.v. P. de Haan, Delft.", "nl", ["P. de Haan"]),
        ("Prof. Will Hardy gave a talk.", "en", ["Prof. Will Hardy"]),
        ("Kind regards,\nDr. Will Fairbanks", "en", ["Dr. Will Fairbanks"]),
        (
            "Ayer vi a José Luis Rodríguez Zapatero en la estación.",
            "es",
            ["José Luis Rodríguez Zapatero"],
        ),
        (
            "Les escribo en nombre de D.ª María José Núñez de la Fuente, hoy.",
            "es",
            ["D.ª María José Núñez de la Fuente"],
        ),
        (
            "Ieri ho visto Gian Marco Dell'Orto alla stazione.",
            "it",
            ["Gian Marco Dell'Orto"],
        ),
        ("Il teste Luca dell'Acqua, di anni 52.", "it", ["Luca dell'Acqua"]),
        ("Gisteren zag ik Henk van 't Hof op het station.", "nl", ["Henk van 't Hof"]),
        ("Monsieur Durand a appelé.", "fr", ["Monsieur Durand"]),
        ("Fru Lindgren ringde.", "sv", ["Fru Lindgren"]),
        ("Merci Julien", "fr", ["Julien"]),
    ],
)
def test_names_are_masked_whole(
    full_detector: Detector, text: str, language: str, expected: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    assert [text[f.start : f.end] for f in found if f.entity == "PERSON"] == expected
