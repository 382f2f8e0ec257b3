"""Other mentions of a person already found: "Wolfgang Kraus. Kraus sagte"."""

from __future__ import annotations

import itertools

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.mentions import MENTION_SOURCE, Mentions, other_mentions


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _person(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PERSON", 0.9, "rampart")


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        ("Gestern traf ich Wolfgang Kraus. Kraus sagte, er sei müde.",
         "Wolfgang Kraus", ["Kraus"]),
        ("I met Sarah Connor today; later Sarah called and Connor wrote.",
         "Sarah Connor", ["Sarah", "Connor"]),
        # The whole name again is one mention; titles and particles alone
        # are none.
        ("Mevrouw Anna van der Berg belde. Later belde Anna van der Berg weer.",
         "Mevrouw Anna van der Berg", ["Anna van der Berg"]),
        # A part that is also a word counts inside a sentence only.
        ("Hi, I am Will Turner. Will you call? Ask for Will at the desk.",
         "Will Turner", ["Will"]),
        # ... and at a sentence's start before a verb, not before a pronoun,
        # an article or "to".
        ("Review - Hope Adebayo, joined 2019. Hope has exceeded targets.",
         "Hope Adebayo", ["Hope"]),
        ("Hope Brown wrote. Hope to see you. Hope the box is fine. Ask Hope.",
         "Hope Brown", ["Hope"]),
    ],
)  # fmt: skip
def test_other_mentions_of_a_found_name_are_found(
    lexicon: Lexicon, text: str, name: str, mentions: list[str]
) -> None:
    found = other_mentions(text, [_person(text, name)], lexicon)
    added = [f for f in found if f.source == MENTION_SOURCE]
    assert [text[f.start : f.end] for f in added] == mentions
    assert {f.entity for f in added} == {"PERSON"}


@pytest.mark.parametrize(
    "text",
    [
        # Longer words and hyphenated ones are other words.
        "Wolfgang Kraus kam. Krause und Kraus-Müller nicht.",
        # Only what is written the same way counts.
        "Wolfgang Kraus kam. Die Haare waren kraus.",
    ],
)
def test_no_mention_in_other_words(lexicon: Lexicon, text: str) -> None:
    found = other_mentions(text, [_person(text, "Wolfgang Kraus")], lexicon)
    assert [f.source for f in found] == ["rampart"]


def test_values_found_elsewhere_are_looked_for(lexicon: Lexicon) -> None:
    """A record's other field named the person: this one is masked too."""
    text = "Kraus hier nochmal, bitte um Rückruf."
    found = other_mentions(text, [], lexicon, values=[("PERSON", "Wolfgang Kraus")])
    assert [(text[f.start : f.end], f.entity) for f in found] == [("Kraus", "PERSON")]


def test_places_only_when_asked(lexicon: Lexicon) -> None:
    text = "Ich wohne in Gundelfingen. Meine Schwester wohnt auch in Gundelfingen."
    start = text.index("Gundelfingen")
    place = Finding(start, start + 12, "LOCATION", 0.9, "rampart")
    assert other_mentions(text, [place], lexicon) == [place]
    both = other_mentions(text, [place], lexicon, entities={"PERSON", "LOCATION"})
    assert [text[f.start : f.end] for f in both] == ["Gundelfingen"] * 2


def test_a_mention_never_overlaps_a_finding(lexicon: Lexicon) -> None:
    text = "Wolfgang Kraus schrieb an kraus@example.org; Kraus wartet."
    at = text.index("kraus@")
    mail = Finding(at, at + 17, "EMAIL_ADDRESS", 1.0, "pattern:email")
    found = other_mentions(text, [_person(text, "Wolfgang Kraus"), mail], lexicon)
    spans = sorted((f.start, f.end) for f in found)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert [text[f.start : f.end] for f in found if f.source == MENTION_SOURCE] == [
        "Kraus"
    ]


@pytest.mark.ner
def test_the_detector_masks_every_mention(full_detector: Detector) -> None:
    text = "Gestern traf ich Wolfgang Kraus. Kraus sagte, er sei müde."
    found = full_detector.analyze(text, "de")
    people = [text[f.start : f.end] for f in found if f.entity == "PERSON"]
    assert people == ["Wolfgang Kraus", "Kraus"]


def test_values_made_ready_once_find_what_each_call_finds(lexicon: Lexicon) -> None:
    """The fields of one record share one set of values (made ready once);
    each field gets what a call of its own would give."""
    values = [("PERSON", "Wolfgang Kraus"), ("PERSON", "Sarah Connor")]
    texts = [
        "Kraus hier nochmal.",
        "Later Sarah called and Connor wrote.",
        "Nothing to see here.",
    ]
    ready = Mentions(values, lexicon)
    for text in texts:
        assert ready.find(text, []) == other_mentions(text, [], lexicon, values)
    later = texts[1]
    found = ready.find(later, [])
    assert [later[f.start : f.end] for f in found] == ["Sarah", "Connor"]
