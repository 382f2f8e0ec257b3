"""A phone number beside an e-mail address in compact JSON or CSV is still
found (only digits inside an address belong to it)."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns import PhoneRecognizer

CASES = [
    '{"phone":"+4930901820","email":"annika@example.org"}',
    '{"email":"annika@example.org","phone":"+4930901820"}',
    "Annika;+4930901820;annika@example.org",
    "Tel:0301234567,Mail:annika@example.org",
]


@pytest.mark.parametrize("text", CASES)
def test_phone_beside_an_address_is_found(text: str) -> None:
    found = [f.entity for f in PhoneRecognizer().analyze(text)]
    assert "PHONE_NUMBER" in found, text


def test_control_same_phone_alone_is_found() -> None:
    assert [f.entity for f in PhoneRecognizer().analyze('{"phone":"+4930901820"}')] == [
        "PHONE_NUMBER"
    ]
