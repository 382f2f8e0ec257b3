"""Generic institution words, headings and public bodies are not names.

Every place and court name below is invented.
"""

from __future__ import annotations

import pytest

from gdprgate.detect import Finding
from gdprgate.detect.generic_names import drop_generic_names
from gdprgate.detect.spacy_ner import names_a_date


def _kept(text: str, value: str, entity: str) -> list[str]:
    start = text.index(value)
    finding = Finding(start, start + len(value), entity, 0.85, "test")
    return [text[f.start : f.end] for f in drop_generic_names(text, [finding])]


ORG, LOC = "ORGANIZATION", "LOCATION"


@pytest.mark.parametrize(
    ("text", "value", "entity", "expected"),
    [
        ("The Court notes that", "Court", ORG, []),
        ("referred to the Grand Chamber.", "the Grand Chamber", ORG, []),
        ("THE FACTS\n\nThe applicant", "FACTS", ORG, []),
        ("it held, inter alia, that", "inter alia", ORG, []),
        ("the Supreme Court dismissed", "the Supreme Court", ORG, []),
        ("The Ruritanian Government argued", "The Ruritanian Government", ORG, []),
        ("the Ministry of the Interior", "the Ministry of the Interior", ORG, []),
        ("against the Republic of Ruritania", "the Republic of Ruritania", LOC, []),
        ("la Cour estime", "Cour", ORG, []),
        ("the Varnholm District Court", "the Varnholm District Court", ORG,
         ["Varnholm District Court"]),
        ("the Quellmann Foundation's", "the Quellmann Foundation's", ORG,
         ["Quellmann Foundation"]),
        ("lives in Varnholm", "Varnholm", LOC, ["Varnholm"]),
        ("Court Lane 5", "Court Lane 5", LOC, ["Court Lane 5"]),
        ("signed Court", "Court", "EMAIL_ADDRESS", ["Court"]),
        ("Judge said so", "Judge", "PERSON", ["Judge"]),
        ("send the IBAN now", "IBAN", ORG, []),
        ("the SSN and ATM", "SSN", ORG, []),
        ("ask ASAP", "ASAP", ORG, []),
        ("NIR : 179076912345676", "NIR", ORG, []),
        ("Mi DNI y mi NIE", "DNI", ORG, []),
        ("BSN van de klant", "BSN", ORG, []),
        ("MY NAME IS JOHN", "NAME", "PERSON", []),
        ("Nachname: Vesterholm", "Nachname", "PERSON", []),
        ("Dear Mr Vesterholm", "Dear Mr", ORG, []),
        ("Sehr geehrte Frau", "Sehr geehrte Frau", ORG, []),
        ("IBAN Quellmann Bank", "IBAN Quellmann Bank", ORG, ["IBAN Quellmann Bank"]),
    ],
)  # fmt: skip
def test_generic_names_are_dropped(
    text: str, value: str, entity: str, expected: list[str]
) -> None:
    """Dropped when every word is generic; a leading "the" is trimmed."""
    assert _kept(text, value, entity) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12 May 2004", True),
        ("March", True),
        ("last Tuesday", True),
        ("five years", True),
        ("2004", True),
        ("next week", False),
        ("this morning", False),
        ("the same day", False),
        ("annual", False),
        # Ages are no dates: the age recognizer reports the number.
        ("40 years old", False),
        ("year-old", False),
        ("the age of", False),
        ("aged 30", False),
        ("35 Jahre alt", False),
        ("30 years", True),
    ],
)
def test_only_dates_that_name_a_time_are_kept(value: str, expected: bool) -> None:
    """Relative expressions are no personal data; counted spans are."""
    assert names_a_date(value) is expected


@pytest.mark.parametrize(
    ("text", "value", "entity", "expected"),
    [
        ("Email: info@example.org", "Email", "PERSON", []),
        ("Please reply by Email or Phone.", "Phone", ORG, []),
        ("Telefon und E-Mail", "E-Mail", "PERSON", []),
        ("Reply to Phone", "Phone", LOC, []),
        ("Pay Anna Weber, IBAN DE89 3704 0044 0532 0130 00", "IBAN", "PERSON", []),
        ('{"iban": "x", "bic": "y"}', "bic", ORG, []),
        # Names that are also data words, and data words with a name.
        ("Please forward this to Mr Handy", "Mr Handy", "PERSON", ["Mr Handy"]),
        ("She moved from Mobile to Denver", "Mobile", LOC, ["Mobile"]),
        ("Email Address below", "Email Address", LOC, ["Email Address"]),
        ("Ask Mailin Berg about it", "Mailin Berg", "PERSON", ["Mailin Berg"]),
        ("Email Anna Weber today", "Anna Weber", "PERSON", ["Anna Weber"]),
    ],
)
def test_names_of_kinds_of_data_are_no_names(
    text: str, value: str, entity: str, expected: list[str]
) -> None:
    assert _kept(text, value, entity) == expected
