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
    "Processed 12345678901 ns",
    "offset 100234567890",
    "session 7f3e2d1c expired",
    "9e8f7a6 Bump redis from 4.6.12 to 4.6.13",
    '{"id": "c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b"}',
    "sku KAF-2281-BLK",
    "listening on port 6379",
    "Seen on macOS 14.3.",
]


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
