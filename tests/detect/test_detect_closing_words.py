"""Closing words of a letter read as a name (gdprgate.detect.greetings)."""

from __future__ import annotations

import pytest

from gdprgate.detect.finding import Finding
from gdprgate.detect.greetings import trim_greetings


def _person(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PERSON", 0.9, "rampart")


CASES = [
    # The closing alone is dropped; before a name it is cut off.
    ("Mit  freundlichen  Gruessen\nHorst", "Gruessen", None),
    ("Freundliche Grüße", "Freundliche Grüße", None),
    ("Cordialement, Amélie", "Cordialement, Amélie", "Amélie"),
    ("Atentamente,\nLucía", "Atentamente,\nLucía", "Lucía"),
    ("Cumprimentos Inês", "Cumprimentos Inês", "Inês"),
    # A name is left whole.
    ("Viele Grüße\nJonas Gruss", "Jonas Gruss", "Jonas Gruss"),
    # A greeting word addressed by an opening word is a name.
    ("Hallo Gruessen,\nwie geht's?", "Gruessen", "Gruessen"),
    ("Sehr geehrter Grüßen,\nanbei die Rechnung.", "Grüßen", "Grüßen"),
    ("Hi Cheers, thanks for the call.", "Cheers", "Cheers"),
    # After a closing word it still closes.
    ("Liebe Grüße\nTina", "Grüße", None),
]


@pytest.mark.parametrize(("text", "found", "kept"), CASES)
def test_closing_words_are_no_name(text: str, found: str, kept: str | None) -> None:
    """The exact name that is left, or nothing."""
    result = trim_greetings(text, [_person(text, found)])
    assert [text[f.start : f.end] for f in result] == ([] if kept is None else [kept])
