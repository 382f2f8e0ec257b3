"""A name cut at its middle initial takes the surname after it: "Robert R."
of "Robert R. Livingston"."""

from __future__ import annotations

import pytest

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.middle_initials import join_middle_initials


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _at(text: str, value: str, entity: str = "PERSON") -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), entity, 0.9, "rampart")


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # A known surname, or a word of no language, after the initial.
        ("Es kam Tobias R. Schneider aus Bonn.", "Tobias R.", "Tobias R. Schneider"),
        ("Then Marla E. Quenneville took office.", "Marla E.",
         "Marla E. Quenneville"),
        # The next sentence's first word stays out.
        ("Ich sprach mit Tobias R. Danach ging ich.", "Tobias R.", "Tobias R."),
        ("I met Marla E. Yesterday she left.", "Marla E.", "Marla E."),
        # An initial alone, or a name that ends in no initial.
        ("Gezeichnet: R. Schneider", "R.", "R."),
        ("Es kam Tobias Schneider aus Bonn.", "Tobias", "Tobias"),
    ],
)  # fmt: skip
def test_the_surname_after_a_middle_initial_joins_the_name(
    lexicon: Lexicon, text: str, value: str, expected: str
) -> None:
    (found,) = join_middle_initials(text, [_at(text, value)], lexicon)
    assert text[found.start : found.end] == expected


def test_two_halves_become_one_person(lexicon: Lexicon) -> None:
    text = "Damals war Julio A. Rocavera Präsident des Senats."
    halves = [_at(text, "Julio A."), _at(text, "Rocavera")]
    (found,) = join_middle_initials(text, halves, lexicon)
    assert text[found.start : found.end] == "Julio A. Rocavera"


def test_a_word_of_another_type_is_left_alone(lexicon: Lexicon) -> None:
    text = "Er schickte Tobias R. Livorno-Bericht."
    findings = [_at(text, "Tobias R."), _at(text, "Livorno", "LOCATION")]
    assert join_middle_initials(text, findings, lexicon) == findings


def test_a_run_of_names_with_initials_joins_each(lexicon: Lexicon) -> None:
    # Each "Tobias R." takes the next PERSON ("Schneider") and only it, and
    # the next name is read in turn.
    unit = "Tobias R. Schneider, "
    text = unit * 3000
    findings = []
    for i in range(3000):
        base = i * len(unit)
        findings.append(Finding(base, base + 9, "PERSON", 0.9, "rampart"))
        findings.append(Finding(base + 10, base + 19, "PERSON", 0.8, "rampart"))
    result = join_middle_initials(text, findings, lexicon)
    assert [text[f.start : f.end] for f in result] == ["Tobias R. Schneider"] * 3000
