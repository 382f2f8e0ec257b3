"""Field labels of forms and contracts are no chat speakers
(gdprgate.detect.transcripts)."""

from __future__ import annotations

import pytest

from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.transcripts import transcript_speakers


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


CASES = [
    # Two fields give a full name, one of them a number: a form.
    (
        "Udlejer: Søren Østergaard, CPR 070761-4285\n"
        "Lejer: Freja Mikkelsen, født 14.09.1996",
        [],
    ),
    (
        "Vuokranantaja: Mikko Korhonen, hetu 170290-5396\n"
        "Vuokralainen: Emilia Nieminen, syntynyt 6.6.1979",
        [],
    ),
    (
        "Policyholder: Mrs Gwendolyn Rhys-Taylor\n"
        "Policy no: HH-4471-0923\n"
        "Contractor: Bryn Morgan Plumbing (Bryn Morgan, 07800 812 345)",
        [],
    ),
    # A chat greets with no number, takes turns or is stamped.
    ("Weber: Guten Tag\nSchmidt: Hallo Frau Weber", ["Weber", "Schmidt"]),
    (
        "Okafor: Anna Berg, room 12?\nLindqvist: Tom Weber, yes\nOkafor: ok",
        ["Okafor", "Lindqvist", "Okafor"],
    ),
    (
        "[10:02] Okafor: Anna Berg, room 12?\n[10:03] Lindqvist: Tom Weber, 3",
        ["Okafor", "Lindqvist"],
    ),
    # A given name before the colon speaks even in a form.
    (
        "Anna: Tom Berg, 12 Uhr?\nKlient: Eva Holm, 0171 2345678",
        ["Anna"],
    ),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_form_fields_are_no_speakers(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    """Form labels before a full name stay out; chat speakers stay in."""
    found = transcript_speakers(text, lexicon)
    assert [text[f.start : f.end] for f in found] == names
