"""Values after a form label that says what they are: "Nachname: Koch"."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.patterns.labelled_values import (
    LABELLED_SCORE,
    LabelledValueRecognizer,
)

# (text, [(value, entity)]) the recognizer reports, in order.
CASES = [
    ("Nachname: Koch\nVorname: Will\nWohnort: Essen",
     [("Koch", "PERSON"), ("Will", "PERSON"), ("Essen", "LOCATION")]),
    ("Last name: Hope\nFirst name: Will", [("Hope", "PERSON"), ("Will", "PERSON")]),
    ("Cognome: Lo Iacono", [("Lo Iacono", "PERSON")]),
    ("Achternaam: van Dongen.", [("van Dongen", "PERSON")]),
    ("* Prénom : Anne-Marie", [("Anne-Marie", "PERSON")]),
    ("username=jdoe42", [("jdoe42", "USERNAME")]),
    ("E-Mail: k.brandt@example.de\tTelefon: 0171 2345678",
     [("k.brandt@example.de", "EMAIL_ADDRESS"), ("0171 2345678", "PHONE_NUMBER")]),
    # A label that names things too: only values that look personal.
    ("Name: Okafor Nwosu", [("Okafor Nwosu", "PERSON")]),
    ("Name: Backup job\nVersion: 2.1", []),
    # Labels that name no field, placeholders, prose after a colon.
    ("Status: open\nPriority: high", []),
    ("City: n/a\nEmail: none\nLast name: -", []),
    ("Note: call Will tomorrow about the invoice", []),
    ("Nachname: Bitte in Druckbuchstaben ausfüllen und unterschreiben", []),
    # Dates of birth are the date recognizer's, which checks the date.
    ("Geburtsdatum: 03.05.1987", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "values"), CASES)
def test_labelled_values(text: str, values: list[tuple[str, str]]) -> None:
    found = LabelledValueRecognizer().analyze(text)
    assert [(text[f.start : f.end], f.entity) for f in found] == values


def test_a_label_that_names_only_people_s_things_vouches_for_the_value() -> None:
    """A sure label scores like a checksum, so a model's shorter reading of
    the value gives way; an unsure one ("Name") scores as a format."""
    sure, unsure = (
        LabelledValueRecognizer().analyze(text)[0]
        for text in ("Cognome: Lo Iacono", "Name: Okafor Nwosu")
    )
    assert sure.score == LABELLED_SCORE
    assert unsure.score < LABELLED_SCORE


def test_a_megabyte_of_labels_is_read_to_its_end() -> None:
    """No timing asserted: the last line's value is still found."""
    text = "Status: open\n" * 80_000 + "Nachname: Zabel"
    found = LabelledValueRecognizer().analyze(text)
    assert [text[f.start : f.end] for f in found] == ["Zabel"]


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        ("Last name: Hope\nFirst name: Will", "en", ["Hope", "Will"]),
        ("Nachname: Koch\nVorname: Will\nWohnort: Essen", "de", ["Koch", "Will"]),
        ("Cognome: Lo Iacono\nNome: Benedetta", "it", ["Lo Iacono", "Benedetta"]),
        ("Achternaam: van Dongen", "nl", ["van Dongen"]),
    ],
)
def test_labelled_names_stay_whole_in_the_detector(
    full_detector: Detector, text: str, language: str, names: list[str]
) -> None:
    """Common words and particles the name filters drop or trim stay when a
    label says they are a name."""
    found = full_detector.analyze(text, language)
    people = [text[f.start : f.end] for f in found if f.entity == "PERSON"]
    assert people == names
