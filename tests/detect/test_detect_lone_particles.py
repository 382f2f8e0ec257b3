"""Dutch surnames with a particle standing alone
(gdprgate.detect.lone_particles), with exact spans."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.lone_particles import (
    LONE_PARTICLE_SOURCE,
    lone_particle_surnames,
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


LONE: list[tuple[str, list[str]]] = [
    # A capitalised particle inside a sentence opens a surname.
    ("Volgens De Wit-Brouwer is het klaar.", ["De Wit-Brouwer"]),
    ("Volgens De Wit is het klaar.", ["De Wit"]),
    ("Het rapport, zei Van der Flaas, was klaar.", ["Van der Flaas"]),
    ("Ik heb het boek van De Jong gelezen.", ["De Jong"]),
    ("Dat heeft Van Dijk gisteren gezegd.", ["Van Dijk"]),
    # "van der" and "van den" in lower case: anywhere.
    ("aldus van der Meulen in een verklaring.", ["van der Meulen"]),
    ("Het kantoor van den Berghe is dicht.", ["van den Berghe"]),
    # At the start of a sentence, a known name or no word.
    ("De Vries en De Boer kwamen samen.", ["De Vries", "De Boer"]),
    ("Klaar. De Vries belt morgen.", ["De Vries"]),
    # Lower-case particles after a verb of saying: after "van" always,
    # after "de" before a known name or no word.
    ("Het rapport, zei van Dijk, was klaar.", ["van Dijk"]),
    ("Het is klaar, zegt van Leeuwen.", ["van Leeuwen"]),
    ("Volgens de Vries is het klaar.", ["de Vries"]),
    ("aldus de Wit-Brouwer in een verklaring.", ["de Wit-Brouwer"]),
    ("Volgens van den Berg klopt het.", ["van den Berg"]),
    ("Dat zegt de Belastingdienst vandaag.", []),
    ("Volgens de politie is het klaar.", []),
    ("Hij zei de Nederlandse regels niet te kennen.", []),
    # A newspaper named like a surname is over-masked, not leaked.
    ("Volgens De Telegraaf is het klaar.", ["De Telegraaf"]),
    # The article, places, roles, adjectives and bodies are no surnames.
    ("De kat zat op de mat.", []),
    ("De Nederlandse regering besloot het.", []),
    ("Hij sprak met De Britse premier.", []),
    ("De Minister zei niets.", []),
    ("Van Amsterdam naar Utrecht is het een uur.", []),
    ("Ik woon in Den Haag sinds mei.", []),
    ("Hij werkt bij De Nederlandsche Bank.", []),
    ("We gingen naar het Van Gogh Museum.", []),
    ("Het Koninkrijk der Nederlanden bestaat lang.", []),
    ("Het boek van de Rabobank ligt hier.", []),
    ("De Wit is klaar.", []),
    ("Dit is de VAN DER WAL BV.", []),
]


@pytest.mark.parametrize(("text", "names"), LONE)
def test_dutch_lone_surnames_with_a_particle(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    found = lone_particle_surnames(text, "nl", lexicon)
    assert [text[f.start : f.end] for f in found] == names
    assert all(f.entity == "PERSON" for f in found)
    assert all(f.source == LONE_PARTICLE_SOURCE for f in found)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Laut De Wit ist es fertig.", "de"),
        ("Selon De Wit, c'est prêt.", "fr"),
        ("According to Van der Flaas, it is done.", "en"),
    ],
)
def test_only_dutch_reads_lone_particles(
    lexicon: Lexicon, text: str, language: str
) -> None:
    """Other languages write particles their own way: the rule is Dutch."""
    assert lone_particle_surnames(text, language, lexicon) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Volgens De Wit-Brouwer is het klaar.", "De Wit-Brouwer"),
        ("Volgens De Wit is het klaar.", "De Wit"),
        ("aldus van der Meulen in een verklaring.", "van der Meulen"),
        ("Hanneke van der Meulen belde gisteren.", "Hanneke van der Meulen"),
    ],
)
def test_lone_surnames_are_masked_whole(
    full_detector: Detector, text: str, name: str
) -> None:
    """The detector covers the particles and the surname with one ``PERSON``."""
    start = text.index(name)
    end = start + len(name)
    people = [f for f in full_detector.analyze(text, "nl") if f.entity == "PERSON"]
    assert any(f.start <= start and end <= f.end for f in people)


def test_a_long_run_of_particles_stays_linear(lexicon: Lexicon) -> None:
    """Ten thousand lone surnames are each found once."""
    text = "zei De Wit en " * 10_000
    assert len(lone_particle_surnames(text, "nl", lexicon)) == 10_000
