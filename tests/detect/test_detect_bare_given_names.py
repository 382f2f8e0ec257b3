"""Given names alone: in lower case after a word that takes a person, and
as the subject that opens a sentence (gdprgate.detect.bare_given_names)."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector
from gdprgate.detect.bare_given_names import (
    LOWER_SOURCE,
    OPENING_SOURCE,
    everyday,
    lower_given_names,
    opening_given_names,
)
from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, caseless, load_lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _values(text: str, findings: list[Finding]) -> list[str]:
    return [text[f.start : f.end] for f in findings]


LOWER = [
    # A preposition, an article, a greeting or an introduction before it.
    (
        "hey, hab grad mit jonas geredet, er meint die lisa kommt auch.",
        "de",
        ["jonas", "lisa"],
    ),
    ("slt c'est manon, dis a kevin que jpeux pas venir", "fr", ["manon", "kevin"]),
    ("me pase el número de la rosi", "es", ["rosi"]),
    ("raga stasera da marco?", "it", ["marco"]),
    ("porta anche il gigi.", "it", ["gigi"]),
    ("zeg tegen daan dat hij me moet bellen", "nl", ["daan"]),
    ("tjena, det är kalle.", "sv", ["kalle"]),
    ("säg till lisa att hon kan ringa mig", "sv", ["lisa"]),
    ("hej, lisa", "sv", ["lisa"]),
    ("idę do sklepu z mamą", "pl", []),
    ("cześć, to kasia", "pl", ["kasia"]),
    ("możesz powiedzieć tomkowi albo powiedzieć kubie", "pl", ["tomkowi", "kubie"]),
    ("możesz powiedzieć coś miłego", "pl", []),
    ("możesz powiedzieć szymon, że mecz jest odwołany?", "pl", ["szymon"]),
    ("podes dizer ao afonso que o jogo foi cancelado?", "pt", ["afonso"]),
    ("vou ao porto amanhã", "pt", []),
    ("this is priya, call me back", "en", ["priya"]),
    # German, in a text whose nouns are capitalised: any lower-case given
    # name that is no German word.
    ("Kannst du lisa sagen, dass das Spiel ausfällt?", "de", ["lisa"]),
    # Everyday words that are given names too stay.
    ("die rose im garten blüht endlich", "de", []),
    ("mit ernst und geduld schaffen wir das", "de", []),
    ("ich hab die mark noch im keller gefunden", "de", []),
    ("vado da mia madre e poi al mare", "it", []),
    ("la rosa che mi hai regalato", "it", []),
    ("porta anche la fede", "it", []),
    ("ik ben bij de bakker", "nl", []),
    ("kan du gå till affären", "sv", []),
    ("with any luck the train will be on time", "en", []),
    ("hi, it's me, ask will", "en", []),
    ("coucou, la rose du jardin est ouverte", "fr", []),
    # No word before it that takes a person.
    ("so lisa said no", "en", []),
    ("ok daan", "nl", []),
]


@pytest.mark.parametrize(("text", "language", "names"), LOWER)
def test_lower_case_given_names(
    lexicon: Lexicon, text: str, language: str, names: list[str]
) -> None:
    found = lower_given_names(text, language, lexicon, caseless(text))
    # "kevin", "jonas" and "kasia" come from the model in the detector;
    # the rule finds them too.
    assert _values(text, found) == names
    assert all(f.source == LOWER_SOURCE and f.entity == "PERSON" for f in found)


def test_lower_case_names_need_a_text_without_case(lexicon: Lexicon) -> None:
    """Outside German, a name in lower case inside a text with case is
    read only where the text has no case."""
    text = "Ich frage mit lisa nach."
    assert _values(text, lower_given_names(text, "de", lexicon, False)) == ["lisa"]
    text = "Tell Anna that I met with lisa."
    assert lower_given_names(text, "en", lexicon, False) == []


OPENING = [
    # A given name, then a word in lower case: its verb.
    ("Sem is vandaag ziek en blijft thuis.", "nl", ["Sem"]),
    ("Hoi meester Bakker, Sem is vandaag ziek.", "nl", ["Sem"]),
    ("Duarte está doente hoje.", "pt", ["Duarte"]),
    ("Jakub jest chory.", "pl", ["Jakub"]),
    ("Riccardo è malato oggi.", "it", ["Riccardo"]),
    ("Kalle är sjuk idag.", "sv", ["Kalle"]),
    ("Mia ist heute krank.", "de", ["Mia"]),
    # A word of the language, a place, a month or no verb after it.
    ("Ben je thuis?", "nl", []),
    ("Mia madre è malata.", "it", []),
    ("Paris est belle.", "fr", []),
    ("Mai ist schön.", "de", []),
    ("Jakub Nowak jest chory.", "pl", []),
    ("Jakub!", "pl", []),
    # Inside a sentence (the model and the pair rules read those).
    ("Wczoraj Jakub był chory.", "pl", []),
    # English is left to the verbs that take people.
    ("Mark turned up instead.", "en", []),
    ("Oliver is off sick today.", "en", []),
]


@pytest.mark.parametrize(("text", "language", "names"), OPENING)
def test_given_names_opening_a_sentence(
    lexicon: Lexicon, text: str, language: str, names: list[str]
) -> None:
    found = opening_given_names(text, language, lexicon)
    assert _values(text, found) == names
    assert all(f.source == OPENING_SOURCE and f.entity == "PERSON" for f in found)


def test_opening_names_in_lower_case_only_without_case(lexicon: Lexicon) -> None:
    assert opening_given_names("jakub jest chory.", "pl", lexicon) == []
    found = opening_given_names("jakub jest chory.", "pl", lexicon, True)
    assert [(f.start, f.end) for f in found] == [(0, 5)]


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("ben", "nl", True),
        ("sem", "nl", False),
        ("sem", "pt", True),
        ("fede", "it", True),
        ("gigi", "it", False),
        ("mark", "en", True),
        ("mark", "de", True),
        ("mark", "pl", False),
        ("june", "fr", True),
        ("kalle", "sv", False),
    ],
)
def test_everyday_words(
    lexicon: Lexicon, word: str, language: str, expected: bool
) -> None:
    assert everyday(word, language, lexicon) is expected


DETECTED = [
    (
        "hey, hab grad mit jonas geredet, er meint die lisa kommt auch.",
        "de",
        ["jonas", "lisa"],
    ),
    ("raga stasera da marco?", "it", ["marco"]),
    ("zeg tegen daan dat hij me moet bellen", "nl", ["daan"]),
    ("tjena, det är kalle.", "sv", ["kalle"]),
    ("coucou c'est manon, tu viens ?", "fr", ["manon"]),
    ("Kannst du lisa sagen, dass das Spiel ausfällt?", "de", ["lisa"]),
    (
        "Hoi meester Bakker, Sem is vandaag ziek en blijft thuis.",
        "nl",
        ["Bakker", "Sem"],
    ),
    ("Duarte está doente hoje.", "pt", ["Duarte"]),
    ("Jakub jest chory.", "pl", ["Jakub"]),
    ("Riccardo è malato oggi.", "it", ["Riccardo"]),
    # Chat lines without names keep their words.
    ("die rose im garten blüht endlich, mit viel sonne wird das was.", "de", []),
    ("ik ben bij de bakker, moet ik nog brood meenemen?", "nl", []),
    ("vado da mia madre e poi al mare, ci vediamo dopo.", "it", []),
    ("säg till mamma att vi kommer sent.", "sv", []),
    ("will you send me the notes from today? i missed the start", "en", []),
]


@pytest.mark.parametrize(("text", "language", "names"), DETECTED)
def test_bare_given_names_in_the_detector(
    full_detector: Detector, text: str, language: str, names: list[str]
) -> None:
    found = full_detector.analyze(text, language)
    assert _values(text, [f for f in found if f.entity == "PERSON"]) == names


def test_many_given_names_stay_linear(lexicon: Lexicon) -> None:
    """A long text of names is read once (no finding is compared with
    every other)."""
    text = "tjena, det är kalle. " * 10_000
    found = lower_given_names(text, "sv", lexicon, True)
    assert len(found) == 10_000
    text = "Jakub jest chory. " * 10_000
    assert len(opening_given_names(text, "pl", lexicon)) == 10_000


ENGLISH = [
    # A common-word name is a person where the sentence wants one: opening
    # it before a person's verb, or after a verb that takes people at the
    # end of a clause.
    ("Mark turned up instead.", ["Mark"]),
    ("mark turned up instead. rose said so.", ["mark", "rose"]),
    ("Mark is off sick today, sorry.", ["Mark"]),
    ("anyway ask will, his number is 07700900123", ["will"]),
    ("tell rose, she'll know", ["rose"]),
    # Fail closed: a rose that turns up is read as a person too.
    ("rose turned up in the garden", ["rose"]),
    (
        "lol ok so rose said she'd pick up the kids but then mark turned up",
        ["rose", "mark"],
    ),
    # Without such a slot the word stays.
    ("the rose said to be the oldest is gone", []),
    ("so will i, and then hope for the best", []),
    ("will you send me the notes? ask will do", []),
    ("i will ask, will you come?", []),
    ("can you mark the date? hope you're well", []),
    ("Will you send it?", []),
    ("Hope to see you soon.", []),
]


@pytest.mark.parametrize(("text", "names"), ENGLISH)
def test_english_common_word_names_in_a_person_slot(
    full_detector: Detector, text: str, names: list[str]
) -> None:
    found = full_detector.analyze(text, "en")
    assert _values(text, [f for f in found if f.entity == "PERSON"]) == names


DUTCH_TEGEN = [
    ("Kun je tegen Sem zeggen dat de wedstrijd niet doorgaat?", ["Sem"]),
    ("zeg tegen Daan dat hij moet bellen", ["Daan"]),
    # A club or a place after "tegen" stays.
    ("We spelen tegen Ajax.", []),
    ("Hij is tegen Europa.", []),
]


@pytest.mark.parametrize(("text", "names"), DUTCH_TEGEN)
def test_dutch_given_names_after_tegen(
    full_detector: Detector, text: str, names: list[str]
) -> None:
    found = full_detector.analyze(text, "nl")
    assert _values(text, [f for f in found if f.entity == "PERSON"]) == names


# Words of a language that the lexicon has as given names only: no person
# in lower case after a preposition or an article, nor opening a sentence;
# the given names of the same frames stay.
EVERYDAY_WORDS = [
    ("es ist solange gültig, bis es widerrufen wird", "de", []),
    ("das war ist naja okay", "de", []),
    ("c'est beau ce soir", "fr", []),
    ("avec mari et enfants", "fr", []),
    ("la luna llena esta noche", "es", []),
    ("vamos a la isla mañana", "es", []),
    ("la vera storia del paese", "it", []),
    ("per aria non si va", "it", []),
    ("met lieve groet, het team", "nl", []),
    ("van versie 2 naar versie 3", "nl", []),
    ("to stan wyjątkowy", "pl", []),
    ("para levar, por favor", "pt", []),
    ("till jorden och tillbaka", "sv", []),
    ("med bror och syster", "sv", []),
    ("with age comes wisdom", "en", []),
    ("with tea and biscuits", "en", []),
    # Names in the same frames.
    ("es ist lisa, sie kommt gleich", "de", ["lisa"]),
    ("c'est manon ce soir", "fr", ["manon"]),
    ("vamos a la rosi mañana", "es", ["rosi"]),
    ("la gigi del paese", "it", ["gigi"]),
    ("met daan naar het station", "nl", ["daan"]),
    ("to kasia, dzwoni później", "pl", ["kasia"]),
    ("para joão, por favor", "pt", ["joão"]),
    ("till kalle och tillbaka", "sv", ["kalle"]),
    ("with priya and biscuits", "en", ["priya"]),
]


@pytest.mark.parametrize(("text", "language", "names"), EVERYDAY_WORDS)
def test_everyday_words_after_a_word_that_takes_a_person(
    lexicon: Lexicon, text: str, language: str, names: list[str]
) -> None:
    found = lower_given_names(text, language, lexicon, caseless(text))
    assert _values(text, found) == names


OPENING_WORDS = [
    ("Solange es regnet, bleiben wir drinnen.", "de", []),
    ("Tor fiel in der letzten Minute.", "de", []),
    ("Beau temps demain sur la côte.", "fr", []),
    ("Vera storia, credimi.", "it", []),
    ("Versie twee is uit.", "nl", []),
    ("Obie firmy się połączyły.", "pl", []),
    ("Jorden är rund.", "sv", []),
    ("Spela musik högt.", "sv", []),
    # Names opening the same sentences.
    ("Jonas fiel in der letzten Minute.", "de", ["Jonas"]),
    ("Manon vient demain.", "fr", ["Manon"]),
    ("Sem is vandaag ziek.", "nl", ["Sem"]),
    ("Jakub jest chory.", "pl", ["Jakub"]),
    ("Kalle är sjuk.", "sv", ["Kalle"]),
]


@pytest.mark.parametrize(("text", "language", "names"), OPENING_WORDS)
def test_everyday_words_opening_a_sentence(
    lexicon: Lexicon, text: str, language: str, names: list[str]
) -> None:
    assert _values(text, opening_given_names(text, language, lexicon)) == names
