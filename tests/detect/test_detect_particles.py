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
            "Daan van Heusden kwam.",
            "nl",
            [("Daan", "PERSON"), ("Heusden", "LOCATION")],
            [("Daan van Heusden", "PERSON")],
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
        # A person with a surname already: an organisation or a place after
        # "de", "di", "da", "van" or "te" is no part of the name.
        (
            "Hablé con Ana Torres de Telefónica ayer.",
            "es",
            [("Ana Torres", "PERSON")],
            [("Ana Torres", "PERSON")],
        ),
        (
            "Ho parlato con Marco Rossi di Fastweb ieri.",
            "it",
            [("Marco Rossi", "PERSON")],
            [("Marco Rossi", "PERSON")],
        ),
        (
            "Gedaagde is de heer Jansen te Amsterdam.",
            "nl",
            [("Jansen", "PERSON"), ("Amsterdam", "LOCATION")],
            [("Jansen", "PERSON"), ("Amsterdam", "LOCATION")],
        ),
        (
            "Frau Klein von der Post rief an.",
            "de",
            [("Frau Klein", "PERSON")],
            [("Frau Klein", "PERSON")],
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
        # A hyphen and a particle open a second surname; the model stops
        # at the hyphen or on the particle.
        (
            "Stuur het naar Floris van Spreeuwel-van Luxemburg.",
            "nl",
            [("Floris", "PERSON"), ("Spreeuwel-van Luxemburg", "LOCATION")],
            [("Floris van Spreeuwel-van Luxemburg", "PERSON")],
        ),
        (
            "Kun je Lizzy Mansveld-van Opper-Lotharingen vragen?",
            "nl",
            [("Lizzy Mansveld-van", "PERSON")],
            [("Lizzy Mansveld-van Opper-Lotharingen", "PERSON")],
        ),
        (
            "Of Arthur Mathurin-van der Flaas heeft getekend?",
            "nl",
            [("Arthur Mathurin", "PERSON")],
            [("Arthur Mathurin-van der Flaas", "PERSON")],
        ),
        # A hyphen without a particle keeps the noun out in German.
        (
            "Die Anna-Regierung tagte.",
            "de",
            [("Anna", "PERSON")],
            [("Anna", "PERSON")],
        ),
        # A particle and a lower-case word after the hyphen.
        (
            "Of Arthur Mathurin-van der stad kwam?",
            "nl",
            [("Arthur Mathurin", "PERSON")],
            [("Arthur Mathurin", "PERSON")],
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


def test_deny_and_allow_lists_win_over_a_surname(lexicon: Lexicon) -> None:
    text = "Falei com o João da Vodafone."
    person = Finding(text.index("João"), text.index("João") + 4, "PERSON", 0.9, "m")
    start = text.index("Vodafone")
    listed = Finding(start, start + 8, "ORGANIZATION", 1.0, "deny_list")
    assert extend_over_particles(text, [person, listed], "pt", lexicon) == [
        person,
        listed,
    ]
    text = "Gisteren belde Jack van der Plas."
    jack = Finding(text.index("Jack"), text.index("Jack") + 4, "PERSON", 0.9, "m")
    assert extend_over_particles(
        text, [jack], "nl", lexicon, lambda word: word == "Plas"
    ) == [jack]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # "vaart" is a Dutch word, no German one: the surname joins.
        ("Gestern sprach Rafael van der Vaart.", [("Rafael", "PERSON")],
         [("Rafael van der Vaart", "PERSON")]),
        # A German word after "von der" stays apart.
        ("Wie Frau Klein von der Post sagte.", [("Frau Klein", "PERSON")],
         [("Frau Klein", "PERSON")]),
        # A lone article before a German noun is no particle.
        ("Dann hält Kurt den PSA-Test für nötig.", [("Kurt", "PERSON")],
         [("Kurt", "PERSON")]),
        # The second half of a double name the lexicon does not know joins.
        ("Es kamen Jan und Müller-Lüdenscheidt.", [("Müller", "PERSON")],
         [("Müller-Lüdenscheidt", "PERSON")]),
        # The model stopped after the hyphen.
        ("Müller-Lüdenscheidt", [("Müller-", "PERSON")],
         [("Müller-Lüdenscheidt", "PERSON")]),
        # A word or a place after the hyphen stays apart.
        ("Die Merkel-Regierung kam.", [("Merkel", "PERSON")],
         [("Merkel", "PERSON")]),
        ("Es spielte Müller-Hamburg.", [("Müller", "PERSON")],
         [("Müller", "PERSON")]),
    ],
)  # fmt: skip
def test_in_german_text_only_german_words_stay_apart(
    lexicon: Lexicon,
    text: str,
    spans: list[tuple[str, str]],
    expected: list[tuple[str, str]],
) -> None:
    found = extend_over_particles(text, _found(text, spans), "de", lexicon)
    assert [(text[f.start : f.end], f.entity) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "language", "spans", "expected"),
    [
        # A model cut the double surname at its hyphen.
        (
            "Zuständig ist die Teamleiterin Frau Nowak-Schulte.",
            "de",
            [("Frau Nowak", "PERSON"), ("-Schulte", "LOCATION")],
            [("Frau Nowak-Schulte", "PERSON")],
        ),
        (
            "La responsable Mme Dupont-Lacroix arrive.",
            "fr",
            [("Mme Dupont", "PERSON"), ("Lacroix", "ORGANIZATION")],
            [("Mme Dupont-Lacroix", "PERSON")],
        ),
        # Not a model's finding, an acronym, or not the whole word.
        (
            "Herr Vogel-Schulte kam.",
            "de",
            [("Herr Vogel", "PERSON"), ("-Schulte", "LOCATION", "pattern:x")],
            [("Herr Vogel", "PERSON"), ("-Schulte", "LOCATION")],
        ),
        (
            "Herr Vogel-SPD sagte.",
            "de",
            [("Herr Vogel", "PERSON"), ("-SPD", "ORGANIZATION")],
            [("Herr Vogel", "PERSON"), ("-SPD", "ORGANIZATION")],
        ),
        (
            "Herr Vogel-Schulte-Haus brannte.",
            "de",
            [("Herr Vogel", "PERSON"), ("-Schulte", "LOCATION")],
            [("Herr Vogel", "PERSON"), ("-Schulte", "LOCATION")],
        ),
    ],
)
def test_a_model_finding_on_the_half_after_a_hyphen_joins_the_name(
    lexicon: Lexicon,
    text: str,
    language: str,
    spans: list[tuple[str, ...]],
    expected: list[tuple[str, str]],
) -> None:
    found = [
        Finding(
            text.index(value),
            text.index(value) + len(value),
            entity,
            0.9,
            rest[0] if rest else "rampart",
        )
        for value, entity, *rest in spans
    ]
    result = extend_over_particles(text, found, language, lexicon)
    assert [(text[f.start : f.end], f.entity) for f in result] == expected


def test_a_frequent_word_after_a_hyphen_stays_apart(lexicon: Lexicon) -> None:
    """A model's organisation on a frequent word does not join the name."""
    text = "Le député Martin Lefort-Parti a parlé."
    person = Finding(text.index("Martin"), text.index("-Parti"), "PERSON", 0.9, "m")
    start = text.index("Parti")
    party = Finding(start, start + 5, "ORGANIZATION", 0.9, "rampart")
    assert extend_over_particles(text, [person, party], "fr", lexicon) == [
        person,
        party,
    ]
