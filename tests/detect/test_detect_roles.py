"""A role noun at the start of a name is cut off: "Landrat Heinz Seiffert"."""

from __future__ import annotations

import pytest

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.roles import without_leading_nouns


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.mark.parametrize(
    ("text", "language", "value", "expected"),
    [
        ("Das unterstrich Landrat Heinz Seiffert.", "de", "Landrat Heinz Seiffert",
         "Heinz Seiffert"),
        ("Gestern traf Stürmer Jonas Albrecht zweimal.", "de",
         "Stürmer Jonas Albrecht", "Jonas Albrecht"),
        # A feminine role noun, by its ending; a town's "-er" word.
        ("Biathletin Mariam Gössner hat sich qualifiziert.", "de",
         "Biathletin Mariam Gössner", "Mariam Gössner"),
        ("Die Fahrerin Lea Brandt gewann.", "de", "Fahrerin Lea Brandt",
         "Lea Brandt"),
        # A given name with such an ending, spelt in a way the lexicon does
        # not know, is no role: it stays with the name.
        ("Catherin Mia Roth sagte aus.", "de", "Catherin Mia Roth",
         "Catherin Mia Roth"),
        ("Gestern kam Corentin Luis Matter.", "de", "Corentin Luis Matter",
         "Corentin Luis Matter"),
        ("Den Sprint gewann der Cottbuser Heinrich Hasselt.", "de",
         "Cottbuser Heinrich Hasselt", "Heinrich Hasselt"),
        # Titles stay; given names and names that are words stay.
        ("Gestern kam Herr Heinz Seiffert.", "de", "Herr Heinz Seiffert",
         "Herr Heinz Seiffert"),
        ("Gestern sprach Frank Walter Steinmeier.", "de",
         "Frank Walter Steinmeier", "Frank Walter Steinmeier"),
        ("Gestern kam Rose Anna Müller.", "de", "Rose Anna Müller",
         "Rose Anna Müller"),
        # Two words: nothing is cut ("Landrat Seiffert" names him).
        ("Das sagte Landrat Seiffert.", "de", "Landrat Seiffert",
         "Landrat Seiffert"),
    ],
)  # fmt: skip
def test_a_role_noun_before_a_given_name_is_cut_off(
    lexicon: Lexicon, text: str, language: str, value: str, expected: str
) -> None:
    start = text.index(value)
    finding = Finding(start, start + len(value), "PERSON", 0.9, "rampart")
    (found,) = without_leading_nouns(text, [finding], language, lexicon)
    assert text[found.start : found.end] == expected
    assert found.end == finding.end


def test_only_people_are_cut(lexicon: Lexicon) -> None:
    text = "Im Landrat Heinz Seiffert Saal."
    finding = Finding(3, 25, "LOCATION", 0.9, "rampart")
    assert without_leading_nouns(text, [finding], "de", lexicon) == [finding]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # Outside German a capitalised word before a given name is most
        # often a given name itself.
        ("A senhora Conceição Maria Ferreira mora em Braga.", "pt",
         "Conceição Maria Ferreira"),
        ("Modeste Jean Dupont est arrivé.", "fr", "Modeste Jean Dupont"),
        ("Glória Maria Pires ligou.", "pt", "Glória Maria Pires"),
        # German rules stay German: "-erin" and "-er" words elsewhere.
        ("Katerin Maria Lund called.", "en", "Katerin Maria Lund"),
        ("Wiener Anna Hasselt kam.", "de", "Wiener Anna Hasselt"),
    ],
)  # fmt: skip
def test_given_names_that_are_words_stay_outside_german(
    lexicon: Lexicon, text: str, language: str, value: str
) -> None:
    start = text.index(value)
    finding = Finding(start, start + len(value), "PERSON", 0.9, "rampart")
    assert without_leading_nouns(text, [finding], language, lexicon) == [finding]
