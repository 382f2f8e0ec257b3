"""The layer reads no-break spaces as spaces and escaped breaks as breaks.

Values copied from web pages, word processors, JSON strings and logs are
found with the spans they have in the text as the user wrote it.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdprgate.detect.patterns import PatternLayer
from gdprgate.detect.patterns.normalize import readable
from tests.detect.pattern_cases import MIN_SCORE, spans_of

# (text, entity, values reported at the default min_score)
CASES: list[tuple[str, str, list[str]]] = [
    # No-break and narrow no-break spaces between the groups.
    ("IBAN DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000", "IBAN_CODE", [
        "DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000"
    ]),
    ("n° de sécu : 2\u202f84\u202f05\u202f76\u202f451\u202f089\u202f78", "FR_NIR", [
        "2\u202f84\u202f05\u202f76\u202f451\u202f089\u202f78"
    ]),
    ("Karte 4111\u00a01111\u00a01111\u00a01111", "CREDIT_CARD", [
        "4111\u00a01111\u00a01111\u00a01111"
    ]),
    # A zero-width space between the groups, as an obfuscation.
    ("IBAN DE89\u200b3704\u200b0044\u200b0532\u200b0130\u200b00", "IBAN_CODE", [
        "DE89\u200b3704\u200b0044\u200b0532\u200b0130\u200b00"
    ]),
    # Escaped line breaks and tabs of a JSON string or a log line.
    ('{"note": "IBAN:\\nDE89 3704 0044 0532 0130 00"}', "IBAN_CODE", [
        "DE89 3704 0044 0532 0130 00"
    ]),
    ("Steuer-ID:\\t12345678000\\r\\n", "DE_TAX_ID", ["12345678000"]),
    ("PESEL:\\n85073012341", "PL_PESEL", ["85073012341"]),
    # An escape glued to digits stays no break inside a word.
    ("C:\\\\archive\\\\n85073012341", "PL_PESEL", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "entity", "values"), CASES)
def test_copied_separators_are_read(text: str, entity: str, values: list[str]) -> None:
    """Spans are offsets into the text as written, odd spaces included."""
    found = [
        (f.start, f.end)
        for f in PatternLayer().analyze(text)
        if f.entity == entity and f.score >= MIN_SCORE
    ]

    assert found == spans_of(text, values)


@given(st.text(alphabet=st.sampled_from("ab1 \\nrt\u00a0\u200b\n"), max_size=40))
def test_the_readable_text_keeps_every_offset(text: str) -> None:
    """Same length, and only odd spaces and escapes change."""
    plain = readable(text)

    assert len(plain) == len(text)
    for before, after in zip(text, plain, strict=True):
        assert before == after or after in " \n\r\t"
