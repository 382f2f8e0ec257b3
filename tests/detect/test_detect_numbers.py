"""numbers: model-found numbers that context calls no one's are dropped."""

from __future__ import annotations

import pytest

from gdprgate.detect.finding import Finding
from gdprgate.detect.numbers import drop_plain_numbers


def _kept(
    text: str, value: str, source: str = "rampart", entity: str = "ID_NUMBER"
) -> bool:
    start = text.index(value)
    finding = Finding(start, start + len(value), entity, 0.9, source)
    return drop_plain_numbers(text, [finding]) == [finding]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ISBN 978-3-16-148410-0", "978-3-16-148410-0"),
        ("Build 20240501.3 failed again", "20240501.3"),
        ("The timestamp 1717171717171 marks it.", "1717171717171"),
        ("Your order 48213377 has shipped.", "48213377"),
        ("Bitte die Rechnungsnummer 20240042 angeben.", "20240042"),
        ("Numéro de commande : 55512345", "55512345"),
        ("número de pedido 99887766", "99887766"),
    ],
)
def test_numbers_that_say_what_they_are_not_are_dropped(text: str, value: str) -> None:
    assert not _kept(text, value)


@pytest.mark.parametrize(
    ("text", "value", "source"),
    [
        ("My ID number is 48213377.", "48213377", "rampart"),
        ("Call me on 0171 2345678 tomorrow.", "0171 2345678", "spacy"),
        ("Application no. 12345/04 was lodged.", "12345/04", "rampart"),  # a case
        ("Az. 3 O 112/21 des Landgerichts", "112/21", "rampart"),
        ("ISBN 978-3-16-148410-0", "978-3-16-148410-0", "pattern:isbn"),  # no model
        ("Order placed by Anna Weber", "Anna Weber", "rampart"),  # not a number
        ("saved at 3717171717171 by the job", "3717171717171", "rampart"),  # no epoch
        ("the order arrived. Far below: my number 48213377", "48213377", "rampart"),
    ],
)
def test_other_numbers_and_other_findings_stay(
    text: str, value: str, source: str
) -> None:
    assert _kept(text, value, source)


def test_a_thirteen_digit_date_is_a_millisecond_timestamp_but_an_id_is_not() -> None:
    """A Romanian CNP or a JMBG has thirteen digits too."""
    text = "saved at 1717171717171 by the job"
    assert not _kept(text, "1717171717171", entity="DATE_TIME")
    assert _kept(text, "1717171717171", entity="TAX_ID")
    assert _kept("CNP 1850512123456, Ion", "1850512123456", entity="TAX_ID")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Invoice for customer 88231944, Jana Novak, Linz.", "88231944"),
        ("Rechnung an Kunde 4471122 geschickt", "4471122"),
        ("order placed, patient ID 55123", "55123"),
    ],
)
def test_a_number_someone_owns_stays_near_an_order_word(text: str, value: str) -> None:
    assert _kept(text, value)
