"""People named after a verb of talking or meeting, their given name a
place (gdprgate.detect.met_people), with exact spans."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector, Finding
from gdprgate.detect.gate import load_lexicon
from gdprgate.detect.met_people import MET_PERSON_SOURCE, met_people


def _at(text: str, value: str, entity: str, source: str = "rampart") -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), entity, 0.8, source)


MET: list[tuple[str, list[tuple[str, str]], list[str]]] = [
    # A place read inside the name gives way to the whole name.
    (
        "Ho parlato con Firenze Colombo ieri.",
        [("Firenze", "LOCATION")],
        ["Firenze Colombo"],
    ),
    (
        "Hablé con Berlín Castro ayer.",
        [("Berlín Castro", "LOCATION")],
        ["Berlín Castro"],
    ),
    ("I met Paris Hilton yesterday.", [("Paris Hilton", "LOCATION")], ["Paris Hilton"]),
    ("Rozmawiałem z Warszawa Kowalski wczoraj.", [], ["Warszawa Kowalski"]),
    ("J'ai déjeuné avec Lyon Moreau.", [("Moreau", "PERSON")], ["Lyon Moreau"]),
    ("Ik sprak met Utrecht Jansen.", [], ["Utrecht Jansen"]),
    ("Jag pratade med Lund Berg i går.", [], ["Lund Berg"]),
    # One capitalised word, a lower-case word, a role, a title, an acronym.
    ("Ho parlato con Firenze ieri.", [("Firenze", "LOCATION")], []),
    ("I talked to the team.", [], []),
    ("Ho parlato con Mario ROSSI ieri.", [], []),
    ("I spoke with Dr Jones.", [("Dr Jones", "PERSON")], []),
    ("We met with IBM Research today.", [], []),
    ("We met in May Street.", [], []),
    ("We met Monday Morning at nine.", [], []),
    ("Il treno Firenze Milano parte alle otto.", [], []),
]


@pytest.mark.parametrize(("text", "before", "people"), MET)
def test_two_capitalised_words_after_a_verb_of_meeting(
    text: str, before: list[tuple[str, str]], people: list[str]
) -> None:
    findings = [_at(text, value, entity) for value, entity in before]
    result = met_people(text, findings)
    added = [f for f in result if f.source == MET_PERSON_SOURCE]
    assert [text[f.start : f.end] for f in added] == people
    assert all(f.entity == "PERSON" for f in added)
    if people:
        # What the other layers found inside the name gave way.
        assert [f for f in result if f.source != MET_PERSON_SOURCE] == []
    else:
        assert result == findings


def test_a_finding_reaching_outside_the_name_is_left_alone() -> None:
    text = "I spoke with Paris Hilton Hotel staff."
    hotel = _at(text, "Paris Hilton Hotel staff", "ORGANIZATION", "spacy")
    assert met_people(text, [hotel]) == [hotel]


def test_a_person_covering_the_name_is_kept() -> None:
    text = "We talked to Anna Berg about it."
    anna = _at(text, "Anna Berg", "PERSON")
    assert met_people(text, [anna]) == [anna]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Ho parlato con Firenze Colombo ieri.", "it", "Firenze Colombo"),
        ("Hablé con Berlín Castro ayer.", "es", "Berlín Castro"),
        ("Rozmawiałem z Warszawa Kowalski wczoraj.", "pl", "Warszawa Kowalski"),
    ],
)
def test_place_named_people_are_masked_whole(
    full_detector: Detector, text: str, language: str, name: str
) -> None:
    start = text.index(name)
    end = start + len(name)
    people = [f for f in full_detector.analyze(text, language) if f.entity == "PERSON"]
    assert any(f.start <= start and end <= f.end for f in people)


def test_many_meetings_stay_linear() -> None:
    text = "spoke with Lund Berg, " * 10_000
    assert len(met_people(text, [])) == 10_000


# With the lexicon: a body, a place or a department all of whose words are
# ordinary words and no name is none; a name with a known part stays.
MET_WITH_WORDS: list[tuple[str, list[str]]] = [
    ("Ich sprach mit Deutsche Bahn über die Verspätung.", []),
    ("Comí con Recursos Humanos el martes.", []),
    ("Conocí a Buenos Aires en verano.", []),
    ("Ho cenato con Ufficio Vendite ieri.", []),
    ("Almocei com Recursos Humanos ontem.", []),
    ("Meeting with Product Team at 3pm.", []),
    ("Spotkałem Nowy Jork w lipcu.", []),
    ("Jag pratade med Telia Kundtjänst om fakturan.", []),
    ("Falei com Caixa Geral sobre o empréstimo.", []),
    # A known given name or surname in it, or a word no language has.
    ("Ho parlato con Firenze Colombo ieri.", ["Firenze Colombo"]),
    ("Hablé con Berlín Castro ayer.", ["Berlín Castro"]),
    ("Rozmawiałem z Warszawa Kowalski wczoraj.", ["Warszawa Kowalski"]),
    ("Ik sprak met Utrecht Jansen.", ["Utrecht Jansen"]),
    ("Jag pratade med Lund Berg i går.", ["Lund Berg"]),
    ("We met Paris Hilton yesterday.", ["Paris Hilton"]),
    ("Ich sprach mit Deutsche Kowalczyk-Brandt.", ["Deutsche Kowalczyk-Brandt"]),
    ("Falei com Sem Kuipers ontem.", ["Sem Kuipers"]),
    ("Conversei com Bahn Qwertzuio.", ["Bahn Qwertzuio"]),
]


@pytest.mark.parametrize(("text", "people"), MET_WITH_WORDS)
def test_plain_words_after_a_verb_of_meeting_are_no_person(
    text: str, people: list[str]
) -> None:
    result = met_people(text, [], load_lexicon())
    added = [f for f in result if f.source == MET_PERSON_SOURCE]
    assert [text[f.start : f.end] for f in added] == people
