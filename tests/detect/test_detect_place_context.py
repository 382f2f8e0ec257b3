"""Places a model read as a person become places by the German words around
them: "südlich von Modrava", "die Stationen Finch und Sheppard"."""

from __future__ import annotations

import pytest

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.lists import SOURCE as DENY_SOURCE
from gdprgate.detect.place_context import places_by_context


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _person(text: str, value: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Finding(start, start + len(value), "PERSON", 0.9, "rampart")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A place noun, alone or ending a compound, and the list after it.
        ("Die Firma hält die Uranzonen Velimaro, Tobakara und Sunday.", "Velimaro"),
        ("Die Firma hält die Uranzonen Velimaro, Tobakara und Sunday.", "Tobakara"),
        ("Die Firma hält die Uranzonen Velimaro, Tobakara und Sunday.", "Sunday"),
        ("Zwischen den Stationen Finchley und Sheldon fährt er.", "Sheldon"),
        ("Dazu gehört der Ortsteil Wennerode.", "Wennerode"),
        ("Infrastruktur OT Wennerode an der B 216", "Wennerode"),
        ("Infrastruktur OT Wennerode an der B 216", "OT Wennerode"),
        ("die eindrückliche Felsschlucht Gorvan im Jura", "Gorvan"),
        # A place noun ending the value itself.
        ("Sie stießen bis ins Murnertal vor.", "Murnertal"),
        # A direction.
        ("Der Ort liegt sechs Kilometer südlich von Modrenko.", "Modrenko"),
        ("Der Weg führt in Richtung Modrenko.", "Modrenko"),
        ("Er drang bis nordöstlich Locrin vor.", "Locrin"),
        ("ein Landhaus am Ostufer des Hudson", "Hudson"),
        # A known place's genitive or "-er" word.
        ("Hannovers damaliger Oberbürgermeister kam.", "Hannovers"),
        ("Auf diese hofft auch Wetzlars Trainer.", "Wetzlars"),
        ("eine Wandlung von Plauener Stein", "Plauener"),
        # A town's adjective after "St.".
        ("Und der St. Galler Ständerat lanciert die Debatte.", "Galler"),
        # A dateline.
        ("Karlsruhe - Keine Spur vom Täter.", "Karlsruhe"),
        ("Karlsruhe - Keine Spur vom Täter.", "Karlsruhe -"),
        ("Torrebrava/Madrid - So kalt war es nie.", "Torrebrava"),
        # One of "zwischen A und B" whose other one is a place.
        ("die Städtepartnerschaft zwischen Düren und Erelik", "Erelik"),
    ],
)
def test_a_person_in_a_place_context_becomes_a_place(
    lexicon: Lexicon, text: str, value: str
) -> None:
    finding = _person(text, value)
    others = []
    if "Düren" in text:
        start = text.index("Düren")
        others.append(Finding(start, start + 5, "LOCATION", 0.9, "rampart"))
    found = places_by_context(text, [*others, finding], "de", lexicon)
    assert found[-1] == Finding(finding.start, finding.end, "LOCATION", 0.9, "rampart")


@pytest.mark.parametrize(
    ("text", "value", "language"),
    [
        # A person's context wins: a title, a verb of saying.
        ("Dazu gehört der Ortsteil Herr Wennerode.", "Wennerode", "de"),
        ("Das sagte südlich von hier Modrenko.", "Modrenko", "de"),
        ("Er fuhr südlich von Torsten Kallweit.", "Torsten Kallweit", "de"),
        # A given name and a capitalised word are a person.
        ("Die Stadt Anna Kallweit feierte.", "Anna Kallweit", "de"),
        # A known surname's genitive is a person's ("Müllers Frau").
        ("Müllers Frau kam gestern.", "Müllers", "de"),
        # A place noun whose compound names a person ("Stadtrat").
        ("Gestern sprach Stadtrat Kallweit.", "Kallweit", "de"),
        # "nach", "bei" and "von" are not enough: people follow them.
        ("Das geht nach Kallweit zurück.", "Kallweit", "de"),
        ("Er wohnt bei Kallweit.", "Kallweit", "de"),
        ("Der Sprecher von Kallweit schwieg.", "Kallweit", "de"),
        # A person at a text's start before a dash is no dateline.
        ("Kallweit - ein Leben für die Musik", "Kallweit", "de"),
        # A place noun's ending after three letters: "Austal" is a firm.
        ("Austal baut Fähren.", "Austal", "de"),
        # Other languages are left alone.
        ("The village lies south of Modrenko.", "Modrenko", "en"),
        ("Zwischen den Stationen Finchley und Sheldon.", "Sheldon", "en"),
    ],
)  # fmt: skip
def test_people_stay_people(
    lexicon: Lexicon, text: str, value: str, language: str
) -> None:
    finding = _person(text, value)
    assert places_by_context(text, [finding], language, lexicon) == [finding]


def test_deny_listed_terms_keep_their_type(lexicon: Lexicon) -> None:
    text = "Der Ort liegt südlich von Modrenko."
    start = text.index("Modrenko")
    listed = Finding(start, start + 8, "PERSON", 1.0, DENY_SOURCE)
    assert places_by_context(text, [listed], "de", lexicon) == [listed]
