"""CreditCardRecognizer: one table of positive and negative cases."""

import pytest

from gdprgate.detect.patterns import CreditCardRecognizer

# (text, expected [(start, end, entity)]); an empty list is a negative case.
CASES: list[tuple[str, list[tuple[int, int, str]]]] = [
    ("Visa 4111 1111 1111 1111 expires soon", [(5, 24, "CREDIT_CARD")]),
    ("card=4111-1111-1111-1111;", [(5, 24, "CREDIT_CARD")]),
    ("Amex 378282246310005.", [(5, 20, "CREDIT_CARD")]),
    (
        "Mastercard 5555555555554444 and Discover 6011 1111 1111 1117",
        [(11, 27, "CREDIT_CARD"), (41, 60, "CREDIT_CARD")],
    ),
    ("Luhn fails 4111 1111 1111 1112", []),
    ("all same 4444 4444 4444 4444", []),
    ("mixed separators 4111 1111-1111 1111", []),
    ("too long 4111 1111 1111 1111 2024", []),
    ("order 123456789012345", []),
    ("starts with 9: 9111111111111111", []),
    ("phone +49 30 1234567", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_credit_card_spans(text: str, expected: list[tuple[int, int, str]]) -> None:
    """Card numbers passing Luhn are found; Luhn failures and junk are not."""
    found = [(f.start, f.end, f.entity) for f in CreditCardRecognizer().analyze(text)]

    assert found == expected


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        # A 15-digit JCB number of the 1800 range.
        ("paid with 180016070420458 today", "180016070420458", 1.0),
        # 12-digit Maestro: full score only next to a card word.
        ("Maestro card 630427373398 please", "630427373398", 1.0),
        ("Karte 5018 6466 7909 bitte", "5018 6466 7909", 1.0),
        ("order 630427373398 shipped", "630427373398", 0.3),
        # Thirteen digits that are an EAN-13 barcode too: a card word decides.
        ("barcode 5901234123457", "5901234123457", 0.3),
        ("Code-barres 5901234123457", "5901234123457", 0.3),
        ("Karte 5901234123457", "5901234123457", 1.0),
    ],
)
def test_short_and_legacy_cards(text: str, value: str, score: float) -> None:
    [found] = CreditCardRecognizer().analyze(text)
    assert text[found.start : found.end] == value
    assert found.score == score


@pytest.mark.parametrize(
    "text",
    [
        # Twelve digits outside the Maestro ranges, or failing Luhn.
        "card 412345678905",
        "card 630427373399",
        # A 15-digit number of another range that happens to start with 1.
        "card 190016070420458",
    ],
)
def test_twelve_digit_numbers_outside_maestro_are_no_cards(text: str) -> None:
    assert CreditCardRecognizer().analyze(text) == []
