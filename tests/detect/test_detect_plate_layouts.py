"""Plates of the shorter national layouts, and the vehicle words they need."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns.license_plate import LicensePlateRecognizer
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    # Danish, Finnish, Irish and pre-2009 French layouts, next to a vehicle.
    ("Bil: AB 12 345, rød Skoda", ["AB 12 345"]),
    ("nummerplade CD 98 765", ["CD 98 765"]),
    ("rekisterinumero ABC-123, osoite", ["ABC-123"]),
    ("Ajoneuvo XY-45 pysäköitiin", ["XY-45"]),
    ("car reg 191-D-12345, silver", ["191-D-12345"]),
    ("le véhicule 1234 AB 75 est garé", ["1234 AB 75"]),
    ("immatriculée 56 FGH 2A depuis 2001", ["56 FGH 2A"]),
    # The inflected and the everyday vehicle words of each language.
    ("kierowanym pojazdem KR 9876A przez", ["KR 9876A"]),
    ("pojazd o nr rej. WA 12345 odjechał", ["WA 12345"]),
    ("la motocicleta 1234-BCD de Irene", ["1234-BCD"]),
    ("furgoneta 0987-LMN del cliente", ["0987-LMN"]),
    ("Scooter immatriculé FX 456 TR", ["FX 456 TR"]),
    ("the lorry KL-12-AB was parked", ["KL-12-AB"]),
    # "van" is a Dutch particle too: no vehicle word.
    ("Jan van ABC-123 heeft gebeld", []),
    # The same shapes with no vehicle word: codes, standards, versions.
    ("Norm ISO-9001 erfüllt", []),
    ("Kode AB 12 345 i ordren", []),
    ("Ref 1234 AB 75 in the ledger", []),
    ("ticket 191-D-12345 closed", []),
    ("Release ABC-123 ships today", []),
    # Issue keys in developer texts about cars: after an issue word, named
    # after the vehicle word itself, or near only a compound's first half.
    ("ticket ABC-123: car park sensor offline", []),
    ("Vehicle API broken; ticket OPS-771.", []),
    ("The car module crashes, see CAR-412 for details.", []),
    ("Das Auto-Update schlägt fehl, Ticket KFZ-12 offen.", []),
    ("bil-modulen BIL-221 har fel", []),
    ("Auto-moduuli ABC-123 on rikki", []),
    # A plate in a ticket, or a vehicle word beside a compound, stays found.
    ("Ticket SUP-4471: the car ABC-123 was towed", ["ABC-123"]),
    ("parking ticket for car ABC-123", ["ABC-123"]),
    ("Auto-Update: Auto AB-12 gesehen", ["AB-12"]),
    ("Auto: ABC-123", ["ABC-123"]),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_plate_spans_in_context(text: str, values: list[str]) -> None:
    """A weak layout is a plate next to a vehicle word, and only there."""
    assert reported(LicensePlateRecognizer(), text) == spans_of(text, values)
