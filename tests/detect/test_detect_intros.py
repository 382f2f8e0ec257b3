"""Names that are common words, known by the words around them: an
introduction, a greeting or sign-off, an "and" beside another name
(gdprgate.detect.common_names and gdprgate.detect.signoffs)."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector, Finding
from gdprgate.detect.common_names import (
    COORDINATED_SOURCE,
    INTRO_SOURCE,
    coordinated_names,
    introduced_names,
)
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.signoffs import signed_names


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


INTRODUCED = [
    ("My daughter Summer and my son Hunter are both at school.", ["Summer", "Hunter"]),
    ("My husband Mark and I will come.", ["Mark"]),
    ("my little sister Rose called", ["Rose"]),
    ("My husband, Will, and I", ["Will"]),
    ("Meine Tochter Rose und mein Sohn Will kommen.", ["Rose", "Will"]),
    ("Ma fille Rose et mon fils Hugo", ["Rose", "Hugo"]),
    ("Mi hija Paz llega hoy", ["Paz"]),
    ("mia moglie Rosa e io", ["Rosa"]),
    ("Mijn man Kees en ik", ["Kees"]),
    ("Moja córka Zofia przyjdzie", ["Zofia"]),
    ("Minha filha Rosa chegou", ["Rosa"]),
    ("Min man Per och jag", ["Per"]),
    ("My name is Hope.", ["Hope"]),
    ("Bo says hi", ["Bo"]),
    ("Hope says nothing", ["Hope"]),
    # A title in capitals, a name in lower case, no name or a noun after
    # the relation, a word that is no given name before a verb of saying.
    ("My Son Will Come Home", []),
    ("My Beloved Son Will", []),
    ("my son will call you", []),
    ("My husband and I", []),
    ("meiner Tochter Geburtstag", []),
    ("Then says the man", []),
]


@pytest.mark.parametrize(("text", "names"), INTRODUCED)
def test_given_names_after_an_introduction(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    found = introduced_names(text, lexicon)
    assert [text[f.start : f.end] for f in found] == names
    assert all(f.source == INTRO_SOURCE for f in found)


SIGNED = [
    # A frequent word that is a given name, where a message opens or ends.
    ("Hej Per, hur mår du? /Per", ["Per", "Per"]),
    ("Hi Will, thanks! Best, Rose", ["Will", "Rose"]),
    ("Mvh\nPer", ["Per"]),
    ("Groetjes,\nKees", ["Kees"]),
    ("Kram\nSara Lind", ["Sara Lind"]),
    ("Thanks for the help!\n\nRose", ["Rose"]),
    ("Call me tomorrow.\n- Anna", ["Anna"]),
    ("Hej!\n-- \nPer", ["Per"]),
    # A closing read as the name of the greeting before it is tried again.
    ("Tack!\nKram\nPer", ["Per"]),
    # A name that opens its line may reach the rules in lower case (a text
    # whose capitals all open a line is read recased).
    ("thanks!\nbest,\nrose", ["rose"]),
    ("thanks, rose", []),
    # Groups, teams, closings and lists are none.
    ("Hi Support, the app crashes.", []),
    ("Best regards, The Team", []),
    ("Hej Alla!", []),
    ("Hallo Allen, danke!", []),
    ("Thanks\nLove", []),
    ("The options are:\n- Red\n- Green\n- Rose", []),
    ("Options:\nRose", []),
    ("Thanks. Best Rose ever", []),
    ("She grows the best Rose.", []),
    ("ok /Per", []),
    # Dutch "Dag!" alone is a goodbye; after a closing, a Swedish name.
    ("Tot morgen.\nDag!", []),
    ("Hälsningar\nDag", ["Dag"]),
    ("Per will come tomorrow, said Anna", []),
]


@pytest.mark.parametrize(("text", "names"), SIGNED)
def test_given_names_where_a_message_opens_or_closes(
    lexicon: Lexicon, text: str, names: list[str]
) -> None:
    found = signed_names(text, lexicon)
    assert [text[f.start : f.end] for f in found] == names


def _person(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), "PERSON", 0.9, "test")


COORDINATED = [
    ("Kees en Marloes komen zaterdag", "Kees", "nl", ["Marloes"]),
    ("Marloes en Kees komen zaterdag", "Kees", "nl", ["Marloes"]),
    ("I spoke with Peter Miller and Rose yesterday.", "Peter Miller", "en", ["Rose"]),
    ("Anna und Rose und Will kommen.", "Anna", "de", ["Rose", "Will"]),
    ("Anna i Marek przyjdą", "Anna", "pl", ["Marek"]),
    ("Kees en Marloes Jansen komen", "Kees", "nl", ["Marloes Jansen"]),
    # Lower-case words, places, frequent words and German nouns are none.
    ("Peter and I went home", "Peter", "en", []),
    ("Peter and his wife", "Peter", "en", []),
    ("Marie et Pierre en France", "Pierre", "fr", ["Marie"]),
    ("Peter und Sohn", "Peter", "de", []),
    ("Anna i Stockholm ringde", "Anna", "sv", []),
    ("Hi Team and Peter", "Peter", "en", []),
]


@pytest.mark.parametrize(("text", "person", "language", "names"), COORDINATED)
def test_names_joined_to_a_found_name_by_and(
    lexicon: Lexicon, text: str, person: str, language: str, names: list[str]
) -> None:
    found = [_person(text, person)]
    result = coordinated_names(text, found, lexicon, language)
    added = [f for f in result if f not in found]
    assert [text[f.start : f.end] for f in added] == names
    assert all(f.source == COORDINATED_SOURCE for f in added)


def test_nothing_is_joined_over_another_finding(lexicon: Lexicon) -> None:
    """A word another layer found keeps its finding and its type."""
    text = "Peter and Rose Street"
    found = [_person(text, "Peter"), Finding(10, 21, "LOCATION", 0.9, "test")]
    assert coordinated_names(text, found, lexicon, "en") == found


def test_a_name_on_the_allow_list_is_not_joined(lexicon: Lexicon) -> None:
    text = "Kees en Marloes komen"
    found = [_person(text, "Kees")]
    allowed = {"Marloes"}.__contains__
    assert coordinated_names(text, found, lexicon, "nl", allowed) == found


DETECTED = [
    ("Hi Will, thanks! Best, Rose", "en", ["Will", "Rose"]),
    ("Hej Per, hur mår du? /Per", "sv", ["Per", "Per"]),
    (
        "My daughter Summer and my son Hunter are both at school.",
        "en",
        ["Summer", "Hunter"],
    ),
    ("My husband Mark and I will come.", "en", ["Mark"]),
    ("Kees en Marloes komen zaterdag", "nl", ["Kees", "Marloes"]),
    # Texts whose capitals all open a line or sentence.
    ("Thanks for the help!\n\nRose", "en", ["Rose"]),
    ("Hej!\nKan du ringa mig imorgon?\nMvh\nPer", "sv", ["Per"]),
    ("Buziaki\nRóża", "pl", ["Róża"]),
    # No name at all.
    ("Hi Support, the app crashes.", "en", []),
    ("Best regards, The Team", "en", []),
    ("May and June were warm.", "en", []),
    ("Will and testament of the deceased.", "en", []),
    ("Hope and Faith are virtues.", "en", []),
    ("Hej alla, hur mår ni?", "sv", []),
]


@pytest.mark.parametrize(("text", "language", "names"), DETECTED)
def test_common_word_names_in_context_are_masked(
    full_detector: Detector, text: str, language: str, names: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    assert [text[f.start : f.end] for f in found if f.entity == "PERSON"] == names
