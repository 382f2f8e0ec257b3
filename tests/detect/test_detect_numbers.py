"""numbers: model-found numbers that context calls no one's are dropped."""

from __future__ import annotations

import pytest

from gdprgate.detect.finding import Finding
from gdprgate.detect.numbers import before_unit, drop_plain_numbers, is_personal_number


def _kept(
    text: str, value: str, source: str = "rampart", entity: str = "ID_NUMBER"
) -> bool:
    start = text.index(value)
    finding = Finding(start, start + len(value), entity, 0.9, source)
    kept = drop_plain_numbers(text, [finding])
    return any(f.start <= finding.start and finding.end <= f.end for f in kept)


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
    """Only the words say a code is no one's; upper-case hex is no hash."""
    assert _kept("Driving licence ABX-22931-K, expires 2030", "ABX-22931-K")
    assert _kept("customer token holder, ID ABX-22931-K", "ABX-22931-K")
    assert _kept("see 9FCEB02D0AE5 now", "9FCEB02D0AE5")


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


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("advertising_id=550e8400-e29b-41d4-a716-446655440000", "-e29b-41d4-a716-"),
        ("device id 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "6f1c2d3e"),
        ("idfa: 6d92078a-8246-4ba4-ae5b-76104861e7dc", "76104861e7dc"),
    ],
)
def test_a_piece_of_an_owned_uuid_masks_the_whole_uuid(text: str, piece: str) -> None:
    """A model reads a UUID in pieces; the piece it found stands for the
    whole token when an owner names it, so no piece stays in clear."""
    start = text.index(piece)
    found = Finding(start, start + len(piece), "ID_NUMBER", 0.9, "rampart")
    uuid = text.split()[-1].split("=")[-1]

    (kept,) = drop_plain_numbers(text, [found])

    assert text[kept.start : kept.end] == uuid
    assert (kept.entity, kept.source) == ("ID_NUMBER", "rampart")


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        # Unix times after a time key or inside a cookie, numbers after a
        # quantity key or before a unit.
        ("event_ts=1772446272", "1772446272", "TAX_ID"),
        ("event_ts_ms=1772446272345", "1772446272345", "TAX_ID"),
        ('{"created_at": 1772446272}', "1772446272", "ID_NUMBER"),
        ("Zeitstempel epoch 1772446272", "1772446272", "TAX_ID"),
        ("Set-Cookie: _ga=GA1.2.1234567890.1772446272", "1772446272", "TAX_ID"),
        ("Processed 100234567890 ns", "100234567890", "PHONE_NUMBER"),
        ("wrote 100234567891 bytes", "100234567891", "TAX_ID"),
        ("took 4821337712 ms\n", "4821337712", "TAX_ID"),
        ("offset 100234567890", "100234567890", "TAX_ID"),
        ("pid=48213377", "48213377", "ID_NUMBER"),
        # Lower-case hex tokens after a technical key, starting a git log
        # line, or inside a path or a pod's name.
        ("commit 7f3e2d1c reverted", "7f3e2d1c", "DRIVER_LICENSE"),
        ("trace_id=4bf92f3577b34da6", "4bf92f3577b34da6", "ID_NUMBER"),
        ("Request id 7f3e2d1c9a failed", "7f3e2d1c9a", "ID_NUMBER"),
        ('"etag": "7f3e2d1c9a8b"', "7f3e2d1c9a8b", "ID_NUMBER"),
        ("Build-Hash: 0a1b2c3d4e", "0a1b2c3d4e", "ID_NUMBER"),
        ("9e8f7a6 Bump redis from 4.6.12 to 4.6.13", "9e8f7a6", "DRIVER_LICENSE"),
        ("* 9e8f7a6 Fix\n* 1a2b3c4 Add", "1a2b3c4", "DRIVER_LICENSE"),
        ("see /blob/9e8f7a6/README", "9e8f7a6", "ID_NUMBER"),
        ("pod web-7d9c8b6f5-x2x4z restarted", "7d9c8b6f5", "DRIVER_LICENSE"),
        # A UUID a record's bare "id" names, split by the model.
        ('{"id": "c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b"}', "c3f1a2b4", "ID_NUMBER"),
        (
            '{"id": "c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b"}',
            "-5d6e-4f70-8a9b-0c1d2e3f4a5b",
            "DRIVER_LICENSE",
        ),
        # Part of a code after a negative word, or the word taken in.
        ("sku KAF-2281-BLK", "KAF", "DRIVER_LICENSE"),
        ("sku KAF-2281-BLK", "sku KAF-2281-BLK", "PERSON"),
        # Ports and punctuation.
        ("listening on port 6379", "port 6379", "LOCATION"),
        ("from 10.0.0.5 port 52114 ssh2", "port 52114 ssh2", "LOCATION"),
        ("build 2026.03.1-rc2", "-", "PHONE_NUMBER"),
    ],
)
def test_technical_numbers_and_codes_are_dropped(
    text: str, value: str, entity: str
) -> None:
    assert not _kept(text, value, entity=entity)


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        # A phone word keeps digits whatever key or unit stands near.
        ("Handy 1772446272 s", "1772446272", "PHONE_NUMBER"),
        ("Tel. 1772446272 ms", "1772446272", "PHONE_NUMBER"),
        # A bare word before a number is no key; a number off the epoch range
        # after a time key is no Unix time.
        ("call me at 1772446272", "1772446272", "PHONE_NUMBER"),
        ("Kunde seit 1772446272", "1772446272", "ID_NUMBER"),
        ("event_ts=3772446272", "3772446272", "TAX_ID"),
        # A word for the type, or an owner, keeps a hex-looking code.
        ("Führerschein 7f3e2d1c", "7f3e2d1c", "DRIVER_LICENSE"),
        ("passport c0ffee12", "c0ffee12", "PASSPORT"),
        ("customer 7f3e2d1c", "7f3e2d1c", "ID_NUMBER"),
        ("user_id: c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b", "c3f1a2b4", "ID_NUMBER"),
        # A hex token with no technical key is no one's only when it says so.
        ("session 7f3e2d1c expired", "7f3e2d1c", "DRIVER_LICENSE"),
        ("Sitzung 0a1b2c3d4e abgelaufen", "0a1b2c3d4e", "ID_NUMBER"),
        ("signed abe1984 today", "abe1984", "ID_NUMBER"),
        # Too short, no digit, or upper case: no hash.
        ("code 7f3e2d", "7f3e2d", "ID_NUMBER"),
        ("Ausweis T22000129", "T22000129", "ID_NUMBER"),
        # A port is a number up to 65535; a place on a port street stays.
        ("Port 70000 Avenue", "Port 70000 Avenue", "LOCATION"),
        ("lives in Port Talbot", "Port Talbot", "LOCATION"),
    ],
)
def test_numbers_and_codes_with_a_word_for_them_stay(
    text: str, value: str, entity: str
) -> None:
    assert _kept(text, value, entity=entity)


def test_a_quantity_key_or_unit_does_not_outweigh_an_owner() -> None:
    """Fail closed: a customer's number stays whatever unit word follows."""
    assert _kept("customer 100234567890 ns", "100234567890", entity="TAX_ID")
    assert not _kept("copied 100234567890 ns", "100234567890", entity="TAX_ID")


# Personal data a unit, a quantity key or a hex rule once left in clear
# (fictional numbers: drama ranges, invented IDs).
PERSONAL: list[tuple[str, str, str]] = [
    # A letter, a country code or a word after a phone number is no unit.
    ("pls call 07700900123 B. Okafor re: results", "07700900123", "PHONE_NUMBER"),
    ("bitte 015123456789 B. Müller zurückrufen", "015123456789", "PHONE_NUMBER"),
    ("Proszę oddzwonić: 600123456 B. Nowak", "600123456", "PHONE_NUMBER"),
    ("call 2125550143 B Johnson", "2125550143", "PHONE_NUMBER"),
    ("left a voicemail on 07700900123 us this morning", "07700900123", "TAX_ID"),
    ("Emergency contact 447700900123 GB (mother)", "447700900123", "TAX_ID"),
    ("Okonkwo 447700900123 GB\nMüller 4915123456789 DE", "4915123456789", "TAX_ID"),
    ("paged 07700900123 ms Okafor at 3am", "07700900123", "DATE_TIME"),
    ("rozmiar 85031212345 B", "85031212345", "TAX_ID"),
    # A phone number or a national ID after a quantity or a time key.
    ("Okonkwo len=447700900123", "447700900123", "PHONE_NUMBER"),
    ("count: 85031212345 (PESEL of Okonkwo)", "85031212345", "TAX_ID"),
    ("last seen at: 1012851234", "1012851234", "DATE_TIME"),
    ("ts=1012851234 cpr", "1012851234", "TAX_ID"),
    ("storlek: size 8112189876", "8112189876", "TAX_ID"),
    ("Processed 12345678901 ns", "12345678901", "PHONE_NUMBER"),
    # Hex tokens a device, a customer, a card or a session names.
    ("advertising_id=38400000a8cb00d0", "38400000a8cb00d0", "ID_NUMBER"),
    ("device id 9774d56d682e549c (Okonkwo phone)", "9774d56d682e549c", "ID_NUMBER"),
    ("Kundennr: 7f3e2d1c9a, Frau Okonkwo", "7f3e2d1c9a", "ID_NUMBER"),
    ("loyalty card 7f3e2d1c9a8b (Okonkwo)", "7f3e2d1c9a8b", "DRIVER_LICENSE"),
    ("klantnummer 3e8a1f09c2", "3e8a1f09c2", "ID_NUMBER"),
    ("licence no. ab12cd34ef", "ab12cd34ef", "ID_NUMBER"),
    ("session 7f3e2d1c9a request", "7f3e2d1c9a", "ID_NUMBER"),
]


@pytest.mark.parametrize(("text", "value", "entity"), PERSONAL)
def test_personal_numbers_near_units_and_keys_stay(
    text: str, value: str, entity: str
) -> None:
    assert _kept(text, value, entity=entity)


def test_a_person_found_near_a_number_keeps_it_but_not_a_commit_hash() -> None:
    """A name the models found near a quantity's digits may own them; a
    hex token with technical evidence stays no one's."""
    text = "Okonkwo len=100234567890"
    number = Finding(12, 24, "ID_NUMBER", 0.9, "rampart")
    person = Finding(0, 7, "PERSON", 0.9, "rampart")
    assert drop_plain_numbers(text, [number]) == []
    assert drop_plain_numbers(text, [number, person]) == [number, person]

    text = "9e8f7a6 Bump redis from 4.6.12 to 4.6.13"
    code = Finding(0, 7, "DRIVER_LICENSE", 0.9, "rampart")
    person = Finding(13, 18, "PERSON", 0.9, "rampart")
    assert drop_plain_numbers(text, [code, person]) == [person]


@pytest.mark.parametrize(
    ("text", "is_unit"),
    [
        ("1 ns", True), ("1 µs", True), ("1 ms", True), ("1 seconds", True),
        ("1 bytes. Then", True), ("1 KiB", True), ("1 MB", True),
        ("1 B", False), ("1 s", False), ("1 us", False), ("1 GB", False),
        ("1 DE", False), ("1 MB. Okafor", False), ("1 ms Okafor", False),
        ("1 msg", False),
    ],
)  # fmt: skip
def test_only_unambiguous_units_count(text: str, is_unit: bool) -> None:
    """Letters a name or a country may be written with are no unit."""
    assert before_unit(text, 1) is is_unit


@pytest.mark.parametrize(
    ("digits", "personal"),
    [
        ("07700900123", True),  # a national number valid in a region
        ("447700900123", True),  # a country code and a possible number
        ("1012851234", True),  # a Danish CPR date
        ("8112189876", True),  # a Swedish personnummer (Luhn)
        ("1772446272", False),  # a Unix time
        ("1772446272345", False),  # a Unix time in milliseconds
        ("100234567890", False),
    ],
)
def test_phone_numbers_and_national_ids_are_personal(
    digits: str, personal: bool
) -> None:
    assert is_personal_number(digits) is personal


def test_a_name_that_looks_hexadecimal_stays() -> None:
    """Only identifiers are dropped from a hex-looking token, never a name."""
    assert _kept("signed abe1984 today", "abe1984", entity="PERSON")
    assert not _kept("commit abe1984 today", "abe1984", entity="ID_NUMBER")
