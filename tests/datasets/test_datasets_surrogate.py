"""Surrogates: same value, same fake under one key; shape kept; never equal."""

from __future__ import annotations

import re
from datetime import date

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


@pytest.mark.parametrize(
    ("entity", "spellings"),
    [
        ("IBAN_CODE", ["DE89370400440532013000", "DE89 3704 0044 0532 0130 00"]),
        ("PHONE_NUMBER", ["+49 170 1234567", "+491701234567", "+49-170-1234567"]),
        ("CREDIT_CARD", ["4111111111111111", "4111-1111-1111-1111"]),
    ],
)
def test_each_spelling_of_one_value_keeps_its_own_layout(
    entity: str, spellings: list[str]
) -> None:
    """One fake per value; each spelling of it laid out as it was written."""
    surrogates = Surrogates(KEY)
    fakes = [surrogates.make(entity, spelling, "de") for spelling in spellings]
    assert len({re.sub(r"[^0-9A-Z+]", "", fake) for fake in fakes}) == 1
    for spelling, fake in zip(spellings, fakes, strict=True):
        assert re.sub(r"[0-9A-Z]", "x", fake) == re.sub(r"[0-9A-Z]", "x", spelling)
        assert fake != spelling


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


@pytest.mark.parametrize(
    ("value", "weekdays"),
    [
        (
            "Tuesday, 5 March 1991",
            "monday tuesday wednesday thursday friday saturday sunday",
        ),
        ("mardi 5 mars 1991", "lundi mardi mercredi jeudi vendredi samedi dimanche"),
        (
            "Dienstag, 5. März 1991",
            "montag dienstag mittwoch donnerstag freitag samstag sonntag",
        ),
    ],
)
def test_a_written_date_keeps_a_true_weekday(value: str, weekdays: str) -> None:
    """The weekday of a fake date is that of its day, month and year."""
    months = {
        name: number
        for group in (
            "january february march april may june july august september "
            "october november december",
            "janvier février mars avril mai juin juillet août septembre "
            "octobre novembre décembre",
            "januar februar märz april mai juni juli august september "
            "oktober november dezember",
        )
        for number, name in enumerate(group.split(), start=1)
    }
    for seed in range(20):
        fake = Surrogates(surrogate_key(bytes([seed]) * 32)).make("DATE_TIME", value)
        words = re.findall(r"\w+", fake.casefold())
        [weekday] = [w for w in words if w in weekdays.split()]
        [month] = [months[w] for w in words if w in months]
        day, year = (int(w) for w in words if w.isdigit())
        expected = weekdays.split()[date(year, month, day).weekday()]
        assert weekday == expected, fake
