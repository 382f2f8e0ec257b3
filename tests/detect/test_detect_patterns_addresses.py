"""Postcodes, street addresses and vehicle plates, in several countries."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns import recognizer_classes
from tests.detect.pattern_cases import reported, spans_of

RECOGNIZERS = {cls.name: cls for cls in recognizer_classes()}

CASES: list[tuple[str, str, list[str]]] = [
    ("postcode", "Hauptstraße 12, 10115 Berlin", ["10115"]),
    ("postcode", "PLZ 80331", ["80331"]),
    ("postcode", "code postal 75002", ["75002"]),
    ("postcode", "Adres: Kalverstraat 1, 1012 AB Amsterdam", ["1012 AB"]),
    ("postcode", "London SW1A 1AA", ["SW1A 1AA"]),
    ("postcode", "kod pocztowy 00-950", ["00-950"]),
    ("postcode", "código postal 1100-148 Lisboa", ["1100-148"]),
    ("postcode", "Eircode D02 X285", ["D02 X285"]),
    ("postcode", "we sold 10115 units", []),
    ("postcode", "in 2024 Anna went home", []),
    ("postcode", "order 75002", []),
    # Units and eras after four digits are no Dutch postcode letters.
    ("postcode", "Ich habe 2048 MB RAM", []),
    ("postcode", "around 3300 BC", []),
    ("postcode", "Postcode 2611 AD", ["2611 AD"]),
    # A quantity in a comma list has the address layout, not its words.
    ("postcode", "laptop, 16 GB SSD, 2048 MB RAM, webcam", []),
    ("postcode", "Gerät, 4096 KB Cache", []),
    ("postcode", "Singel 1, 1012 AB Amsterdam", ["1012 AB"]),
    ("postcode", "Musterweg 5, 10115 Berlin", ["10115"]),
    ("postcode", "postcode 2048 MB", ["2048 MB"]),
    (
        "street_address",
        "Ihre Adresse: Hauptstraße 12, 10115 Berlin.",
        ["Hauptstraße 12, 10115 Berlin"],
    ),
    ("street_address", "wohnt in der Berliner Straße 5a.", ["Berliner Straße 5a"]),
    (
        "street_address",
        "habite au 14 rue de la Paix, 75002 Paris.",
        ["14 rue de la Paix, 75002 Paris"],
    ),
    (
        "street_address",
        "vivo en Calle Mayor 5, 28013 Madrid",
        ["Calle Mayor 5, 28013 Madrid"],
    ),
    ("street_address", "abito in Via Roma 10, Torino", ["Via Roma 10"]),
    (
        "street_address",
        "woon op Kalverstraat 12, 1012 AB Amsterdam",
        ["Kalverstraat 12, 1012 AB Amsterdam"],
    ),
    (
        "street_address",
        "mieszkam ul. Marszałkowska 10, 00-950 Warszawa",
        ["ul. Marszałkowska 10, 00-950 Warszawa"],
    ),
    (
        "street_address",
        "moro na Rua Augusta 100, 1100-048 Lisboa",
        ["Rua Augusta 100, 1100-048 Lisboa"],
    ),
    (
        "street_address",
        "lives at 221B Baker Street, London NW1 6XE",
        ["221B Baker Street, London NW1 6XE"],
    ),
    (
        "street_address",
        "Drottninggatan 5, 111 51 Stockholm",
        ["Drottninggatan 5, 111 51 Stockholm"],
    ),
    ("street_address", "the street was quiet", []),
    ("street_address", "Rue de la Paix is famous", []),
    # A house number is written in ASCII digits, not superscripts or others.
    ("street_address", "la rue Pa² est courte", []),
    ("street_address", "Calle Mayor ٣", []),
    ("street_address", "Hauptstraße ５", []),
    # A street suffix alone, or ending an ordinary word, is no street.
    ("street_address", "Sie belegte Platz 1 im Finale.", []),
    ("street_address", "the Spring 2024 collection", []),
    ("street_address", "zie Sectie 4 van de wet", []),
    ("street_address", "voir la Partie 2 du rapport", []),
    ("street_address", "Garantie 2 Jahre", []),
    ("street_address", "wohnt Am Markt 3", ["Am Markt 3"]),
    ("street_address", "During 1971 the firm grew", []),
    ("street_address", "der Markt 2024 wuchs", []),
    (
        "street_address",
        "Anschrift: Markt 12, 91555 Feuchtwangen",
        ["Markt 12, 91555 Feuchtwangen"],
    ),
    ("street_address", "taxi to Sahantie 72, Helsinki", ["Sahantie 72"]),
    (
        "street_address",
        "asun Mannerheimintie 12, 00100 Helsinki",
        ["Mannerheimintie 12, 00100 Helsinki"],
    ),
    ("license_plate", "Kennzeichen B-AB 1234", ["B-AB 1234"]),
    ("license_plate", "parked B-AB 1234", []),
    ("license_plate", "immatriculation AB-123-CD", ["AB-123-CD"]),
    ("license_plate", "la voiture AB-123-CD est rouge", ["AB-123-CD"]),
    ("license_plate", "matrícula 1234 BCD", ["1234 BCD"]),
    ("license_plate", "matrícula 1234-BCD", ["1234-BCD"]),
    ("license_plate", "modelo 1234-BCD", []),
    # A year and a make or an acronym: a plate only next to a vehicle word.
    ("license_plate", "my 2019 BMW X5", []),
    ("license_plate", "in 2021 NYC", []),
    ("license_plate", "matrícula 2019 BCD", ["2019 BCD"]),
    ("license_plate", "targa AB 123 CD", ["AB 123 CD"]),
    ("license_plate", "kenteken 12-ABC-3", ["12-ABC-3"]),
    ("license_plate", "numer rejestracyjny WA 12345", ["WA 12345"]),
    ("license_plate", "registration AB12 CDE", ["AB12 CDE"]),
    ("license_plate", "in 2024 we went", []),
    ("license_plate", "rubric AB-123-CD order", []),
    # Swedish plates: three letters and three digits, or two digits and a
    # letter; a layout codes share, so only with a vehicle word.
    ("license_plate", "registreringsnummer ABC 123", ["ABC 123"]),
    ("license_plate", "reg.nr ABC 12D", ["ABC 12D"]),
    ("license_plate", "Bilen har regnr XYZ 98F.", ["XYZ 98F"]),
    ("license_plate", "Fordonet KLM123 stod parkerat.", ["KLM123"]),
    ("license_plate", "Koden ABC 123 gäller i dag.", []),
    ("license_plate", "ordernr ABC 123", []),
    ("license_plate", "reg.nr ABI 123", []),
    ("license_plate", "reg.nr ABC 12O", []),
    # Portuguese street words and abbreviations, "n.º" before the number,
    # and the floor and side of Spain and Portugal after it.
    ("street_address", "Av. da República, n.º 50", ["Av. da República, n.º 50"]),
    ("street_address", "Trav. do Carmo, n.º 3, Lisboa", ["Trav. do Carmo, n.º 3"]),
    ("street_address", "mora na R. das Flores 12.", ["R. das Flores 12"]),
    ("street_address", "Lg. do Chiado 5", ["Lg. do Chiado 5"]),
    ("street_address", "Pç. da Liberdade, 10", ["Pç. da Liberdade, 10"]),
    ("street_address", "Estr. de Benfica 245", ["Estr. de Benfica 245"]),
    (
        "street_address",
        "Avenida da Liberdade, n.º 110, 2.º Esq., 1250-146 Lisboa",
        ["Avenida da Liberdade, n.º 110, 2.º Esq., 1250-146 Lisboa"],
    ),
    ("street_address", "Via Garibaldi, n. 12", ["Via Garibaldi, n. 12"]),
    ("street_address", "C/ Mayor, nº 5", ["C/ Mayor, nº 5"]),
    ("street_address", "Calle de Alcalá 45, 3º izq.", ["Calle de Alcalá 45, 3º izq"]),
    ("street_address", "Calle Mayor 5, 2º B", ["Calle Mayor 5, 2º B"]),
    ("street_address", "Calle Mayor 5, 2o izq.", ["Calle Mayor 5, 2o izq"]),
    # "R." alone is an initial; the Polish "r." (roku) is no street.
    ("street_address", "R. Silva 12 votos", []),
    ("street_address", "w 1987 r. do Krakowa 5 razy", []),
]


@pytest.mark.parametrize(("name", "text", "values"), CASES)
def test_address_and_plate_spans(name: str, text: str, values: list[str]) -> None:
    """Exact spans of postcodes, addresses and plates; plain words stay out."""
    assert reported(RECOGNIZERS[name](), text) == spans_of(text, values)
