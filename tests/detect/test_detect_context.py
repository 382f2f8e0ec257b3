"""The context mechanism: one window of words for every recognizer."""

from __future__ import annotations

import pytest

from gdprgate.detect.context import has_context, window
from gdprgate.detect.context_words import CONTEXT_LANGUAGES, CONTEXT_WORDS


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("born on 12.03.1985", "12.03.1985", True),
        ("geboren am 12.03.1985", "12.03.1985", True),
        ("née le 12.03.1985", "12.03.1985", True),
        ("nacido el 12.03.1985", "12.03.1985", True),
        ("nato il 12.03.1985", "12.03.1985", True),
        ("geboren op 12.03.1985", "12.03.1985", True),
        ("urodzony 12.03.1985", "12.03.1985", True),
        ("nascido em 12.03.1985", "12.03.1985", True),
        ("född den 12.03.1985", "12.03.1985", True),
        ("date-of-birth 12.03.1985", "12.03.1985", True),
        ("reborn on 12.03.1985", "12.03.1985", False),
        ("one two three four five six seven born 12.03.1985", "12.03.1985", True),
        ("born. The meeting on 12.03.1985", "12.03.1985", False),
        ("meeting 12.03.1985", "12.03.1985", False),
    ],
)
def test_birth_words_in_every_language(text: str, value: str, expected: bool) -> None:
    """Phrases match on word boundaries, within the window, not across sentences."""
    start = text.index(value)

    assert has_context(text, start, start + len(value), "birth") is expected


def test_context_languages_limit_the_words() -> None:
    text = "geboren am 12.03.1985"
    start = text.index("12")

    assert has_context(text, start, len(text), "birth", ("de",))
    assert not has_context(text, start, len(text), "birth", ("fr",))


def test_window_counts_words_and_stays_in_bounds() -> None:
    text = "a b c d e VALUE f g h"
    start = text.index("VALUE")

    assert window(text, start, start + 5, 2, 1) == (text.index("d"), start + 7)
    assert window(text, start, start + 5, 0, 0) == (start, start + 5)


def test_every_language_has_words_for_every_language_key() -> None:
    """Keys without an 'any' entry carry all nine languages."""
    for key, table in CONTEXT_WORDS.items():
        if "any" not in table:
            assert set(CONTEXT_LANGUAGES) <= set(table), key


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("passport", "passnummer AB1234567", "AB1234567"),
        ("driver_license", "körkortsnummer 12345678", "12345678"),
        ("phone", "ring mig på 070-123 45 67", "070-123 45 67"),
        ("postcode", "postnummer 903 25", "903 25"),
        ("plate", "registreringsnummer ABC 123", "ABC 123"),
        ("username", "användarnamn sofia_e", "sofia_e"),
        ("case_number", "ärende 1234/21", "1234/21"),
        ("number_owner", "kundnummer 44556677", "44556677"),
        ("number_negative", "fakturanummer 20240415", "20240415"),
        ("pl_pesel", "identitetsnummer 44051401359", "44051401359"),
    ],
)
def test_swedish_words_count(key: str, text: str, value: str) -> None:
    start = text.index(value)

    assert has_context(text, start, start + len(value), key, ("sv",))
    assert not has_context(text, start, start + len(value), key, ("en",))
