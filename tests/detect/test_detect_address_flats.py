"""The flat, the unit and the town suffixes around a street address."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns.street_address import StreetAddressRecognizer
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    # The flat after the house number: Danish, Swedish, Polish, Spanish.
    (
        "Adresse: Nørrebrogade 44, 2. th., 2200 København N. Ring",
        ["Nørrebrogade 44, 2. th., 2200 København N"],
    ),
    ("Vestergade 8, st. tv., 8000 Aarhus C", ["Vestergade 8, st. tv., 8000 Aarhus C"]),
    (
        "Ringvägen 100 lgh 1102, 118 60 Stockholm.",
        ["Ringvägen 100 lgh 1102, 118 60 Stockholm"],
    ),
    (
        "zam. ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa",
        ["ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa"],
    ),
    ("ul. Mickiewicza 3 m 4, Lublin", ["ul. Mickiewicza 3 m 4"]),
    (
        "C/ San Vicente Mártir, 85, pta. 12, 46007 Valencia.",
        ["C/ San Vicente Mártir, 85, pta. 12, 46007 Valencia"],
    ),
    # English flats and units, and addresses printed in capitals.
    (
        "Flat 3, 27 Gloucester Road, Bristol BS7 8AE. You",
        ["Flat 3, 27 Gloucester Road, Bristol BS7 8AE"],
    ),
    ("UNIT 4 TANNERY YARD, DERBY DE1 3GP", ["UNIT 4 TANNERY YARD, DERBY DE1 3GP"]),
    ("Apt 12B 9 Birch Rise", ["Apt 12B 9 Birch Rise"]),
    # Streets of an everyday word or in capitals, alone: an address word
    # near makes them one; titles, products and steps stay text.
    ("She lives at 9 Birch Rise now", ["9 Birch Rise"]),
    ("Address: 12 Park View", ["12 Park View"]),
    ("Ship to 4 TANNERY YARD", ["4 TANNERY YARD"]),
    ("12 Park View, Leeds LS1 4AB", ["12 Park View, Leeds LS1 4AB"]),
    ("Top 10 Theme Park rides this summer", []),
    ("Chapter 3 Silent Hill review", []),
    ("see the 5 Star View option", []),
    ("STEP 4 RESET VIEW", []),
    ("Our 2 Big Walk events raised money", []),
    # The Italian province and the Swedish "i" before the town.
    ("Via Manzoni, 21 - 20121 Milano (MI).", ["Via Manzoni, 21 - 20121 Milano (MI)"]),
    ("bor på Vasagatan 7 i Västerås. Mitt", ["Vasagatan 7 i Västerås"]),
    # A flat word with no street, and a lone letter after a sentence.
    ("the unit 4 was late", []),
    ("Gate 2 th. floor", []),
    ("Hauptstraße 5. N ist", ["Hauptstraße 5"]),
    ("Ringvägen 100 lghx", ["Ringvägen 100"]),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_address_spans_with_flats(text: str, values: list[str]) -> None:
    """The flat and the town's suffix are part of the address, nothing more."""
    assert reported(StreetAddressRecognizer(), text) == spans_of(text, values)
