"""Names written surname first in a mail header (gdprgate.detect.mail_names)."""

from __future__ import annotations

import pytest

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.mail_names import HEADER_NAME_SOURCE, join_header_names


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _found(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PERSON", 0.9, "rampart")


CASES = [
    ("Von: Kühn, Sebastian <s.kuehn@example.org>", ["Sebastian"], ["Kühn, Sebastian"]),
    ("An: Özdemir, Elif\nBetreff: AW", [], ["Özdemir, Elif"]),
    ("From: Van Dam, Pieter; Cc: x", ["Pieter"], ["Van Dam, Pieter"]),
    ("Aan: Jansen, Pieter Jan", ["Pieter Jan"], ["Jansen, Pieter Jan"]),
    ("De : Moreau, Claire (Service client)", [], ["Moreau, Claire"]),
    # No header field, no given name, or more text after the pair.
    ("Betreff: Berlin, Hamburg", [], []),
    ("Ort: Kühn, Sebastian", [], []),
    ("An: Vertrieb, Marketing", [], []),
    ("Von: Kühn, Sebastian hat angerufen", [], []),
]


@pytest.mark.parametrize(("text", "found", "names"), CASES)
def test_surname_first_in_a_header(
    lexicon: Lexicon, text: str, found: list[str], names: list[str]
) -> None:
    """The surname, the comma and the given name as one name, exactly."""
    joined = join_header_names(text, [_found(text, v) for v in found], lexicon)
    headed = [f for f in joined if f.source == HEADER_NAME_SOURCE]
    assert [text[f.start : f.end] for f in headed] == names
    if names:
        assert len(joined) == len(names)
