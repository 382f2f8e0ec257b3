"""Polish names in their inflected cases (see gdprgate.detect.polish_forms)."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector, Finding
from gdprgate.detect.gate import load_lexicon
from gdprgate.detect.name_rules import (
    PAIR_SCORE,
    PAIR_SOURCE,
    NameRules,
    add_rule_names,
)
from gdprgate.detect.polish_forms import given_name_forms, surname_forms

GIVEN = [
    # (nominative, forms that must be made)
    ("piotr", {"piotra", "piotrowi", "piotrem", "piotrze"}),
    ("jan", {"jana", "janowi", "janem", "janie"}),
    ("paweł", {"pawła", "pawłowi", "pawłem", "pawle"}),
    ("marek", {"marka", "markowi", "markiem", "marku"}),
    ("jacek", {"jacka", "jackiem"}),
    ("kacper", {"kacpra", "kacprem"}),
    ("tomasz", {"tomasza", "tomaszowi", "tomaszem", "tomaszu"}),
    ("robert", {"roberta", "robercie"}),
    ("jerzy", {"jerzego", "jerzemu", "jerzym"}),
    ("antoni", {"antoniego", "antoniemu", "antonim"}),
    ("jaś", {"jasia", "jasiowi", "jasiem", "jasiu"}),
    ("joanna", {"joanny", "joannie", "joannę", "joanną", "joanno"}),
    ("małgorzata", {"małgorzaty", "małgorzacie", "małgorzatę", "małgorzatą"}),
    ("agnieszka", {"agnieszki", "agnieszce", "agnieszkę", "agnieszką"}),
    ("olga", {"olgi", "oldze"}),
    ("maria", {"marii", "marię", "marią"}),
    ("kaja", {"kai", "kaję", "kają"}),
    ("kasia", {"kasi", "kasię", "kasią", "kasiu"}),
    ("ola", {"oli", "olę", "olą", "olu"}),
    ("natasza", {"nataszy", "nataszę"}),
    ("kuba", {"kuby", "kubie", "kubę", "kubą"}),
]


@pytest.mark.parametrize(("name", "forms"), GIVEN)
def test_given_names_take_their_case_endings(name: str, forms: set[str]) -> None:
    made = given_name_forms(name)
    assert forms <= made
    assert name not in made


SURNAMES = [
    ("kowalski", {"kowalskiego", "kowalskiemu", "kowalskim", "kowalska",
                  "kowalskiej", "kowalską", "kowalskich"}),
    ("zawadzki", {"zawadzkiego", "zawadzka", "zawadzkiej"}),
    ("nowicki", {"nowickiego", "nowickiej"}),
    ("nowak", {"nowaka", "nowakowi", "nowakiem", "nowaku"}),
    ("mazur", {"mazura", "mazurowi", "mazurem", "mazurze"}),
    ("dudek", {"dudka", "dudkiem"}),
    ("duda", {"dudy", "dudzie", "dudę", "dudą"}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "forms"), SURNAMES)
def test_surnames_take_their_case_endings(name: str, forms: set[str]) -> None:
    assert forms <= surname_forms(name)


def test_lexicon_knows_inflected_polish_names_but_not_frequent_words() -> None:
    """Forms are names; a form that is a frequent word ("idzie") is not."""
    lexicon = load_lexicon()
    for form in ("piotra", "tomasza", "joanny", "kasia", "małgorzata", "anną"):
        assert form in lexicon.given
        assert not lexicon.is_ordinary(form)
    for form in ("nowaka", "kowalskiego", "kamińskiej"):
        assert not lexicon.is_ordinary(form)
    assert "idzie" not in lexicon.given


@pytest.fixture(scope="module")
def rules() -> NameRules:
    return NameRules(load_lexicon())


INFLECTED = [
    ("List od Piotra Zielińskiego przyszedł wczoraj.", "Piotra Zielińskiego"),
    ("Proszę zadzwonić do Tomasza Nowaka.", "Tomasza Nowaka"),
    ("Zapytaj Pawła Mazura o raport.", "Pawła Mazura"),
    ("Umowa Joanny Kamińskiej wygasła.", "Joanny Kamińskiej"),
    ("Wczoraj widziałem Łukasza Żółtowskiego na dworcu.", "Łukasza Żółtowskiego"),
    ("Rozmawiałem z Markiem Dudkiem.", "Markiem Dudkiem"),
    ("Dziękujemy Agnieszce Sikorze.", "Agnieszce Sikorze"),
    ("Spotkałem się z Anną Nowak wczoraj.", "Anną Nowak"),
]


@pytest.mark.parametrize(("text", "name"), INFLECTED)
def test_inflected_polish_names_are_rule_pairs(
    rules: NameRules, text: str, name: str
) -> None:
    [found] = rules.given_name_pairs(text)
    assert (text[found.start : found.end], found.source) == (name, PAIR_SOURCE)


@pytest.mark.parametrize(("text", "name"), INFLECTED)
def test_inflected_polish_names_are_masked_whole(
    full_detector: Detector, text: str, name: str
) -> None:
    found = full_detector.analyze(text, "pl")
    assert [(text[f.start : f.end], f.entity) for f in found] == [(name, "PERSON")]


def test_a_place_that_is_a_name_and_a_lower_case_noun_becomes_the_name() -> None:
    """A model's place made of lower-case words and a rule name is mistyped."""
    text = "skazał oskarżonego Jana Kowalskiego, lat 38."
    place = Finding(7, 35, "LOCATION", 0.99, "rampart")
    name = Finding(19, 35, "PERSON", PAIR_SCORE, PAIR_SOURCE)
    assert text[place.start : place.end] == "oskarżonego Jana Kowalskiego"
    assert add_rule_names([place], [name], text) == [name]
    # A frequent word before the name keeps the model's place.
    assert add_rule_names([place], [name], text, frozenset({"oskarżonego"})) == [place]
    # A pattern's finding is never taken for a name.
    listed = Finding(7, 35, "LOCATION", 0.99, "pattern:address")
    assert add_rule_names([listed], [name], text) == [listed]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Numbers before the name: an address, read whole.
        ("located at 389 167 king alexander\nlady frere, ec", "lady frere"),
        # A name without capitals (text without case) says nothing.
        ("skazał oskarżonego jana kowalskiego", "jana kowalskiego"),
        # More than two words before it.
        ("in the old town of Jana Kowalskiego", "Jana Kowalskiego"),
    ],
)
def test_a_place_stays_a_place_unless_only_a_noun_stands_before_the_name(
    text: str, name: str
) -> None:
    first = text.index("389") if "389" in text else text.index(" ") + 1
    place = Finding(first, text.index(name) + len(name), "LOCATION", 0.9, "rampart")
    rule = Finding(text.index(name), place.end, "PERSON", PAIR_SCORE, PAIR_SOURCE)
    assert add_rule_names([place], [rule], text) == [place]


@pytest.mark.parametrize(
    ("text", "model", "rule"),
    [
        # A capitalised word beside the name: an organisation.
        ("Instytut Jana Kowalskiego", (0, 25), (9, 25)),
        # The place is the name itself: a park, a street.
        ("grew up in Shelly Park.", (11, 22), (11, 22)),
        # Lower-case words after the name: a street ("u." is "utca").
        ("04862 Victor Hugo u. 49", (6, 20), (6, 17)),
    ],
)
def test_a_place_keeps_its_type_unless_a_noun_comes_first(
    text: str, model: tuple[int, int], rule: tuple[int, int]
) -> None:
    place = Finding(*model, "LOCATION", 0.9, "rampart")
    name = Finding(*rule, "PERSON", PAIR_SCORE, PAIR_SOURCE)
    assert add_rule_names([place], [name], text) == [place]


def test_court_text_names_the_accused_not_the_noun(full_detector: Detector) -> None:
    text = "Sąd Rejonowy w Krakowie skazał oskarżonego Jana Kowalskiego, lat 38."
    people = [
        text[f.start : f.end]
        for f in full_detector.analyze(text, "pl")
        if f.entity == "PERSON"
    ]
    assert people == ["Jana Kowalskiego"]
