"""Organisations and places a model read as a person get their own type."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.bodies import bodies_read_as_people
from gdprgate.detect.finding import Finding
from gdprgate.detect.lists import SOURCE as DENY_SOURCE


def _retype(
    text: str, value: str, entity: str = "PERSON"
) -> tuple[str, str, float, str]:
    """What becomes of a finding of ``entity`` over ``value`` in ``text``."""
    start = text.index(value)
    finding = Finding(start, start + len(value), entity, 0.9, "rampart")
    (found,) = bodies_read_as_people(text, [finding])
    return text[found.start : found.end], found.entity, found.score, found.source


@pytest.mark.parametrize(
    ("text", "value", "entity", "expected", "expected_entity"),
    [
        # A club's abbreviation or first word.
        ("Der FC Anton Brauer spielte gestern.", "Anton Brauer", "PERSON",
         "FC Anton Brauer", "ORGANIZATION"),
        ("Ein Fehlgriff für Borussia Feldheim.", "Borussia Feldheim", "PERSON",
         "Borussia Feldheim", "ORGANIZATION"),
        ("Das Spiel gegen den SC Waldbrunn ging verloren.", "Waldbrunn",
         "LOCATION", "SC Waldbrunn", "ORGANIZATION"),
        # A legal form, in several languages.
        ("Er arbeitet bei der Kessler Brandt AG in Ulm.", "Kessler Brandt",
         "PERSON", "Kessler Brandt AG", "ORGANIZATION"),
        ("She joined Thornbury Holt Ltd in 2020.", "Thornbury Holt", "PERSON",
         "Thornbury Holt Ltd", "ORGANIZATION"),
        ("La Ferrucci Bianchi S.p.A. di Torino.", "Ferrucci Bianchi", "PERSON",
         "Ferrucci Bianchi S.p.A.", "ORGANIZATION"),
        ("Hij werkt bij Dalen Koster B.V.", "Dalen Koster", "PERSON",
         "Dalen Koster B.V.", "ORGANIZATION"),
        ("Pracuje w Nowacki Zieliński sp. z o.o. od roku.", "Nowacki Zieliński",
         "PERSON", "Nowacki Zieliński sp. z o.o.", "ORGANIZATION"),
        ("Hon jobbar på Lindqvist Berg AB i Umeå.", "Lindqvist Berg", "PERSON",
         "Lindqvist Berg AB", "ORGANIZATION"),
        # A head noun after or before the name.
        ("im legendären Falkner Tonstudio in Berlin", "Falkner Tonstudio",
         "PERSON", "Falkner Tonstudio", "ORGANIZATION"),
        ("Elle enseigne à l'Université de Valmorin.", "Valmorin", "PERSON",
         "Université de Valmorin", "ORGANIZATION"),
        # A place's head noun, a church's saint, a holy place.
        ("die Häuser Eyach und Brenninger Mühle.", "Brenninger Mühle", "PERSON",
         "Brenninger Mühle", "LOCATION"),
        ("along the banks of the Quillan River", "Quillan", "PERSON",
         "Quillan River", "LOCATION"),
        ("Die Klosterkirche St. Gerwin wurde 1720 erbaut.", "Gerwin", "PERSON",
         "St. Gerwin", "LOCATION"),
        ("Evangelische Kirche St. Ottmar, erbaut 1787", "Ottmar", "PERSON",
         "St. Ottmar", "LOCATION"),
        ("La iglesia de San Telmo Viejo se cerró.", "Telmo Viejo", "PERSON",
         "San Telmo Viejo", "LOCATION"),
        # A person's context: the name stays a person's.
        ("Ein Brief an Herr Anton Brauer Verlag", "Anton Brauer", "PERSON",
         "Anton Brauer", "PERSON"),
        ("Im Verlag Anton Brauer sagte man nein.", "Anton Brauer", "PERSON",
         "Anton Brauer", "PERSON"),
        ("Anna Berg kam zu spät.", "Anna Berg", "PERSON", "Anna Berg", "PERSON"),
        ("Sie traf Greta See gestern.", "Greta", "PERSON", "Greta", "PERSON"),
        ("Verfasst von A. van der Berg.", "A. van der Berg", "PERSON",
         "A. van der Berg", "PERSON"),
        ("Brauers Werke sind bekannt.", "Brauers", "PERSON", "Brauers", "PERSON"),
        ("Sie wohnte bei St. Gerwin.", "Gerwin", "PERSON", "Gerwin", "PERSON"),
        ("Anton Brauer, AG Weststadt", "Anton Brauer", "PERSON", "Anton Brauer",
         "PERSON"),
        ("KNOWN AS EDGAR PEMBERTON TODAY", "EDGAR PEMBERTON", "PERSON",
         "EDGAR PEMBERTON", "PERSON"),
        ("Nichts deutet auf Anton Brauer hin.", "Anton Brauer", "PERSON",
         "Anton Brauer", "PERSON"),
        # A place stays a place without a club's or a firm's word.
        ("Wir fahren nach Waldbrunn Verlag", "Waldbrunn", "LOCATION",
         "Waldbrunn", "LOCATION"),
    ],
)  # fmt: skip
def test_context_words_give_the_type(
    text: str, value: str, entity: str, expected: str, expected_entity: str
) -> None:
    """The span and type each context gives; score and source stay."""
    assert _retype(text, value, entity) == (
        expected,
        expected_entity,
        0.9,
        "rampart",
    )


def test_deny_listed_terms_are_left_alone() -> None:
    text = "Der FC Anton Brauer spielte."
    listed = Finding(7, 19, "PERSON", 1.0, DENY_SOURCE)
    assert bodies_read_as_people(text, [listed]) == [listed]


def test_no_widening_over_another_finding() -> None:
    """A marker that another finding holds is not taken: only the type
    changes."""
    text = "Bei Kessler Brandt AG"
    name = Finding(4, 18, "PERSON", 0.9, "rampart")
    other = Finding(19, 21, "ID_NUMBER", 0.5, "pattern:test")
    assert bodies_read_as_people(text, [other, name]) == [
        Finding(4, 18, "ORGANIZATION", 0.9, "rampart"),
        other,
    ]


def test_nothing_is_dropped_or_shortened() -> None:
    """Fail closed: every finding comes back, covering at least its text."""
    text = "Der FC Anton Brauer und Anna Berg im Verlag Hilde Sommerfeld."
    findings = [
        Finding(7, 19, "PERSON", 0.9, "rampart"),
        Finding(24, 33, "PERSON", 0.9, "rampart"),
        Finding(44, 60, "PERSON", 0.9, "rampart"),
    ]
    found = bodies_read_as_people(text, findings)
    assert len(found) == len(findings)
    for old, new in zip(findings, found, strict=True):
        assert new.start <= old.start
        assert old.end <= new.end


@pytest.mark.ner
@pytest.mark.parametrize(
    ("text", "language", "value", "entity"),
    [
        # A firm named after a person keeps the person (fail closed).
        ("Der Roman erschien im Verlag Hilde Sommerfeld in Bern.", "de",
         "Hilde Sommerfeld", "PERSON"),
        # Known surnames before a legal form stay people (fail closed).
        ("Der Vertrag mit der Kessler Brandt AG wurde verlängert.", "de",
         "Kessler Brandt", "PERSON"),
        ("Der Verleger Herr Anton Brauer wohnt in Ulm.", "de", "Herr Anton Brauer",
         "PERSON"),
    ],
)  # fmt: skip
def test_the_detector_retypes_bodies(
    full_detector: Detector, text: str, language: str, value: str, entity: str
) -> None:
    """Through the whole detector the body is masked whole, as a body."""
    found = full_detector.analyze(text, language)
    assert (value, entity) in [(text[f.start : f.end], f.entity) for f in found]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Erschienen im Verlag Paul Haupt, Bern.", "Paul Haupt"),
        ("Der FC Carl Zeiss Jena spielte gestern.", "Carl Zeiss Jena"),
        ("She studied at the Matthew Humberstone School.", "Matthew Humberstone"),
    ],
)
def test_a_firm_named_after_a_person_keeps_the_person(text: str, value: str) -> None:
    """A given name and a capitalised word stay a PERSON next to a body's
    word: a policy may keep organisations in clear, and the subject index
    leaves them out."""
    start = text.index(value)
    finding = Finding(start, start + len(value), "PERSON", 0.9, "rampart")
    given = frozenset({"paul", "carl", "matthew"})

    (kept,) = bodies_read_as_people(text, [finding], given)

    assert kept == finding


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Two words or more beside a head noun alone: a person (fail closed).
        ("Erschienen im Verlag Hilde Sommerfeld, Bern.", "Hilde Sommerfeld"),
        ("Pupils of the Edgar Pemberton School came.", "Edgar Pemberton"),
        ("Trabaja en Grupo Herrera Vidal desde 2019.", "Herrera Vidal"),
        ("Witness statement of Oluwaseun Adeyemi Foundation trustee.",
         "Oluwaseun Adeyemi"),
        # A title inside the span.
        ("Mr Smith School opened in May.", "Mr Smith"),
        ("Das Schreiben von Frau Schulze AG kam.", "Frau Schulze"),
        # No holy place's first word makes a person a place.
        ("Witness: Hagia Smith, aged 40.", "Hagia Smith"),
    ],
)  # fmt: skip
def test_people_beside_a_body_word_stay_people(text: str, value: str) -> None:
    start = text.index(value)
    finding = Finding(start, start + len(value), "PERSON", 0.9, "rampart")
    assert bodies_read_as_people(text, [finding]) == [finding]


@pytest.mark.parametrize(
    ("text", "value", "people"),
    [
        # Initials and a known surname: a club's abbreviation is no cue.
        ("The complaint was filed by SK Gupta on Monday.", "SK Gupta", {"gupta"}),
        ("Dear KS Rao, thank you.", "KS Rao", {"rao"}),
        # A full name stays a person beside a place noun too.
        ("Ieri Federico Chiesa ha firmato.", "Federico Chiesa", set()),
        ("Nome: Mario Rossi Via Garibaldi 12", "Mario Rossi", set()),
    ],
)
def test_known_people_stay_people(text: str, value: str, people: set[str]) -> None:
    start = text.index(value)
    finding = Finding(start, start + len(value), "PERSON", 0.9, "rampart")
    given = frozenset({"federico", "mario"})
    kept = bodies_read_as_people(text, [finding], given, frozenset(people))
    assert kept == [finding]


@pytest.mark.parametrize(
    ("text", "value", "language", "expected"),
    [
        # A German compound whose end names a body, in German text.
        ("Der Spielzeughersteller Mantor legte zu.", "Mantor", "de",
         "ORGANIZATION"),
        ("Ihre Musik prägte die Rockband Zandora.", "Zandora", "de",
         "ORGANIZATION"),
        ("Er ritt für das Team Ellerstein.", "Ellerstein", "de", "ORGANIZATION"),
        ("Er war die Kraft des Teams Ellerstein.", "Ellerstein", "de",
         "ORGANIZATION"),
        # Elsewhere a compound's end is no cue ("husband").
        ("Her husband Kallweit called.", "Kallweit", "en", "PERSON"),
        ("Der Spielzeughersteller Mantor legte zu.", "Mantor", None, "PERSON"),
        # Two words beside a head noun alone stay a person (fail closed).
        ("Die Rockband Jorin Kallweit spielte.", "Jorin Kallweit", "de",
         "PERSON"),
    ],
)  # fmt: skip
def test_german_compounds_name_bodies_in_german(
    text: str, value: str, language: str | None, expected: str
) -> None:
    start = text.index(value)
    finding = Finding(start, start + len(value), "PERSON", 0.9, "rampart")
    (found,) = bodies_read_as_people(text, [finding], language=language)
    assert (found.start, found.end, found.entity) == (
        finding.start,
        finding.end,
        expected,
    )
