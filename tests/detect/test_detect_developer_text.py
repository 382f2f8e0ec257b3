"""The default detector on what a developer pastes: CSV, SQL, logs, JSON."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector

pytestmark = pytest.mark.ner

# (text, language, expected (value, entity) pairs that must be found)
FOUND: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "id,dob\n1,1992-01-05\n2,1984-07-19\n3,1979-03-02",
        "en",
        [("1992-01-05", "DATE_OF_BIRTH"), ("1984-07-19", "DATE_OF_BIRTH"),
         ("1979-03-02", "DATE_OF_BIRTH")],
    ),
    (
        "INSERT INTO patients (name, date_of_birth) VALUES "
        "('Lena Hoffmann', '1992-01-05'), ('Marcus Delgado', '1984-07-19');",
        "de",
        [("1992-01-05", "DATE_OF_BIRTH"), ("1984-07-19", "DATE_OF_BIRTH")],
    ),
    (
        "| Name | Geburtsdatum |\n|---|---|\n| Lena Hoffmann | 05.01.1992 |\n"
        "| Marcus Delgado | 19.07.1984 |",
        "de",
        [("05.01.1992", "DATE_OF_BIRTH"), ("19.07.1984", "DATE_OF_BIRTH")],
    ),
    ('{"phone":"+44 7700 900123","build":"x"}', "en",
     [("+44 7700 900123", "PHONE_NUMBER")]),
    ("mobile: +44 7700 900124, build 1842", "en",
     [("+44 7700 900124", "PHONE_NUMBER")]),
    ("Received: from mail [209.85.208.41]", "en", [("209.85.208.41", "IP_ADDRESS")]),
    ("server 2001:db8::1 up", "en", [("2001:db8::1", "IP_ADDRESS")]),
]  # fmt: skip

# Technical text in which nothing is personal data.
NOTHING: list[str] = [
    "svc:x:1000:1000::/bin/false",
    "std::vector<int> v; a::b",
    "event_ts=1772446272",
    "event_ts_ms=1772446272345",
    "Set-Cookie: _ga=GA1.2.1234567890.1772446272",
    "took 100234567890 ns",
    "offset 100234567890",
    "9e8f7a6 Bump redis from 4.6.12 to 4.6.13",
    "commit 7f3e2d1c reverted",
    "pod web-7d9c8b6f5-x2x4z restarted",
    "request_id=4bf92f3577b34da6 took 12 ms",
    '{"id": "c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b"}',
    "sku KAF-2281-BLK",
    "listening on port 6379",
    "Seen on macOS 14.3.",
]


# Personal data next to what looks like a unit, a quantity key or a
# technical token: each value must lie inside a finding.
MASKED: list[tuple[str, str, list[str]]] = [
    ("pls call 07700900123 B. Okafor re: results", "en", ["07700900123"]),
    ("bitte 015123456789 B. Müller zurückrufen", "de", ["015123456789"]),
    ("Proszę oddzwonić: 600123456 B. Nowak", "pl", ["600123456"]),
    ("left a voicemail on 07700900123 us this morning", "en", ["07700900123"]),
    ("Emergency contact 447700900123 GB (mother)", "en", ["447700900123"]),
    ("Okonkwo 447700900123 GB\nMüller 4915123456789 DE", "en",
     ["447700900123", "4915123456789"]),
    ("Okonkwo len=447700900123", "en", ["447700900123"]),
    ("count: 85031212345 (PESEL of Okonkwo)", "en", ["85031212345"]),
    ("advertising_id=38400000a8cb00d0", "en", ["38400000a8cb00d0"]),
    ("device id 9774d56d682e549c (Okonkwo phone)", "en", ["9774d56d682e549c"]),
    ("Kundennr: 7f3e2d1c9a, Frau Okonkwo", "de", ["7f3e2d1c9a"]),
    ("loyalty card 7f3e2d1c9a8b (Okonkwo)", "en", ["7f3e2d1c9a8b"]),
    ("Okonkwo was admitted Friday 13.03.2026.", "en", ["Friday 13.03.2026"]),
    ("surgery on Tuesday 12.03", "en", ["Tuesday 12.03"]),
    ("Appointment Tuesday 12.03.2026 at the clinic.", "en", ["12.03.2026"]),
    ("Neonate record. Born: 2025-11-30 04:12, mother Okonkwo.", "en",
     ["2025-11-30", "04:12"]),
    ("client IP fdce:de::ae connected", "en", ["fdce:de::ae"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "values"), MASKED)
def test_personal_data_next_to_technical_words_is_masked(
    full_detector: Detector, text: str, language: str, values: list[str]
) -> None:
    found = full_detector.analyze(text, language)

    for value in values:
        start = text.index(value)
        end = start + len(value)
        assert any(f.start <= start and end <= f.end for f in found), value


@pytest.mark.parametrize(("text", "language", "expected"), FOUND)
def test_personal_data_in_pasted_text_is_found(
    full_detector: Detector, text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    found = {
        (text[f.start : f.end], f.entity) for f in full_detector.analyze(text, language)
    }

    assert set(expected) <= found


@pytest.mark.parametrize("text", NOTHING)
def test_technical_tokens_are_left_alone(full_detector: Detector, text: str) -> None:
    assert full_detector.analyze(text, "en") == []
