"""Names that rules merged together unmasked, found again by the whole
detector (fictional texts written for the review of those rules)."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector

pytestmark = pytest.mark.ner

CASES = [
    # A lone surname after a masculine or feminine article and an
    # adjective (gdprgate.detect.article_nouns).
    ("de", "Der ehrgeizige Schwarzkopf will im Sommer den Verein wechseln.",
     "Schwarzkopf"),
    ("de", "Mit dem wendigen Pachulski hatte die Abwehr große Mühe.", "Pachulski"),
    ("de", "Einzig der kämpferische Szymanski stemmte sich gegen die Niederlage.",
     "Szymanski"),
    ("de", "Die eiskalte Lindqvist verwandelte den entscheidenden Elfmeter.",
     "Lindqvist"),
    ("de", "Die fleißige Marx hat alle Aufgaben erledigt.", "Marx"),
    ("de", "Der kranke Sobotta bat um Aufschub.", "Sobotta"),
    # The same, which the hidden-layer probe also doubted
    # (gdprgate.detect.name_scorer).
    ("de", "Der schnelle Okonkwo lief der Abwehr immer wieder davon.", "Okonkwo"),
    ("de", "Dem wackeren Rottenbacher blieb nur der undankbare vierte Platz.",
     "Rottenbacher"),
    ("de", "Der dicke Wallraff saß im Bus.", "Wallraff"),
    ("fr", "Charlotte Verdier, dite « Lolo », a disparu.", "Lolo"),
    # A given name with a feminine role's ending (gdprgate.detect.roles).
    ("de", "Catherin Mia Roth sagte aus.", "Catherin Mia Roth"),
    # A closing word addressed as a name (gdprgate.detect.greetings).
    ("de", "Hallo Gruessen,\nwie geht's?", "Gruessen"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "value"), CASES)
def test_the_name_is_masked_whole(
    full_detector: Detector, language: str, text: str, value: str
) -> None:
    """A ``PERSON`` finding covers exactly the name."""
    start = text.index(value)
    found = full_detector.analyze(text, language)
    spans = [(f.start, f.end, f.entity) for f in found]
    assert (start, start + len(value), "PERSON") in spans
