"""Text without case: which texts count, and the copies the rules read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdprgate.detect.caseless import caseless, names_in_capitals_titled, recased
from gdprgate.detect.gate import Lexicon, load_lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hi, this is anna lindqvist from the office", True),
        ("NAME: ANNA LINDQVIST, BORN 1990", True),
        # A phone keyboard's capital at the start of a sentence, and "I".
        ("Hi, this is anna lindqvist", True),
        ("Ok. I think anna lindqvist called", True),
        ("Wczoraj dzwonił wojciech sadowy.", True),
        # A capital inside a sentence is case.
        ("hi, this is Anna", False),
        ("Gestern kam die Lieferung", False),
        ("1234 5678", False),
        ("", False),
    ],
)
def test_which_texts_are_written_without_case(text: str, expected: bool) -> None:
    assert caseless(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "wczoraj dzwonił wojciech sadowy w sprawie dostawy.",
            "wczoraj dzwonił Wojciech Sadowy w sprawie dostawy.",
        ),
        (
            "GESTERN HAT RENATE PEUKERT ANGERUFEN.",
            "gestern hat Renate Peukert angerufen.",
        ),
        # Ordinary words stay in lower case even where they are names too.
        ("will you call may?", "will you call may?"),
        # A given name and a surname, each frequent only as a name.
        ("ciao, sono marco rossi.", "ciao, sono Marco Rossi."),
        ("HEJ, JAG HETER LARS ANDERSSON", "hej, jag heter Lars Andersson"),
        # Frequent words where they are no name stay words, paired or not.
        ("can you mark page 5", "can you mark page 5"),
        # Alone, or with more than a space between, no pair.
        ("marco, rossi", "marco, rossi"),
        # "ß" is "SS" in capitals: a word whose length would change stays.
        ("STRASSE und straße", "strasse und straße"),
    ],
)
def test_recased_text_writes_known_names_as_names(
    lexicon: Lexicon, text: str, expected: str
) -> None:
    assert recased(text, lexicon) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut GERD HARTUNG wurde", "Laut Gerd Hartung wurde"),
        ("PIETER VAN DER BERG kam", "Pieter van der Berg kam"),
        ("Herr ŁUKASZ NOWAK-KOWALSKI ist da", "Herr Łukasz Nowak-Kowalski ist da"),
        ("ÉRIC POULAIN a dit", "Éric Poulain a dit"),
        # Acronyms, a shouted phrase, a name in capitals alone, a run cut by
        # a comma: all keep their capitals.
        ("Die SPD und die WM", "Die SPD und die WM"),
        # Given names that are frequent words say nothing on their own.
        ("Please MARK PAGE 5", "Please MARK PAGE 5"),
        ("BITTE NICHT STÖREN", "BITTE NICHT STÖREN"),
        ("Laut HARTUNG wurde", "Laut HARTUNG wurde"),
        ("GERD, HARTUNG", "GERD, HARTUNG"),
        ("łukasz nowak", "łukasz nowak"),
    ],
)
def test_names_in_capitals_are_written_as_names(
    lexicon: Lexicon, text: str, expected: str
) -> None:
    assert names_in_capitals_titled(text, lexicon) == expected


@given(st.text(max_size=200))
def test_the_copies_keep_the_length_of_any_text(text: str) -> None:
    lexicon = load_lexicon()
    assert len(recased(text, lexicon)) == len(text)
    assert len(names_in_capitals_titled(text, lexicon)) == len(text)
