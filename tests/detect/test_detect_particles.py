"""Surnames after a particle join the name before them."""

from __future__ import annotations

import pytest

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.particles import extend_over_particles


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _found(text: str, spans: list[tuple[str, str]]) -> list[Finding]:
    return [
        Finding(text.index(value), text.index(value) + len(value), entity, 0.9, "m")
        for value, entity in spans
    ]


@pytest.mark.parametrize(
    ("text", "language", "spans", "expected"),
    [
        # A surname that is an ordinary word or a place after a particle.
        (
            "Gisteren belde Jack van der Plas.",
            "nl",
            [("Jack", "PERSON")],
            [("Jack van der Plas", "PERSON")],
        ),
        (
            "Vigo van Heusden kwam.",
            "nl",
            [("Vigo", "PERSON"), ("Heusden", "LOCATION")],
            [("Vigo van Heusden", "PERSON")],
        ),
        (
            "Carta de María de la Cruz.",
            "es",
            [("María", "PERSON")],
            [("María de la Cruz", "PERSON")],
        ),
        (
            "Lettera di Luca di Marco-Ferri.",
            "it",
            [("Luca", "PERSON")],
            [("Luca di Marco-Ferri", "PERSON")],
        ),
        # The second half of a double surname read as a place.
        (
            "Nuestra compañera Sara Burgos-Pavón empieza.",
            "es",
            [("Sara Burgos", "PERSON"), ("Pavón", "LOCATION")],
            [("Sara Burgos-Pavón", "PERSON")],
        ),
        (
            "Melanie Hövel-Schlosser kam.",
            "de",
            [("Melanie Hövel", "PERSON"), ("Schlosser", "ORGANIZATION")],
            [("Melanie Hövel-Schlosser", "PERSON")],
        ),
        # In German a part that is an ordinary word is no surname.
        (
            "Die Merkel-Regierung und Karl-Marx-Stadt.",
            "de",
            [("Merkel", "PERSON"), ("Karl", "PERSON")],
            [("Merkel", "PERSON"), ("Karl", "PERSON")],
        ),
        # German writes nouns with capitals: an ordinary word stays out,
        # a name that is no word joins.
        (
            "Herr Vogel von der Bank rief an.",
            "de",
            [("Herr Vogel", "PERSON")],
            [("Herr Vogel", "PERSON")],
        ),
        (
            "Ludwig von Hohenberg wohnt hier.",
            "de",
            [("Ludwig", "PERSON")],
            [("Ludwig von Hohenberg", "PERSON")],
        ),
        # An acronym, a lower-case word, a finding running past the word,
        # and a place after a place: all left as they were.
        (
            "Merkel von der CDU sprach.",
            "de",
            [("Merkel", "PERSON")],
            [("Merkel", "PERSON")],
        ),
        (
            "Jack van der buurt",
            "nl",
            [("Jack", "PERSON")],
            [("Jack", "PERSON")],
        ),
        (
            "Anna de Rua Augusta 12",
            "pt",
            [("Anna", "PERSON"), ("Rua Augusta 12", "LOCATION")],
            [("Anna", "PERSON"), ("Rua Augusta 12", "LOCATION")],
        ),
        (
            "Paris de Lyon",
            "fr",
            [("Paris", "LOCATION")],
            [("Paris", "LOCATION")],
        ),
    ],
)
def test_a_capitalised_word_after_a_name_and_a_particle_is_its_surname(
    lexicon: Lexicon,
    text: str,
    language: str,
    spans: list[tuple[str, str]],
    expected: list[tuple[str, str]],
) -> None:
    found = extend_over_particles(text, _found(text, spans), language, lexicon)
    assert [(text[f.start : f.end], f.entity) for f in found] == expected
    assert all(f.score == 0.9 and f.source == "m" for f in found)
