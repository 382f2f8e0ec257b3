"""Surrogates: same value, same fake under one key; shape kept; never equal."""

from __future__ import annotations

import re

import pytest
from stdnum import iban, luhn

from gdprgate.datasets import Surrogates, surrogate_key
from tests.support.canary import EMAIL, IBAN, PERSON, PHONE

KEY = surrogate_key(b"\x01" * 32)


def test_same_value_gets_the_same_fake_in_a_new_instance() -> None:
    first = Surrogates(KEY).make("PERSON", PERSON, "de")
    again = Surrogates(KEY).make("PERSON", PERSON.upper().lower().title(), "de")
    assert first == again
    assert first != PERSON


def test_another_key_gives_another_fake() -> None:
    other = surrogate_key(b"\x02" * 32)
    assert Surrogates(KEY).make("EMAIL_ADDRESS", EMAIL) != Surrogates(other).make(
        "EMAIL_ADDRESS", EMAIL
    )


def test_iban_stays_a_valid_iban_of_the_same_country_and_grouping() -> None:
    fake = Surrogates(KEY).make("IBAN_CODE", IBAN, "de")
    assert iban.is_valid(fake)
    assert fake[:2] == "DE"
    assert [len(part) for part in fake.split(" ")] == [4, 4, 4, 4, 4, 2]
    assert fake.replace(" ", "") != IBAN.replace(" ", "")


def test_card_keeps_length_brand_digit_and_luhn() -> None:
    fake = Surrogates(KEY).make("CREDIT_CARD", "4111 1111 1111 1111")
    assert re.fullmatch(r"4\d{3} \d{4} \d{4} \d{4}", fake)
    assert luhn.is_valid(fake.replace(" ", ""))


def test_phone_keeps_prefix_and_punctuation() -> None:
    fake = Surrogates(KEY).make("PHONE_NUMBER", PHONE, "de")
    assert re.fullmatch(r"\+49 \d\d \d{6}", fake)
    assert fake != PHONE


@pytest.mark.parametrize(
    ("value", "shape"),
    [
        ("2021-03-04", r"\d{4}-\d\d-\d\d"),
        ("04.03.2021", r"\d\d\.\d\d\.\d{4}"),
        ("4/3/21", r"\d{1,2}/\d{1,2}/\d\d"),
        ("4 March 2021", r"\d{1,2} [A-Z][a-z]+ \d{4}"),
    ],
)
def test_dates_stay_dates_in_the_same_format(value: str, shape: str) -> None:
    fake = Surrogates(KEY).make("DATE_TIME", value)
    assert re.fullmatch(shape, fake), fake
    assert fake != value


def test_person_keeps_word_count_and_case() -> None:
    surrogates = Surrogates(KEY)
    assert len(surrogates.make("PERSON", PERSON, "de").split()) == 2
    assert surrogates.make("PERSON", "VESTERHOLM", "de").isupper()


def test_fake_never_equals_the_value_for_many_values() -> None:
    surrogates = Surrogates(KEY)
    for number in range(300):
        value = f"{number % 10}"
        fake = surrogates.make("AGE", value)
        assert fake != value
