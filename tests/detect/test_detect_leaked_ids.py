"""Identifiers and contact data a tester found leaking: Portuguese fixed
lines grouped 2-3-4, Polish plates after "Nr rejestracyjny", Polish identity
card numbers, spaced Citizen Card numbers and logins after an account word.
All numbers and names are invented."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.patterns import IbanRecognizer, PatternLayer
from gdprgate.detect.patterns.card_security import CardSecurityRecognizer
from gdprgate.detect.patterns.license_plate import LicensePlateRecognizer
from gdprgate.detect.patterns.pl_id_card import PlIdCardRecognizer, pl_id_card_ok
from gdprgate.detect.patterns.pt_citizen_card import PtCitizenCardRecognizer
from gdprgate.detect.patterns.pt_phone import PtFixedLineRecognizer
from gdprgate.detect.patterns.street_address import StreetAddressRecognizer
from gdprgate.detect.patterns.username import UsernameRecognizer
from tests.detect.pattern_cases import MIN_SCORE, reported, spans_of

PT_FIXED_LINES: list[tuple[str, list[str]]] = [
    # No telephone word right before the number: prose, signatures and
    # address lines.
    ("Ligue para o 21 123 4567.", ["21 123 4567"]),
    ("Liga-me: 21 123 4567", ["21 123 4567"]),
    ("Rua Augusta 20, Lisboa · 21 123 4567 · geral@exemplo.pt", ["21 123 4567"]),
    ("Cumprimentos,\nMaria Sousa\n21 123 4567", ["21 123 4567"]),
    ("O escritório do Porto atende no 22 987 6543 de manhã.", ["22 987 6543"]),
    ("Sede: 22.987.6543", ["22.987.6543"]),
    ("Call our Lisbon desk, 21 123 4567, or write.", ["21 123 4567"]),
    # Amounts are grouped by three, dates and times differently.
    ("A fatura de 12 345 678 euros vence a 21/03/2024.", []),
    ("Pagou 21 123 456 euros.", []),
    ("Às 21 123 pessoas, 4567 lugares.", []),
    # Not 2-3-4, mixed separators, inside longer runs, or no fixed line.
    ("21 1234 567", []),
    ("21 123.4567", []),
    ("121 123 4567", []),
    ("21 123 4567 8", []),
    ("91 123 4567", []),
    ("20 123 4567", []),
    # An order, invoice or reference number right before.
    ("encomenda n.º 21 123 4567", []),
    ("Fatura: 22 987 6543", []),
    ("referência 21 123 4567", []),
]


@pytest.mark.parametrize(("text", "values"), PT_FIXED_LINES)
def test_portuguese_fixed_lines_grouped_2_3_4(text: str, values: list[str]) -> None:
    """Lisbon and Porto numbers in their printed grouping, whole."""
    assert reported(PtFixedLineRecognizer(), text) == spans_of(text, values)


PL_PLATES: list[tuple[str, list[str]]] = [
    ("Nr rejestracyjny: KR 4X112", ["KR 4X112"]),
    ("Nr rejestracyjny: PO 1AB23", ["PO 1AB23"]),
    ("Nr rejestracyjny: WX 1234A", ["WX 1234A"]),
    ("tablice DW 5K321", ["DW 5K321"]),
    ("auto na tablicach GD 77ABC stało pod blokiem", ["GD 77ABC"]),
    ("Nr rej. KR 4X112, VIN WVWZZZ1JZXW000001", ["KR 4X112"]),
    # The same shapes with no vehicle word, or after an issue word.
    ("Nr faktury: KR 4X112", []),
    ("Kod pocztowy i symbol WX 1234A", []),
    ("zadanie PO 1AB23 na tablicy Jira", []),
]


@pytest.mark.parametrize(("text", "values"), PL_PLATES)
def test_polish_plates_after_their_label(text: str, values: list[str]) -> None:
    """The abbreviated label "Nr rejestracyjny:" and "tablice" name a plate."""
    assert reported(LicensePlateRecognizer(), text) == spans_of(text, values)


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("ABA300000", True),
        ("ABC523456", True),
        ("XYZ712345", True),
        ("ABA600001", True),
        ("ABA400000", False),
        ("ABC123457", False),
        ("AB1300000", False),
        ("ABA30000", False),
    ],
)
def test_polish_id_card_check_digit(number: str, valid: bool) -> None:
    """Letters A=10..Z=35, weights 7 3 1 . 7 3 1 7 3, the fourth character
    the check digit (ABA300000: 70 + 33 + 10 = 113, check digit 3)."""
    assert pl_id_card_ok(number) is valid


PL_ID_CARDS: list[tuple[str, list[str]]] = [
    ("dowód osobisty ABA300000. Jan Mróz", ["ABA300000"]),
    ("Nr dowodu: ABA 300000", ["ABA 300000"]),
    ("seria i numer dowodu XYZ712345, wydany w 2019", ["XYZ712345"]),
    ("ID card ABC523456", ["ABC523456"]),
    # A failing check digit right after the card's own word: still a card.
    ("Mój PESEL 02270304569, dowód osobisty ABC123457. Jan Mróz", ["ABC123457"]),
    ("dowód osobisty nr ABC123457, Jan Mróz", ["ABC123457"]),
    # A valid shape with no card word is a product code; a failing one
    # without the card's own word right before is nothing.
    ("kod produktu ABA300000 w katalogu", []),
    ("ABA300000", []),
    ("ID card ABC123457", []),
    ("Dowodu nie mam przy sobie. Kod ABC123457 jest na paczce.", []),
    ("dowód osobisty ABA3000001", []),
]


@pytest.mark.parametrize(("text", "values"), PL_ID_CARDS)
def test_polish_id_card_numbers(text: str, values: list[str]) -> None:
    """Valid numbers near a card word; failing ones only right after one."""
    assert reported(PlIdCardRecognizer(), text) == spans_of(text, values)


def test_a_failing_id_card_number_is_down_scored() -> None:
    """A mistyped number after "dowód osobisty" is kept under full score."""
    (finding,) = PlIdCardRecognizer().analyze("dowód osobisty ABC123457")

    assert MIN_SCORE <= finding.score < 1.0


PT_CITIZEN_CARDS: list[tuple[str, list[str]]] = [
    ("cartão de cidadão 12345678 9 ZZ1", ["12345678 9 ZZ1"]),
    # Check digits that fail, right after the card's name.
    (
        "titular do cartão de cidadão n.º 14325678 4 ZX9, residente",
        ["14325678 4 ZX9"],
    ),
    ("CC: 143256784ZX9", ["143256784ZX9"]),
    ("CC n.º 00000000 0 ZZ3", ["00000000 0 ZZ3"]),
    # Failing check digits with no card name before them.
    ("14325678 4 ZX9", []),
    ("encomenda 14325678 4 ZX9", []),
]


@pytest.mark.parametrize(("text", "values"), PT_CITIZEN_CARDS)
def test_spaced_citizen_card_numbers(text: str, values: list[str]) -> None:
    """The whole number, the version letters and check digit included."""
    assert reported(PtCitizenCardRecognizer(), text) == spans_of(text, values)


def test_a_named_citizen_card_is_no_phone_number() -> None:
    """The layer reports the card's digits as the card's, not as a phone."""
    text = "titular do cartão de cidadão n.º 14325678 4 ZX9, residente"

    found = [
        (text[f.start : f.end], f.entity)
        for f in PatternLayer().analyze(text)
        if f.score >= MIN_SCORE
    ]

    assert found == [("14325678 4 ZX9", "ID_NUMBER")]


ACCOUNT_LOGINS: list[tuple[str, list[str]]] = [
    ("Zgłoszenie: nie mogę zalogować się do konta jan.mroz1980.", ["jan.mroz1980"]),
    ("I can't log into my account jan.mroz1980", ["jan.mroz1980"]),
    ("ich komme nicht in mein Konto jan.mroz1980", ["jan.mroz1980"]),
    ("kontot kasia_p2 är låst", ["kasia_p2"]),
    ("le compte j.dupont est bloqué", ["j.dupont"]),
    ("não consigo entrar na conta rita_valente", ["rita_valente"]),
    # Things, numbers and codes after an account word.
    ("my account balance is low", []),
    ("account v2 migration", []),
    ("Konto DE44 5001 0517 5407 3249 31", []),
    ("Konto 1234567890", []),
    ("in mein Konto sperren", []),
    ("na konto firmowe", []),
    ("update the account e-mail", []),
    ("la cuenta de ahorro", []),
    ("account 2FA enabled", []),
]


@pytest.mark.parametrize(("text", "values"), ACCOUNT_LOGINS)
def test_logins_after_an_account_word(text: str, values: list[str]) -> None:
    """A word shaped like a login after an account word is a user name."""
    assert reported(UsernameRecognizer(), text) == spans_of(text, values)


LEAKS: list[tuple[str, str, list[str]]] = [
    ("pt", "Obrigada! Maria\n21 123 4567", ["21 123 4567"]),
    ("pl", "Nr rejestracyjny: KR 4X112, VIN WVWZZZ1JZXW000001", ["KR 4X112"]),
    ("pl", "dowód osobisty ABC123457, Jan Mróz", ["ABC123457"]),
    ("pt", "titular do cartão de cidadão n.º 14325678 4 ZX9, residente", ["ZX9"]),
    ("en", "I can't log into my account jan.mroz1980", ["jan.mroz1980"]),
    ("en", "IBAN: DE44 5001 0517\n5407 3249 31", ["DE44 5001 0517\n5407 3249 31"]),
    ("en", "card 4532015112830366 exp 08/27 cvv 123", ["08/27", "123"]),
    ("fr", "Livraison : Bât. C, esc. 2, 3e étage, 14 avenue Foch", ["C, esc. 2, 3e"]),
]


@pytest.mark.parametrize(("language", "text", "values"), LEAKS)
def test_the_reported_leaks_are_masked(
    full_detector: Detector, language: str, text: str, values: list[str]
) -> None:
    """Every character of each value lies inside some finding."""
    findings = full_detector.analyze(text, language)

    for start, end in spans_of(text, values):
        covered = {i for f in findings for i in range(f.start, f.end)}
        assert all(i in covered for i in range(start, end) if not text[i].isspace())


BROKEN_IBANS: list[tuple[str, list[str]]] = [
    ("IBAN: DE44 5001 0517\n5407 3249 31", ["DE44 5001 0517\n5407 3249 31"]),
    (
        "IBAN: DE44 5001 0517 \r\n  5407 3249 31\nDanke",
        ["DE44 5001 0517 \r\n  5407 3249 31"],
    ),
    ("Konto DE44\n5001 0517 5407 3249 31.", ["DE44\n5001 0517 5407 3249 31"]),
    ("rekening NL91 ABNA\n0417 1643 00 op naam", ["NL91 ABNA\n0417 1643 00"]),
    # A wrong checksum, a group running past the length, no registry
    # country, or two line breaks.
    ("IBAN: DE44 5001 0517\n5407 3249 32", []),
    ("IBAN: DE44 5001 0517\n5407 3249 315", []),
    ("Ref AB12 3456\n7890 1234", []),
    ("DE44 5001\n0517\n5407 3249 31", []),
    # After a long line of groups: the bound on the groups read keeps the
    # last IBAN whole (and a line of groups that is none fast).
    (
        "Ref " + "DE44 " * 40 + "\nIBAN: DE44 5001 0517\n5407 3249 31",
        ["DE44 5001 0517\n5407 3249 31"],
    ),
    ("DE44 5001 0517 " * 300 + "\n5407 3249 31", []),
    # Whole on its first line: the next line is no part of it.
    (
        "IBAN DE44 5001 0517 5407 3249 31\n12 Stück",
        ["DE44 5001 0517 5407 3249 31"],
    ),
]


@pytest.mark.parametrize(("text", "values"), BROKEN_IBANS)
def test_ibans_broken_across_a_line(text: str, values: list[str]) -> None:
    """The whole IBAN across the break, when its checksum holds."""
    assert reported(IbanRecognizer(), text) == spans_of(text, values)


CARD_SECURITY: list[tuple[str, list[str]]] = [
    ("card 4532015112830366 exp 08/27 cvv 123", ["08/27", "123"]),
    ("CVV: 123, expiry 08/27", ["123", "08/27"]),
    ("Kartenprüfnummer 4321, gültig bis 12/2028", ["4321", "12/2028"]),
    ("Prüfnummer: 987", ["987"]),
    ("cryptogramme visuel : 987, expire fin 03/26", ["987", "03/26"]),
    ("código de seguridad 042, caducidad 11/29", ["042", "11/29"]),
    ("CVC2 1234 · Exp. 08 / 27", ["1234", "08 / 27"]),
    ("Visa card, security code is 042", ["042"]),
    # A code in plain words or an expiry date counts near a card: its word,
    # a brand, a card's own code word or its number, on either side.
    ("Kreditkarte: Sicherheitscode 4711", ["4711"]),
    ("Ablaufdatum: 03/29, Kartennummer folgt", ["03/29"]),
    ("4532 0151 1283 0366\nGültig bis: 08/27", ["08/27"]),
    ("tarjeta terminada en 0366, caduca 12/26", ["12/26"]),
    ("kort 4532015112830366 giltig till 05/28", ["05/28"]),
    ("Validade 11/27 · cartão Mastercard", ["11/27"]),
    ("karta płatnicza, data ważności 10/29", ["10/29"]),
    ("säkerhetskod 555\nutgångsdatum 04/30", ["555", "04/30"]),
    # Without a card: a gate's code, a food label, a voucher.
    ("Sicherheitscode 4711 für das Tor am Lager.", []),
    ("Código de seguridad 1234 de la puerta del almacén.", []),
    ("Best before: exp 08/27. Keep refrigerated.", []),
    ("Mindestens haltbar bis 12/2026, exp 08/27.", []),
    ("Da consumarsi entro: scadenza 08/27.", []),
    ("Validade: 08/27. Conservar em local fresco.", []),
    ("Gutschein gültig bis 12/26 in allen Filialen.", []),
    ("Houdbaar tot: exp 08/27.", []),
    # No word of its own, the wrong length, no month, or part of a longer
    # number, word or date.
    ("card 4532015112830366, 08/27, 123", []),
    ("cvv 12", []),
    ("CVV 12345", []),
    ("exp 13/27", []),
    ("exp 08/27/2024", []),
    ("the cvv field must hold 3 digits", []),
    ("expires in 10 days", []),
    ("recvv 123", []),
    ("Version 1.2.3 exp 2024", []),
]


@pytest.mark.parametrize(("text", "values"), CARD_SECURITY)
def test_card_security_code_and_expiry(text: str, values: list[str]) -> None:
    """Security codes and expiry dates right after their own word."""
    assert reported(CardSecurityRecognizer(), text) == spans_of(text, values)


ADDRESS_DETAILS: list[tuple[str, list[str]]] = [
    # The door letter glued to the floor, as written and as the detector
    # folds it ("º" to "o").
    ("sí, Calle Mayor 14, 2ºA, llamad al timbre", ["Calle Mayor 14, 2ºA"]),
    ("sí, Calle Mayor 14, 2oA, llamad al timbre", ["Calle Mayor 14, 2oA"]),
    ("sim, Rua das Flores 9, 3º esq", ["Rua das Flores 9, 3º esq"]),
    # French building, staircase, floor and flat before the street.
    (
        "Livraison : Bât. C, esc. 2, 3e étage, 14 avenue Foch, 69006 Lyon — M. G",
        ["Bât. C, esc. 2, 3e étage, 14 avenue Foch, 69006 Lyon"],
    ),
    (
        "Bâtiment B, appt 12, 5 rue de la Paix",
        ["Bâtiment B, appt 12, 5 rue de la Paix"],
    ),
    # Two letters are no door, a floor alone is no address.
    ("Calle Mayor 14, 2oAB", ["Calle Mayor 14"]),
    ("Escalier 2, porte 5", []),
    ("au 3e étage de la tour", []),
]


@pytest.mark.parametrize(("text", "values"), ADDRESS_DETAILS)
def test_floor_door_and_building_parts(text: str, values: list[str]) -> None:
    """Floor, door, building and staircase are part of the address."""
    assert reported(StreetAddressRecognizer(), text) == spans_of(text, values)
