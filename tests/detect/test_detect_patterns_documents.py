"""VAT numbers, BIC/SWIFT, passports, driving licences, IMEI and MAC addresses.

Passport numbers, driving licences and BICs are reported only next to a word
that names them; every value is synthetic.
"""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns import recognizer_classes
from tests.detect.pattern_cases import reported, spans_of

RECOGNIZERS = {cls.name: cls for cls in recognizer_classes()}

CASES: list[tuple[str, str, list[str]]] = [
    ("eu_vat", "USt-IdNr.: DE100012349", ["DE100012349"]),
    ("eu_vat", "BTW-nummer NL100012346B01.", ["NL100012346B01"]),
    ("eu_vat", "Partita IVA IT10000018886", ["IT10000018886"]),
    ("eu_vat", "NIP UE PL1000012357", ["PL1000012357"]),
    ("eu_vat", "VAT DE 100012349 thanks", ["DE 100012349"]),
    ("eu_vat", "VAT DE100012348", []),
    ("eu_vat", "model DE1000", []),
    ("eu_vat", "USt-IdNr.: **DE100012349**", ["DE100012349"]),
    ("eu_vat", "NIP UE PL 100-001-23-57.", ["PL 100-001-23-57"]),
    ("eu_vat", "VAT *DE100012348*", []),
    ("swift_code", "BIC: DEUTDEFF", ["DEUTDEFF"]),
    ("swift_code", "SWIFT code NEDSZAJJXXX", ["NEDSZAJJXXX"]),
    ("swift_code", "WE MEAN BUSINESS", []),
    ("swift_code", "bank DEUTDEFF", []),
    ("passport", "Passport number: C01X00T47", ["C01X00T47"]),
    ("passport", "Reisepassnummer C01X00T47", ["C01X00T47"]),
    ("passport", "numéro de passeport 12AB34567", ["12AB34567"]),
    ("passport", "pasaporte XDA123456", ["XDA123456"]),
    ("passport", "reference C01X00T47", []),
    ("passport", "passport office at PASSPORT", []),
    ("passport", "my passport number is c01x00t47.", ["c01x00t47"]),
    ("passport", "numéro de passeport : 12ab34567", ["12ab34567"]),
    ("passport", "passport photo 35x45mm", []),
    ("passport", "Reisepass Ab12345C", []),
    ("driver_license", "driving licence MORGA753116SM9IJ", ["MORGA753116SM9IJ"]),
    ("driver_license", "Führerschein B072RRE2I55", ["B072RRE2I55"]),
    ("driver_license", "patente di guida U1H12345X", ["U1H12345X"]),
    ("driver_license", "rijbewijs 5123456789", ["5123456789"]),
    ("driver_license", "code MORGA753116SM9IJ", []),
    # A version number is no licence, even near a licence word.
    ("driver_license", "Release v2.14.3", []),
    ("driver_license", "Führerschein-App: Release v2.14.3", []),
    ("imei", "IMEI 352099001761481", ["352099001761481"]),
    ("imei", "device 35-209900-176148-1", ["35-209900-176148-1"]),
    ("imei", "IMEI 352099001761482", []),
    ("imei", "IMEI: 35209900-176148-1", ["35209900-176148-1"]),
    ("imei", "numéro IMEI 35209900 176148 1.", ["35209900 176148 1"]),
    ("imei", "IMEI 35209900-176148-2", []),
    ("mac_address", "MAC 00:1A:2B:3C:4D:5E on eth0", ["00:1A:2B:3C:4D:5E"]),
    ("mac_address", "adapter 00-1a-2b-3c-4d-5e", ["00-1a-2b-3c-4d-5e"]),
    ("mac_address", "cisco 001a.2b3c.4d5e", ["001a.2b3c.4d5e"]),
    ("mac_address", "broadcast ff:ff:ff:ff:ff:ff", []),
    ("mac_address", "mixed 00:1A-2B:3C:4D:5E", []),
    ("mac_address", "time 12:30:45", []),
    ("mac_address", "MAC:00:1A:2B:3C:4D:5E", ["00:1A:2B:3C:4D:5E"]),
    ("mac_address", "die MAC ist 00:1a:2b:3c:4d:5e:", ["00:1a:2b:3c:4d:5e"]),
    ("mac_address", "seven pairs aa:00:1a:2b:3c:4d:5e", []),
    # Twelve bare hex digits: a MAC only next to the word.
    ("mac_address", "MAC-Adresse 001A2B3C4D5E", ["001A2B3C4D5E"]),
    ("mac_address", "adresse MAC : 001a2b3c4d5e.", ["001a2b3c4d5e"]),
    ("mac_address", "commit 001a2b3c4d5e", []),
    ("mac_address", "MAC 001122334455", []),
]


@pytest.mark.parametrize(("name", "text", "values"), CASES)
def test_document_and_device_spans(name: str, text: str, values: list[str]) -> None:
    """Exact spans; context-only entities need their word."""
    assert reported(RECOGNIZERS[name](), text) == spans_of(text, values)


def test_imei_is_not_a_card_next_to_the_word_imei() -> None:
    """A Luhn-valid IMEI in the card range loses its card reading."""
    card = RECOGNIZERS["credit_card"]()

    assert reported(card, "IMEI 352099001761481") == []
