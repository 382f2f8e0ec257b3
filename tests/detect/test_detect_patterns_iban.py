"""IbanRecognizer: IBANs, one table of positive and negative cases."""

import pytest

from gdprgate.detect.patterns import IbanRecognizer

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
    # Outside the registry only capitals may name a country.
    ("QQ1212345678901234567", [(0, 21, "IBAN_CODE")]),
    ("code qq1212345678901234567", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_iban_spans(text: str, expected: list[tuple[int, int, str]]) -> None:
    """IBANs are found with or without spaces; a bad checksum drops them."""
    found = [(f.start, f.end, f.entity) for f in IbanRecognizer().analyze(text)]

    assert found == expected
