"""Initials written before a detected surname become part of the name."""

from __future__ import annotations

import pytest

from gdprgate.detect import Finding
from gdprgate.detect.names import extend_initials


def person(text: str, surname: str) -> Finding:
    start = text.index(surname)
    return Finding(start, start + len(surname), "PERSON", 0.9, "test")


@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        ("Agent, Mr C. Whomersley of the Office", "Whomersley", "C. Whomersley"),
        ("Agent, Mr Z.M. Necatigil.", "Necatigil", "Z.M. Necatigil"),
        ("by Mme J.-P. Moreau, avocate", "Moreau", "J.-P. Moreau"),
        ("signed A. B. Kowalczyk today", "Kowalczyk", "A. B. Kowalczyk"),
        ("national, Mr. M. Wojtunik (the applicant)", "Wojtunik", "M. Wojtunik"),
        ("Łukasz Ł. Nowak", "Nowak", "Ł. Nowak"),
        # Not initials: an abbreviation, a number, lower case, nothing.
        ("see Mr. Wojtunik", "Wojtunik", "Wojtunik"),
        ("in § 2. Kowalczyk said", "Kowalczyk", "Kowalczyk"),
        ("vitamin c. Moreau", "Moreau", "Moreau"),
        ("Necatigil alone", "Necatigil", "Necatigil"),
    ],
)
def test_initials_are_joined_to_the_name(
    text: str, surname: str, expected: str
) -> None:
    [finding] = extend_initials(text, [person(text, surname)])
    assert text[finding.start : finding.end] == expected
    assert finding.end == text.index(surname) + len(surname)


def test_other_entities_are_left_alone() -> None:
    text = "Route A. Hauptstrasse"
    start = text.index("Hauptstrasse")
    location = Finding(start, len(text), "LOCATION", 0.9, "test")
    assert extend_initials(text, [location]) == [location]


def test_initials_already_in_another_finding_are_not_taken() -> None:
    text = "Mail X. Necatigil"
    other = Finding(5, 7, "PERSON", 0.9, "test")  # "X."
    name = person(text, "Necatigil")
    assert extend_initials(text, [other, name]) == [other, name]
