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
        ("Ordernummer 44556677 verzonden.", "44556677"),
        ("Ordernummer: 44556677", "44556677"),
        ("fakturanummer 20240415", "20240415"),
        ("Ordrenummer 55667788 er sendt.", "55667788"),
        ("Sendungsnummer 00340434161094042557", "00340434161094042557"),
        ("part number 7781-2234-99 is out", "7781-2234-99"),
        # A number the model read with its spaces is checked as one.
        ("Build 4482 1937 failed", "4482 1937"),
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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our SKU ABX-22931-K is out of stock.", "ABX-22931-K"),
        ("Tracking number 1Z999AA10123456784 (UPS).", "1Z999AA10123456784"),
        ("Le colis n° 8R01234567890 sera livré.", "8R01234567890"),
        ("API key sk-test-51HxYzAbCdEf", "51HxYzAbCdEf"),
        ("Spårningsnummer KX4471900SE har skickats.", "KX4471900SE"),
    ],
)
def test_codes_that_say_what_they_are_not_are_dropped(text: str, value: str) -> None:
    """Codes of letters and digits follow the same words as plain numbers."""
    assert not _kept(text, value, entity="DRIVER_LICENSE")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed it.",
            "9fceb02d0ae598e",
        ),
        (
            "Request id 3f2b9c1e-8a4d-4e2b-9f6a-1c2d3e4f5a6b failed.",
            "8a4d-4e2b-9f6a-1c2d3e4f5a6b",
        ),
        ("Request id 3f2b9c1e-8a4d-4e2b-9f6a-1c2d3e4f5a6b failed.", "3f2b9c1e"),
        ("md5 d41d8cd98f00b204e9800998ecf8427e", "d41d8cd98f00b204e9800998ecf8427e"),
    ],
)
def test_anything_inside_a_uuid_or_a_hash_is_dropped(text: str, value: str) -> None:
    assert not _kept(text, value, source="pattern:phone", entity="PHONE_NUMBER")
    assert not _kept(text, value)


def test_a_code_with_an_owner_or_no_word_stays() -> None:
    """Only the words say a code is no one's; a hash shape needs 32+ digits."""
    assert _kept("Driving licence ABX-22931-K, expires 2030", "ABX-22931-K")
    assert _kept("customer token holder, ID ABX-22931-K", "ABX-22931-K")
    assert _kept("see 9fceb02d0ae5 now", "9fceb02d0ae5")


def test_an_ean_after_a_customer_word_is_still_a_barcode() -> None:
    """A valid GS1 check digit and an EAN word outweigh an owner word; the
    customer's own number, nearer to its owner word, stays."""
    text = "Kunde 88231944 reklamiert Artikel 4006381333931 (EAN)."
    assert not _kept(text, "4006381333931", entity="TAX_ID")
    assert _kept(text, "88231944")
    # A wrong check digit is no barcode; the owner word is then nearer.
    assert _kept("Kunde 4006381333932 (EAN)", "4006381333932", entity="TAX_ID")


def test_an_owner_word_inside_a_negative_phrase_does_not_count() -> None:
    assert not _kept("Request id 48213377 failed.", "48213377")
    assert _kept("Patient ID 48213377 failed.", "48213377")


def test_a_uuid_someone_owns_is_kept() -> None:
    """A user's or customer's UUID is an online identifier."""
    text = "user_id: 550e8400-e29b-41d4-a716-446655440000 is Anna's"
    assert _kept(text, "446655440000")
    assert _kept("Customer 550e8400-e29b-41d4-a716-446655440000", "550e8400")
    # A negative word nearer than the owner word: a request's id.
    assert not _kept("user request id 550e8400-e29b-41d4-a716-446655440000", "550e8400")
