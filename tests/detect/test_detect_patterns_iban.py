"""IbanRecognizer: IBANs, one table of positive and negative cases."""

import pytest

from gdprgate.detect.patterns import IbanRecognizer
from gdprgate.detect.patterns.base import FORMAT_SCORE, VALIDATED_SCORE

# (text, expected [(start, end, entity)]); an empty list is a negative case.
CASES: list[tuple[str, list[tuple[int, int, str]]]] = [
    ("IBAN DE89 3704 0044 0532 0130 00 please", [(5, 32, "IBAN_CODE")]),
    ("Pay to DE89370400440532013000.", [(7, 29, "IBAN_CODE")]),
    (
        "GB: GB82 WEST 1234 5698 7654 32, FR: FR14 2004 1010 0505 0001 3M02 606",
        [(4, 31, "IBAN_CODE"), (37, 70, "IBAN_CODE")],
    ),
    (
        "NL91ABNA0417164300 and ES9121000418450200051332",
        [(0, 18, "IBAN_CODE"), (23, 47, "IBAN_CODE")],
    ),
    (
        "DE89 3704 0044 0532 0130 00 1234 is followed by more digits",
        [(0, 27, "IBAN_CODE")],
    ),
    ("wrong check digit DE88 3704 0044 0532 0130 00", []),
    ("wrong check digit DE89370400440532013001", []),
    ("too short DE89 3704 0044 0532 0130", []),
    ("order ABCD12345678901234", []),
    ("ref XX00 1234 5678", []),
    # Lower case, dashes, JSON, Markdown tables and CSV lines.
    ("IBAN: de89 3704 0044 0532 0130 00.", [(6, 33, "IBAN_CODE")]),
    ("Konto de89370400440532013000", [(6, 28, "IBAN_CODE")]),
    ("IBAN FR14-2004-1010-0505-0001-3M02-606", [(5, 38, "IBAN_CODE")]),
    ('{"iban": "nl91abna0417164300"}', [(10, 28, "IBAN_CODE")]),
    ("| rekening | es91 2100 0418 4502 0005 1332 |", [(13, 42, "IBAN_CODE")]),
    ("conto,IT60X0542811101000000123456\r\n", [(6, 33, "IBAN_CODE")]),
    ("lower case, wrong check de88 3704 0044 0532 0130 00", []),
    ("one kind of separator DE89 3704-0044 0532 0130 00", []),
    # Grouped any way, a space after the country code too, in every country.
    ("IBAN DE 41 3704 0044 0532 0130 88", [(5, 33, "IBAN_CODE")]),
    ("Konto: DE41 37040044 0532013088.", [(7, 31, "IBAN_CODE")]),
    ("IBAN: AT 61 1904 3002 3457 3201 bitte", [(6, 31, "IBAN_CODE")]),
    ("PL 61 1090 1014 0000 0712 1981 2874, dziękuję", [(0, 35, "IBAN_CODE")]),
    ("conto IT 60 X 05428 11101 000000123456", [(6, 38, "IBAN_CODE")]),
    ("SE 45 5000 0000 0583 9825 7466 och", [(0, 30, "IBAN_CODE")]),
    ("PT 50 0002 0123 1234 5678 9015 4", [(0, 32, "IBAN_CODE")]),
    ("DE 41 3704 0044 0532 0130 88 1234", [(0, 28, "IBAN_CODE")]),
    # After the word IBAN a mistyped account is still someone's: fail closed.
    ("IBAN DE42 3704 0044 0532 0130 88", [(5, 32, "IBAN_CODE")]),
    ("IBAN: DE 42 3704 0044 0532 0130 88", [(6, 34, "IBAN_CODE")]),
    ("konto DE 42 3704 0044 0532 0130 88", []),
    ("IBAN DE42 3704 0044 0532 0130", []),
    # Words of a sentence never join the groups.
    ("ES 12 de marzo de 2024 en la sala grande", []),
    ("ES 12 DE MARZO DE 2024 EN LA SALA GRANDE ABC", []),
    # Outside the registry only capitals may name a country.
    ("QQ1212345678901234567", [(0, 21, "IBAN_CODE")]),
    ("code qq1212345678901234567", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_iban_spans(text: str, expected: list[tuple[int, int, str]]) -> None:
    """IBANs are found with or without spaces; a bad checksum drops them."""
    found = [(f.start, f.end, f.entity) for f in IbanRecognizer().analyze(text)]

    assert found == expected


def test_a_mistyped_iban_after_its_word_scores_below_a_valid_one() -> None:
    """A checksum that fails is reported after "IBAN" at the format score,
    a valid one at the full score."""
    text = "IBAN DE42 3704 0044 0532 0130 88, IBAN DE41 3704 0044 0532 0130 88"

    scores = [f.score for f in IbanRecognizer().analyze(text)]

    assert scores == [FORMAT_SCORE, VALIDATED_SCORE]
