"""Surrogate shapes: national IBAN checks, dates in the record's language,
phone prefixes and widths, names consistent by parts with titles kept."""

from __future__ import annotations

import re
from datetime import date
from importlib import import_module

import pytest
from stdnum import iban

from gdprgate.datasets import Surrogates, surrogate_key
from gdprgate.datasets.surrogate import LOCALES
from gdprgate.datasets.surrogate_dates import widen_weekdays

KEYS = [surrogate_key(bytes([seed]) * 32) for seed in range(1, 9)]
KEY = KEYS[0]

# Fictional IBANs that pass stdnum's national checks (BE, ES, ME, NO) and
# a few others.
IBANS = [
    "BE17 3201 2345 6721",
    "ES91 2100 0418 4502 0005 1332",
    "ME25 5050 0001 2345 6789 51",
    "NO93 8601 1117 947",
    "DE89 3704 0044 0532 0130 00",
    "FR14 2004 1010 0505 0001 3M02 606",
    "NL91 ABNA 0417 1643 00",
]
_FRENCH = """
janvier février mars avril mai juin juillet août septembre octobre novembre
décembre
"""
FRENCH = _FRENCH.split()
FRENCH_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


@pytest.mark.parametrize("value", IBANS)
def test_iban_fake_passes_the_national_check_digits(value: str) -> None:
    assert iban.is_valid(value)
    for key in KEYS:
        fake = Surrogates(key).make("IBAN_CODE", value)
        assert iban.is_valid(fake), fake
        assert fake[:2] == value[:2]
        assert [len(p) for p in fake.split()] == [len(p) for p in value.split()]


MONTHS = {
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre "
    "ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september "
    "oktober november december",
    "de": "januar februar märz april mai juni juli august september oktober "
    "november dezember",
}


@pytest.mark.parametrize(
    ("value", "language"),
    [("3 marzo 1987", "it"), ("3 april 1987", "nl"), ("3 Mai 1987", "de")],
)
def test_a_shared_month_name_is_read_in_the_record_language(
    value: str, language: str
) -> None:
    months = MONTHS[language].split()
    for key in KEYS:
        fake = Surrogates(key).make("DATE_OF_BIRTH", value, language)
        day, month, year = fake.split()
        assert month.casefold() in months, fake
        date(int(year), months.index(month.casefold()) + 1, int(day))


def test_a_french_date_stays_french_for_every_key() -> None:
    for key in KEYS:
        fake = Surrogates(key).make("DATE_OF_BIRTH", "3 mai 1987", "fr")
        day, month, year = fake.split()
        assert month in FRENCH, fake
        date(int(year), FRENCH.index(month) + 1, int(day))


@pytest.mark.parametrize("value", ["mardi 3 mars 1987", "mardi 03/03/1987"])
def test_a_leading_weekday_is_that_of_the_fake_date(value: str) -> None:
    for key in KEYS:
        fake = Surrogates(key).make("DATE_OF_BIRTH", value, "fr")
        weekday, rest = fake.split(" ", 1)
        core = Surrogates(key).make("DATE_OF_BIRTH", value.split(" ", 1)[1], "fr")
        assert rest == core
        if "/" in rest:
            day, month, year = (int(p) for p in rest.split("/"))
        else:
            d, name, y = rest.split()
            day, month, year = int(d), FRENCH.index(name) + 1, int(y)
        assert weekday == FRENCH_DAYS[date(year, month, day).weekday()], fake


def test_a_weekday_before_a_date_span_joins_the_span() -> None:
    text = "Né le mardi 3 mars 1987."
    start = text.index("3 mars")
    spans = [(start, start + len("3 mars 1987"), "DATE_OF_BIRTH")]
    [(new_start, end, _)] = widen_weekdays(text, spans)
    assert text[new_start:end] == "mardi 3 mars 1987"
    assert widen_weekdays("Le 3 mars", [(3, 9, "DATE_TIME")]) == [(3, 9, "DATE_TIME")]
    assert widen_weekdays("Anna mardi", [(0, 4, "PERSON")]) == [(0, 4, "PERSON")]


@pytest.mark.parametrize(
    ("value", "shape"),
    [
        ("+49\u201130\u2011901820", r"\+49\u2011\d\d\u2011\d{6}"),
        ("+49 (0)30 901820-12", r"\+49 \(0\)\d\d \d{6}-\d\d"),
        ("＋４９ ３０ ９０１８２０", r"＋４９ [０-９]{2} [０-９]{6}"),
        ("+1 212 555 0100", r"\+1 \d{3} \d{3} \d{4}"),
        ("+353 1 555 0100", r"\+353 \d \d{3} \d{4}"),
    ],
)
def test_phone_keeps_country_code_trunk_prefix_and_digit_width(
    value: str, shape: str
) -> None:
    for key in KEYS:
        fake = Surrogates(key).make("PHONE_NUMBER", value, "de")
        assert re.fullmatch(shape, fake), fake
        assert fake != value


def test_name_parts_map_to_the_parts_of_the_full_name_fake() -> None:
    """Same value, same fake: each word's fake depends on the word alone."""
    for key in KEYS:
        full = Surrogates(key).make("PERSON", "Annika Vesterholm", "en")
        given, surname = full.split()
        later = Surrogates(key)
        assert later.make("PERSON", "Annika", "en") == given
        assert later.make("PERSON", "Vesterholm", "en") == surname
        assert later.make("PERSON", "Ms. Vesterholm", "en") == f"Ms. {surname}"


@pytest.mark.parametrize(
    ("value", "title"),
    [
        ("Ms. Vesterholm", "Ms. "),
        ("Frau Vesterholm", "Frau "),
        ("Herr Prof. Dr. Vesterholm", "Herr Prof. Dr. "),
        ("Mme Vesterholm", "Mme "),
        ("Sr. Vesterholm", "Sr. "),
        ("Dr. Vesterholm", "Dr. "),
    ],
)
def test_a_title_is_kept_and_the_name_after_it_replaced(value: str, title: str) -> None:
    fake = Surrogates(KEY).make("PERSON", value, "de")
    assert fake.startswith(title)
    assert fake != value
    assert len(fake[len(title) :].split()) == 1


def test_a_female_title_gets_a_female_given_name() -> None:
    females = set(
        import_module("faker.providers.person.de_DE").Provider.first_names_female
    )
    for key in KEYS:
        fake = Surrogates(key).make("PERSON", "Frau Ulrike", "de")
        assert fake.startswith("Frau ")
        assert fake.split()[1] in females, fake


def test_a_lone_given_name_becomes_a_given_name() -> None:
    """A given name of its name lists' locale (Annika: Swedish or German)."""
    given = {
        name
        for locale in LOCALES.values()
        for name in import_module(
            f"faker.providers.person.{locale}"
        ).Provider.first_names
    }
    for key in KEYS:
        fake = Surrogates(key).make("PERSON", "Annika", "en")
        assert fake in given, fake
