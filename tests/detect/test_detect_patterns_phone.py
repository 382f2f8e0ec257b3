"""PhoneRecognizer: phone numbers, one table of positive and negative cases."""

import pytest

from gdprgate.detect.patterns import PatternLayer, PhoneRecognizer

# (text, expected [(start, end, entity)]); an empty list is a negative case.
CASES: list[tuple[str, list[tuple[int, int, str]]]] = [
    ("Ruf mich an: +49 30 1234567.", [(13, 27, "PHONE_NUMBER")]),
    ("Berlin office 030 1234567, thanks", [(14, 25, "PHONE_NUMBER")]),
    ("Appelez le 01 23 45 67 89.", [(11, 25, "PHONE_NUMBER")]),
    (
        "Llámame al +34 612 345 678 o al 912 345 678.",
        [(11, 26, "PHONE_NUMBER"), (32, 43, "PHONE_NUMBER")],
    ),
    ("Chiama il +39 06 1234 5678", [(10, 26, "PHONE_NUMBER")]),
    ("Bel me op 020 123 4567.", [(10, 22, "PHONE_NUMBER")]),
    ("Zadzwoń: +48 12 345 67 89", [(9, 25, "PHONE_NUMBER")]),
    (
        "UK: 020 7946 0958; US: (212) 555-0123",
        [(4, 17, "PHONE_NUMBER"), (23, 37, "PHONE_NUMBER")],
    ),
    ("order number 12345678", []),
    ("invoice 2024-0042 dated 2024-03-12", []),
    ("version 1.2.3.4", []),
    # A date and the hour of the time after it.
    ("released on 2024-05-01 12:30:00.", []),
    ("am 01.05.2024 14:15 Uhr", []),
    ("logged 2024-05-01 then called 030 1234567", [(30, 41, "PHONE_NUMBER")]),
    ("ref 1234567890", []),
    ("card 4111 1111 1111 1111", []),
    # Digits glued to letters are an IBAN or a code, never a phone.
    ("IBAN DE89 3704 0044 0532 0130 00 please", []),
    ("code AB0301234567 and Tel.030 1234567", [(26, 37, "PHONE_NUMBER")]),
    # Digits inside an e-mail address belong to the address.
    ("Schreib an anna.0301234567@example.org", []),
    ("mail 0301234567@example.org", []),
    # A number before an address, apart from it, is still a number.
    ("Tel 030 1234567 anna@example.org", [(4, 15, "PHONE_NUMBER")]),
    ("Tel. 030 1234567/anna@example.org", [(5, 16, "PHONE_NUMBER")]),
    # The next field's address in compact JSON or CSV is not this number's.
    ('{"phone":"+4930901820","email":"anna@example.org"}', [(10, 21, "PHONE_NUMBER")]),
    ("+4930901820,anna@example.org", [(0, 11, "PHONE_NUMBER")]),
    ("Tel: 123.456.789", [(5, 16, "PHONE_NUMBER")]),
    # A bracket before the number without its partner is not the number's.
    ("Tel (030 1234567", [(5, 16, "PHONE_NUMBER")]),
    # An area code in brackets right before a number is the number's.
    ("Ligue para (11) 98765-4321 amanhã.", [(11, 26, "PHONE_NUMBER")]),
    ("O telefone é (21) 3456-7890.", [(13, 27, "PHONE_NUMBER")]),
    ("Tel. (030) 1234567", [(5, 18, "PHONE_NUMBER")]),
    # A bracketed number apart from it, or a bracket before letters, is not.
    ("(11) apples; call 030 1234567", [(18, 29, "PHONE_NUMBER")]),
    ("item (11), then 030 1234567", [(16, 27, "PHONE_NUMBER")]),
    # A possible number that is not (yet) valid, right after a phone label.
    ('{"phone":"+44 7700 900123","build":"x"}', [(10, 25, "PHONE_NUMBER")]),
    ("mobile: +44 7700 900124, build 1842", [(8, 23, "PHONE_NUMBER")]),
    ("phone +44 7700 900123 build 2026.03.1-rc2", [(6, 21, "PHONE_NUMBER")]),
    ("Handy: +49 1512 000000", [(7, 22, "PHONE_NUMBER")]),
    ("portable : +33 6 00 00 00 00", [(11, 28, "PHONE_NUMBER")]),
    ("móvil +34 600 000 000", [(6, 21, "PHONE_NUMBER")]),
    ("cellulare +39 300 0000000", [(10, 25, "PHONE_NUMBER")]),
    # Without the label it stays unknown; an impossible one is never taken.
    ("build +44 7700 900123", []),
    ("+44 7700 900123", []),
    ("phone +44 1", []),
    # Letters after a number are a name's initial, a word or a country,
    # never a unit that makes it a quantity.
    ("pls call 07700900123 B. Okafor re: results", [(9, 20, "PHONE_NUMBER")]),
    ("bitte 015123456789 B. Müller zurückrufen", [(6, 18, "PHONE_NUMBER")]),
    ("Proszę oddzwonić: 600123456 B. Nowak", [(18, 27, "PHONE_NUMBER")]),
    ("call 2125550143 B Johnson", [(5, 15, "PHONE_NUMBER")]),
    ("left a voicemail on 07700900123 us this morning", [(20, 31, "PHONE_NUMBER")]),
    ("paged 07700900123 ms Okafor at 3am", [(6, 17, "PHONE_NUMBER")]),
    # Years counting up near a telephone word are years; after a telephone
    # word, or not counting up, eight digits stay a Danish number.
    ("The phone models 2024 2025 are similar.", []),
    ("phone sales 2019, 2020, 2021 rose", []),
    ("Ring til mig på tlf. 2024 2025", [(21, 30, "PHONE_NUMBER")]),
    ("Ring Jana on 20 12 34 56 tomorrow.", [(13, 24, "PHONE_NUMBER")]),
    ("phone models 2025 2024", [(13, 22, "PHONE_NUMBER")]),
    # A telephone word and a copula or colon before the run: a number.
    ("Mitt nummer är 2013 2056.", [(15, 24, "PHONE_NUMBER")]),
    ("Meine Handynummer ist 2045 2089.", [(22, 31, "PHONE_NUMBER")]),
    ("The phone models are 2024 2025.", []),
    ("The seasons were 2019 2020.", []),
    # Two "years" far apart near a call word: a person's number.
    ("Ring Nisse på 2024 2031, det är hans jobbnummer.", [(14, 23, "PHONE_NUMBER")]),
    ("Zadzwoń do Marka pod 2019 2031, to jego domowy.", [(21, 30, "PHONE_NUMBER")]),
    ("phone sales 1999, 2003 rose", []),
    # A verb of calling a few words before: years or not, a number.
    ("Du kan ring på 2012 2015 imorgon.", [(15, 24, "PHONE_NUMBER")]),
    ("Please call me on 2019 2022 after lunch.", [(18, 27, "PHONE_NUMBER")]),
    ("Bel haar op 2020 2023 vanavond.", [(12, 21, "PHONE_NUMBER")]),
    ("Zadzwoń do mnie pod 2016 2018.", [(20, 29, "PHONE_NUMBER")]),
    ("Théo est joignable au 2045 2089 (Danemark).", [(22, 31, "PHONE_NUMBER")]),
    ("Sie ist erreichbar unter 2013 2056.", [(25, 34, "PHONE_NUMBER")]),
    ("Sales grew from 2019 2022 onwards.", []),
    ("Die Saisons 2045 2089 im Plan.", []),
    ("In der Liga 2019 2020 spielte er.", []),
    ("The number of cases in 2019 2020 fell.", []),
    ("We called it a year. 2019 2020 were calm.", []),
    # A dotted quad is an IP address, brackets or not.
    ("Received: from mail [209.85.208.41]", []),
    ("via 209.85.208.41 today", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_phone_spans(text: str, expected: list[tuple[int, int, str]]) -> None:
    """Valid numbers are found; order numbers, dates, versions are not."""
    found = [(f.start, f.end, f.entity) for f in PhoneRecognizer().analyze(text)]

    assert found == expected


@pytest.mark.parametrize(
    ("text", "score_below"),
    [("Betrag 168.000 EUR", True), ("total 123456789.00 due", True),
     ("phone 168.000.123", False),
     ("Call 12345678901 now", False),
     # A valid number is no quantity, whatever unit follows it.
     ("Processed 12345678901 ns", False), ("took 12345678901 ms", False)],
)  # fmt: skip
def test_amounts_are_no_phone_numbers_unless_a_phone_word_says_so(
    text: str, score_below: bool
) -> None:
    """Thousands groups and cents read as amounts: scored under min_score,
    unless a phone word says so."""
    [found] = PhoneRecognizer().analyze(text)

    assert (found.score < 0.5) is score_below


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("NIF 234567899", "PT_NIF"),
        ("personnummer 900515-1239", "SE_PERSONNUMMER"),
        ("BSN (234 567 818)", "NL_BSN"),
        # Written with "+", a number is a phone whatever word stands near.
        ("NIF? no: +351 234567899", "PHONE_NUMBER"),
    ],
)
def test_a_named_identifier_is_no_phone(text: str, entity: str) -> None:
    """A number that a checksummed identifier named by its word covers is
    that identifier, not also a phone number."""
    full = [f.entity for f in PatternLayer().analyze(text) if f.score >= 0.9]

    assert entity in full
    assert ("PHONE_NUMBER" in full) is (entity == "PHONE_NUMBER")


def test_number_dense_text_finds_the_phones_in_it_and_nothing_else() -> None:
    """100 KB of single digits (the cheap look turns most runs away before
    phonenumbers reads them), with two numbers in the middle."""
    filler = "1 " * 25_000
    text = filler + "Ruf mich an: +49 30 1234567. Appelez le 01 23 45 67 89. " + filler
    first = text.index("+49")
    second = text.index("01 23")

    found = [
        (f.start, f.end) for f in PhoneRecognizer().analyze(text, ("en", "de", "fr"))
    ]

    assert found == [(first, first + 14), (second, second + 14)]


def test_the_cheap_look_never_hides_a_number_the_matcher_finds() -> None:
    """Pieces turned away hold no valid number of the region."""
    from gdprgate.detect.patterns.phone import REGIONS, _may_hold_number

    for piece in (
        " 030 1234567,",
        " 0171 2345678 ",
        "(212) 555-0123",
        " 06 12 34 56 78.",
    ):
        assert any(_may_hold_number(piece, region) for region in REGIONS)
    assert not any(_may_hold_number(" 1 1 1 1 1 1 1 1 ", r) for r in ("DE", "US", "GB"))
