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
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_iban_spans(text: str, expected: list[tuple[int, int, str]]) -> None:
    """IBANs are found with or without spaces; a bad checksum drops them."""
    found = [(f.start, f.end, f.entity) for f in IbanRecognizer().analyze(text)]

    assert found == expected
