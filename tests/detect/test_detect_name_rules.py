"""Names the model misses: a known given name before a surname."""

from __future__ import annotations

import itertools

import pytest

from gdprgate.detect import Detector, DetectorConfig, Finding, build_detector
from gdprgate.detect.gate import given_names, load_lexicon
from gdprgate.detect.name_rules import (
    PAIR_SCORE,
    PAIR_SOURCE,
    NameRules,
    add_rule_names,
)
from gdprgate.detect.speakers import SPEAKER_SCORE, SPEAKER_SOURCE
from gdprgate.detect.tool_people import person_position


@pytest.fixture(scope="module")
def rules() -> NameRules:
    return NameRules(load_lexicon())


POSITIVE = [
    # (text, the name found), in several languages
    ("Das sagte Wolfgang Kraus am Montag.", "Wolfgang Kraus"),
    ("Max Herbst wurde 1950 geboren.", "Max Herbst"),
    ("Le témoin, Jean-Baptiste Moreau, était absent.", "Jean-Baptiste Moreau"),
    ("Una carta de María José de la Fuente llegó ayer.", "María José de la Fuente"),
    ("Heinrich Wilhelm von Miltitz lebte dort.", "Heinrich Wilhelm von Miltitz"),
    ("Ontem Joana Tavares-Lemos ligou.", "Joana Tavares-Lemos"),
    ("Igår ringde Øyvind Lindqvist igen.", "Øyvind Lindqvist"),
    ("Het rapport van Pieter van der Berg is klaar.", "Pieter van der Berg"),
    ("Then George W. Kowalczyk signed it.", "George W. Kowalczyk"),
    ("Ask Łukasz Wiśniewski about it.", "Łukasz Wiśniewski"),
    ("Then Patrick O'Brannagh replied.", "Patrick O'Brannagh"),
]


@pytest.mark.parametrize(("text", "name"), POSITIVE)
def test_given_name_and_surname_are_a_person(
    rules: NameRules, text: str, name: str
) -> None:
    [found] = rules.given_name_pairs(text)
    assert text[found.start : found.end] == name
    assert (found.entity, found.score, found.source) == (
        "PERSON", PAIR_SCORE, PAIR_SOURCE,
    )  # fmt: skip


NEGATIVE = [
    "Will Power is a racing driver's nickname.",  # "will" is an ordinary word
    "In May Tomorrow the shop opens.",  # months are not given names
    "Im August Regen und Wind.",
    "Wolfgang sagte nichts.",  # no surname
    "Max, komm her!",  # punctuation between
    "Send it to Anna SMITH-CORP now.",  # capitals: an acronym, not a name
    "Laura The end.",  # an ordinary word is no surname
    "We met at Florence Cathedral.",
    "wolfgang kraus in lower case",  # the rule reads capitalised names only
    "the user @Wolfgang Kraus",  # a handle is the username recognizer's
    "No name here at all.",
    "Das Max-Planck-Institut Göttingen sucht.",  # "Planck" is no given name
    "Carmen y Pablo",  # "y" joins two people, it is no particle
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_name_without_both_parts(rules: NameRules, text: str) -> None:
    assert rules.given_name_pairs(text) == []


SPEAKERS = [
    # (text, the speakers found), in several languages
    ('"Das geht nicht", sagte Pfisterer.', ["Pfisterer"]),
    ('"Nein", erklärt Kowalczyk nach der Sitzung.', ["Kowalczyk"]),
    ('"Yes," said Varnholt.', ["Varnholt"]),
    ("« Non », a déclaré Dufrêne.", ["Dufrêne"]),
    ('"Não", disse Quellosa, ontem.', ["Quellosa"]),
    ('"Ja", säger Lindqvist.', ["Lindqvist"]),
    ('"Sí", dijo Brenkel-Ostrik.', ["Brenkel-Ostrik"]),
    # Not a speaker: a role, an ordinary word, an acronym, no quotation
    # or comma before the verb, a lower-case word, no verb of saying.
    ('"Ja", sagt Sprecher Dietzeld.', []),
    ('"Ja", sagte Gott.', []),
    ('"Ok", sagte UEFA.', []),
    ("Er sagte Pfisterer sei krank.", []),
    ('"Ja", sagte niemand.', []),
    ('"Ja", rief Pfisterer.', []),
    ("Der Plan ist gut, so Müller.", ["Müller"]),
    # "ha" alone is no verb of saying ("ha detto" is).
    ('"Sì", ha Quellosa.', []),
]


@pytest.mark.parametrize(("text", "names"), SPEAKERS)
def test_the_speaker_after_a_quotation_is_a_person(
    rules: NameRules, text: str, names: list[str]
) -> None:
    """News text names whom it quotes right after the quotation."""
    found = rules.given_name_pairs(text)

    assert [text[f.start : f.end] for f in found] == names
    assert all(
        (f.entity, f.score, f.source) == ("PERSON", SPEAKER_SCORE, SPEAKER_SOURCE)
        for f in found
    )


def test_a_speaker_with_given_name_and_surname_is_found_once(
    rules: NameRules,
) -> None:
    text = '"Gut", sagt Wolfgang Kraus.'

    [found] = rules.given_name_pairs(text)

    assert (text[found.start : found.end], found.source) == (
        "Wolfgang Kraus",
        PAIR_SOURCE,
    )


def test_two_names_in_one_text_are_two_findings(rules: NameRules) -> None:
    text = "Anna Kowalski und Wolfgang Kraus kamen."
    found = rules.given_name_pairs(text)
    assert [text[f.start : f.end] for f in found] == ["Anna Kowalski", "Wolfgang Kraus"]


def test_given_names_of_one_odd_list_that_are_words_are_left_out() -> None:
    lexicon = load_lexicon()
    assert {"wolfgang", "laura", "łukasz", "lukasz"} <= lexicon.given
    # One Faker list holds "Red" and "Hall" as given names; both are words.
    assert not {"red", "hall"} & lexicon.given
    assert "red" in given_names([])
    assert "red" not in given_names([{"red"}] * 2)


@pytest.fixture(scope="module")
def patterns_and_rules() -> Detector:
    """Rampart 'on' in the configuration (rules need it) but replaced by no
    layer at all, so only the rules find names."""
    detector = Detector(DetectorConfig(cache_size=0), layers=[])
    detector.warm_up()
    return detector


def test_the_detector_reports_rule_names_and_can_turn_them_off(
    patterns_and_rules: Detector,
) -> None:
    text = "Bitte an Wolfgang Kraus senden."
    [found] = patterns_and_rules.analyze(text, "de")
    assert (text[found.start : found.end], found.source) == (
        "Wolfgang Kraus", PAIR_SOURCE,
    )  # fmt: skip
    off = Detector(DetectorConfig(cache_size=0, name_rules=False), layers=[])
    assert off.analyze(text, "de") == []
    patterns_only = build_detector(DetectorConfig(rampart=False, spacy=False))
    assert patterns_only.analyze(text, "de") == []


def test_name_rules_change_the_cache_fingerprint() -> None:
    on, off = DetectorConfig(), DetectorConfig(name_rules=False)
    assert on.fingerprint() != off.fingerprint()


def test_rule_names_join_model_names_and_yield_to_other_types() -> None:
    text = "Wolfgang Amadeus Kraus met ACME Kraus GmbH."
    rule = Finding(0, 16, "PERSON", PAIR_SCORE, PAIR_SOURCE)  # Wolfgang Amadeus
    model = Finding(9, 22, "PERSON", 0.8, "rampart")  # Amadeus Kraus
    assert add_rule_names([model], [rule]) == [Finding(0, 22, "PERSON", 0.8, "rampart")]
    # A rule name inside an organisation changes nothing.
    org = Finding(27, 42, "ORGANIZATION", 0.85, "spacy")
    inside = Finding(32, 42, "PERSON", PAIR_SCORE, PAIR_SOURCE)
    assert [text[f.start : f.end] for f in (rule, model, org, inside)] == [
        "Wolfgang Amadeus", "Amadeus Kraus", "ACME Kraus GmbH", "Kraus GmbH",
    ]  # fmt: skip
    assert add_rule_names([org], [inside]) == [org]
    # Where nothing was found, the rule name is added.
    assert add_rule_names([org], [rule]) == [org, rule]


def test_deny_listed_names_stay_in_any_case() -> None:
    detector = build_detector(
        DetectorConfig(
            cache_size=0, deny_list=(("PERSON", "sam"),), rampart=True, spacy=False
        )
    )
    text = "please ask sam about order 4411."
    found = detector.analyze(text, "en")
    assert ("sam", "deny_list") in [(text[f.start : f.end], f.source) for f in found]


@pytest.mark.parametrize(
    ("text", "found", "name"),
    [
        # The model found the given name only: the surname joins it.
        ("Gestern rief Hans Meier an.", "Hans", "Hans Meier"),
        # The model found the surname only: the given name before joins it.
        ("Igår ringde Per Lindqvist.", "Lindqvist", "Per Lindqvist"),
        # No surname after, no given name before: unchanged.
        ("Hans kam gestern.", "Hans", "Hans"),
        ("Gestern kam Meier.", "Meier", "Meier"),
        # "Segundo" and "Secondo" are given names, and "according to".
        ("Segundo Joaquim Tavares, a reunião acabou.", "Joaquim Tavares",
         "Joaquim Tavares"),
        ("Secondo Fabrizio Petrucci è finita.", "Fabrizio Petrucci",
         "Fabrizio Petrucci"),
    ],
)  # fmt: skip
def test_a_found_name_takes_its_other_half(
    rules: NameRules, text: str, found: str, name: str
) -> None:
    start = text.index(found)
    model = Finding(start, start + len(found), "PERSON", 0.8, "rampart")
    [extended] = rules.extend_given_names(text, [model])
    assert text[extended.start : extended.end] == name
    assert (extended.entity, extended.score, extended.source) == (
        "PERSON", 0.8, "rampart",
    )  # fmt: skip


def test_a_found_name_does_not_grow_over_another_finding(rules: NameRules) -> None:
    text = "Per Lindqvist"
    first = Finding(0, 3, "ORGANIZATION", 0.85, "spacy")
    second = Finding(4, 13, "PERSON", 0.9, "rampart")
    assert rules.extend_given_names(text, [first, second]) == [first, second]
    # Only PERSON findings grow; a given name inside a word does not count.
    place = Finding(4, 13, "LOCATION", 0.9, "rampart")
    assert rules.extend_given_names(text, [place]) == [place]
    glued = "XPer Lindqvist"
    person = Finding(5, 14, "PERSON", 0.9, "rampart")
    assert rules.extend_given_names(glued, [person]) == [person]


def test_a_found_name_does_not_grow_into_a_finding_that_starts_before_it(
    rules: NameRules,
) -> None:
    # The surname lies inside a long finding that starts before the given
    # name: the look-up must see findings by how far they reach, not only
    # by where they start.
    text = "Per Lindqvist"
    wide = Finding(0, 13, "LOCATION", 0.6, "spacy")
    person = Finding(0, 3, "PERSON", 0.9, "rampart")
    assert rules.extend_given_names(text, [wide, person]) == [wide, person]
    # Without it, the same given name takes its surname.
    [grown] = rules.extend_given_names(text, [person])
    assert (grown.start, grown.end) == (0, 13)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # A lone German article before a German noun is no particle.
        ("Dann hält Kurt Miller den PSA-Test für nötig.", "de", "Kurt Miller"),
        ("Dann gab Kurt Wendeborn den Abschlussbericht ab.", "de", "Kurt Wendeborn"),
        # Before a word that is no German noun it may be one ("Jan den Uyl"),
        # and after another particle it always is.
        ("Gestern sprach Kurt den Brenkel.", "de", "Kurt den Brenkel"),
        ("Gestern kam Heinrich von der Tann.", "de", "Heinrich von der Tann"),
        # Outside German, "das" and "dos" are particles.
        ("Ontem falou Maria das Quintelas.", "pt", "Maria das Quintelas"),
        ("Gisteren kwam Kurt den Boer.", "nl", "Kurt den Boer"),
    ],
)
def test_a_lone_german_article_before_a_noun_ends_the_name(
    rules: NameRules, text: str, language: str, name: str
) -> None:
    found = rules.given_name_pairs(text, language=language)
    assert [text[f.start : f.end] for f in found] == [name]


def test_many_chat_speakers_are_each_found_once(rules: NameRules) -> None:
    # Speakers, greetings and given names overlap; the first by start (the
    # longest of those) is kept, each once, in a long chat too.
    text = "Jana: Hallo Jana, wie geht's?\nMarek: Gut, danke!\n" * 300
    found = rules.given_name_pairs(text, language="de")
    values = [text[f.start : f.end] for f in found]
    assert values == ["Jana", "Jana", "Marek"] * 300
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # A speaker at the head of a line, far into the text.
        ("ok\n" * 5000 + "Jenkins: deploy done", "Jenkins", True),
        ("ok\n" * 5000 + "[09:12] Jenkins: deploy done", "Jenkins", True),
        ("ok\n" * 5000 + "  14:02 Jenkins: deploy done", "Jenkins", True),
        # Inside a line, it is a tool's label.
        ("ok\n" * 5000 + "ok ok Jenkins: done", "Jenkins", False),
        ("ok " * 5000 + "Jenkins: deploy done", "Jenkins", False),
        # A phone number on the name's line, close to it; not on the next.
        ("ok " * 5000 + "Jenkins 0171 2345678", "Jenkins", True),
        ("ok " * 5000 + "Jenkins\n0171 2345678", "Jenkins", False),
    ],
)
def test_a_person_position_is_read_near_the_name(
    text: str, name: str, expected: bool
) -> None:
    start = text.rindex(name)
    assert person_position(text, start, start + len(name)) is expected
