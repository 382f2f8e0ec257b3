"""Things that look like personal data and are not: none is reported.

Runs the default pattern layer through the detector (default ``min_score``).
"""

from __future__ import annotations

import pytest

from gdprgate.detect import DetectorConfig, Finding, build_detector
from gdprgate.detect.common_names import drop_common_word_names
from gdprgate.detect.generic_names import drop_generic_names

DETECTOR = build_detector(DetectorConfig(rampart=False, spacy=False))


@pytest.mark.parametrize(
    "text",
    [
        "Upgrade to version 2.14.3 or v10.2.0.1 before Friday.",
        "Released 2024-03-12T10:15:30Z, build 20240312.4.",
        "event at 1718035200000 ms, epoch 1718035200",
        "timestamp 1710238530123",
        "Order number 84512376 shipped; order 011122237 too.",
        "Invoice INV-2024-00042 and Rechnungsnummer 2024004217.",
        "Product code SKU-44812-B, article 4006381333931.",
        "ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2.",
        "Room 12, floor 3, 45 minutes, 7 items, 100 %.",
        "Bestellnummer 12345678000 und Artikel 85073012341.",
        "Tracking 1Z999AA10123456784 is on its way.",
        "The meeting is on 3 March 2024 at 10:30.",
        "Call the hotline 0800 and press 5.",
        "We wrote 3 years ago and waited 42 days.",
    ],
)
def test_look_alikes_are_not_reported(text: str) -> None:
    assert DETECTOR.analyze(text, "en") == []


def _person(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PERSON", 0.9, "test")


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("Will you send it in May?", "May", False),
        ("Will you send it in May?", "Will", False),
        ("I hope so, said Hope.", "Hope", False),
        ("Dear May, thanks.", "May", True),
        ("Mr Will answered.", "Will", True),
        ("My name is Hope.", "Hope", True),
        ("Frau Rosa Wolf kommt.", "Rosa Wolf", True),
        ("May Schmidt called.", "May Schmidt", True),
        ("The Rose garden opens in June.", "Rose", False),
        # Names that are words of other languages are left to the name
        # scorer, which reads them in their sentence.
        ("Der Maler Ernst zeigte es.", "Ernst", True),
        ("Dann kam Wolf als Senator.", "Wolf", True),
        ("Entonces llegó Dolores.", "Dolores", True),
        ("Ensuite Pierre est venu.", "Pierre", True),
    ],
)
def test_common_words_are_names_only_in_context(
    text: str, value: str, kept: bool
) -> None:
    """A one-word PERSON that is a common word needs a title or intro."""
    finding = _person(text, value)

    assert (drop_common_word_names(text, [finding]) == [finding]) is kept


@pytest.mark.parametrize(
    ("text", "value", "entity", "kept"),
    [
        # Greetings and form headings are no bodies or places.
        ("Bonjour,\nObjet : réunion", "Bonjour", "LOCATION", False),
        ("Bonjour,\nObjet : réunion", "Objet", "ORGANIZATION", False),
        ("Oggetto: riunione", "Oggetto", "ORGANIZATION", False),
        # An amount stays masked whatever type a model gave it: in a court
        # decision or a claim it is a quasi-identifier (TAB's QUANTITY).
        ("The budget is EUR 4,500,000.", "EUR 4,500,000", "ORGANIZATION", True),
        # Names are kept: a body with a greeting word in it, a person.
        ("Hotel Bonjour Lyon", "Hotel Bonjour Lyon", "ORGANIZATION", True),
        ("EUR Holding GmbH", "EUR Holding GmbH", "ORGANIZATION", True),
        ("Bonjour Madame Durand", "Madame Durand", "PERSON", True),
    ],
)
def test_greetings_and_headings_are_no_names(
    text: str, value: str, entity: str, kept: bool
) -> None:
    start = text.index(value)
    finding = Finding(start, start + len(value), entity, 0.9, "test")
    assert (drop_generic_names(text, [finding]) == [finding]) is kept
