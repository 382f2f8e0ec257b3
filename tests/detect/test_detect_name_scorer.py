"""name_scorer: a second opinion on the words that may be part of a name.

The words get made-up model probabilities and a small hand-made lexicon,
so these tests need neither the model nor wordfreq.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from gdprgate.detect.gate import Lexicon
from gdprgate.detect.name_probe import Probe
from gdprgate.detect.name_scorer import (
    FEATURES,
    WEIGHTS,
    NameScorer,
    WordProbs,
    columns,
    feature_matrix,
    is_role,
    name_probabilities,
)
from gdprgate.detect.rampart_spans import ADDRESS_PARTS, decode_parts, group_parts

TYPES = ["O", "GIVEN_NAME", "SURNAME", "CITY", "EMAIL"]
COLUMNS = columns(TYPES, ADDRESS_PARTS)
LEXICON = Lexicon(
    words=frozenset({"die", "hat", "gesagt", "danach", "forscher", "kanzlerin"}),
    names=frozenset({"lotte"}),
    common=frozenset({"die", "hat", "danach"}),
    given=frozenset({"lotte"}),
    # Zipf frequencies, a half step per character from "0" (see gate.py), in
    # en de fr es it nl pl pt sv: "forscher" is frequent in German only,
    # "velmoran" (a made-up famous surname) about as frequent everywhere.
    frequencies={"forscher": "090000000", "velmoran": "777777777"},
)


def _words(text: str, name_probs: dict[str, float]) -> list[WordProbs]:
    """Every word of ``text``; the named ones get that surname probability."""
    words = []
    for match in re.finditer(r"\w+|[^\w\s]", text):
        probs = np.zeros(len(TYPES), dtype=np.float32)
        probs[TYPES.index("SURNAME")] = name_probs.get(match.group(), 0.0)
        probs[0] = 1 - probs.sum()
        words.append((match.start(), match.end(), probs))
    return words


def _probability(
    text: str, word: str, name_prob: float, language: str = "de"
) -> float | None:
    """The scorer's probability for ``word`` of a ``language`` ``text``."""
    assert COLUMNS is not None
    words = _words(text, {word: name_prob})
    index = next(i for i, (s, e, _) in enumerate(words) if text[s:e] == word)
    return name_probabilities(text, words, COLUMNS, LEXICON, language=language)[index]


def test_every_feature_has_a_weight_and_every_candidate_a_row() -> None:
    assert set(WEIGHTS) == set(FEATURES)
    assert COLUMNS is not None
    text = "Die Kanzlerin Velmora hat es gesagt."

    candidates, matrix = feature_matrix(text, _words(text, {}), COLUMNS, LEXICON)

    # "Die", "Kanzlerin", "Velmora": the capitalised words.
    assert candidates == [0, 1, 2]
    assert matrix.shape == (3, len(FEATURES))
    start = FEATURES.index("sentence_start")
    assert matrix[:, start].tolist() == [1.0, 0.0, 0.0]
    role = FEATURES.index("role_before")
    assert matrix[:, role].tolist() == [0.0, 0.0, 1.0]


def test_lower_case_words_the_model_leaves_outside_get_no_opinion() -> None:
    assert _probability("Die Kanzlerin Velmora hat es gesagt.", "gesagt", 0.0) is None
    assert _probability("Die Kanzlerin Velmora hat es gesagt.", "hat", 0.0) is None


def test_a_role_word_makes_an_unknown_surname_the_model_doubts_a_name() -> None:
    """ "Kanzlerin Velmora" is a person even where the model says 0.05."""
    with_role = _probability("Das sagte Kanzlerin Velmora gestern.", "Velmora", 0.05)
    with_article = _probability("Das sagte die Velmora gestern.", "Velmora", 0.05)

    assert with_role is not None
    assert with_article is not None
    assert with_role >= 0.5
    assert with_role > with_article


def test_an_ordinary_noun_the_model_calls_a_name_is_not_one() -> None:
    """A capitalised German noun is rejected; an unknown word in the same
    place, with the same model probability, is kept."""
    noun = _probability("Danach prüften Forscher das nach.", "Forscher", 0.7)
    unknown = _probability("Danach prüften Valdoro das nach.", "Valdoro", 0.7)

    assert noun is not None
    assert unknown is not None
    assert noun < 0.5 <= unknown


def test_a_word_as_frequent_abroad_as_at_home_is_more_likely_a_name() -> None:
    """A famous surname is about as frequent in every language's text; a
    noun as frequent at home only is less likely a name, with the same
    model probability and place in the sentence."""
    famous = _probability("Danach prüften Velmoran das nach.", "Velmoran", 0.3)
    noun = _probability("Danach prüften Forscher das nach.", "Forscher", 0.3)
    # Read as French text, where "forscher" is no frequent word at all.
    abroad = _probability("Danach prüften Forscher das nach.", "Forscher", 0.3, "fr")

    assert famous is not None
    assert noun is not None
    assert abroad is not None
    assert famous > noun
    assert abroad > noun


def test_frequencies_are_read_per_language() -> None:
    assert LEXICON.frequency("forscher", "de") == 4.5
    assert LEXICON.frequency("forscher", "fr") == 0.0
    assert LEXICON.foreign_frequency("forscher", "de") == 0.0
    assert LEXICON.foreign_frequency("velmoran", "de") == 3.5
    # Unknown words and languages the lexicon does not hold: nothing known.
    assert LEXICON.frequency("valdoro", "de") == 0.0
    assert LEXICON.frequency("forscher", "fi") == 0.0


def test_a_given_name_before_a_doubted_word_makes_it_a_surname() -> None:
    after_given = _probability("Gestern kam Lotte Brenkel an.", "Brenkel", 0.1)

    assert after_given is not None
    assert after_given >= 0.5


def test_the_scorer_has_no_opinion_without_name_types() -> None:
    scorer = NameScorer(["O", "CITY"], ADDRESS_PARTS, LEXICON)
    probs = np.array([0.9, 0.1], dtype=np.float32)

    assert scorer("Velmora", [(0, 7, probs)]) == [None]


# The probe's weights with a hidden layer of four units that the tests set
# by hand: German text only.
GERMAN_PROBE = Probe(
    weights=dict(WEIGHTS),
    projection=np.zeros((4, 1), dtype=np.float32),
    languages=frozenset({"de"}),
)


def test_the_hidden_layer_overrules_the_features_but_not_for_a_given_name() -> None:
    """With the probe's weights, a word's hidden-layer share moves its
    probability; a known given name keeps the higher of the two opinions;
    a language the probe was not fitted on is scored without it."""
    # "brenkel" is a rare word here, away from the given name: a word the
    # lexicon knows nothing of, or one right after a given name, keeps the
    # features' opinion (see the test below).
    lexicon = dataclasses.replace(
        LEXICON, frequencies={**LEXICON.frequencies, "brenkel": "222222222"}
    )
    scorer = NameScorer(TYPES, ADDRESS_PARTS, lexicon, probe=GERMAN_PROBE)
    text = "Gestern kam Lotte mit Brenkel an."
    words = _words(text, {"Lotte": 0.3, "Brenkel": 0.5})
    lotte, brenkel = 2, 4
    doubting = np.full((len(words), 1), -8.0, dtype=np.float32)
    sure = np.full((len(words), 1), 8.0, dtype=np.float32)

    plain = scorer(text, words, "de")
    doubted = scorer(text, words, "de", doubting)
    lifted = scorer(text, words, "de", sure)

    assert plain[brenkel] is not None
    assert plain[lotte] is not None
    assert plain[brenkel] >= 0.5
    assert doubted[brenkel] == pytest.approx(0.0, abs=0.05)
    assert doubted[lotte] == plain[lotte]
    assert lifted[lotte] > plain[lotte]
    assert scorer(text, words, "nl", doubting) == scorer(text, words, "nl")


def test_the_hidden_layer_cannot_overrule_a_name_the_model_is_sure_of() -> None:
    """At a name probability of 0.97 the doubting hidden layer changes
    nothing; at 0.9 it decides."""
    lexicon = dataclasses.replace(
        LEXICON, frequencies={**LEXICON.frequencies, "valdoro": "222222222"}
    )
    scorer = NameScorer(TYPES, ADDRESS_PARTS, lexicon, probe=GERMAN_PROBE)
    text = "Danach prüften Valdoro das nach."
    sure, unsure = _words(text, {"Valdoro": 0.97}), _words(text, {"Valdoro": 0.9})
    doubting = np.full((len(sure), 1), -8.0, dtype=np.float32)
    valdoro = 2

    assert (
        scorer(text, sure, "de", doubting)[valdoro] == scorer(text, sure, "de")[valdoro]
    )
    doubted = scorer(text, unsure, "de", doubting)[valdoro]
    assert doubted is not None
    assert doubted < 0.05


def test_the_hidden_layer_cannot_drop_a_word_the_lexicon_does_not_know() -> None:
    """A capitalised word that is no word of the lexicon ("Der dicke
    Wallraff") keeps the features' opinion against a doubting hidden
    layer; the same word known as a rare word is decided by the layer."""
    text = "Der dicke Wallraff saß im Bus."
    words = _words(text, {"Wallraff": 0.6})
    doubting = np.full((len(words), 1), -8.0, dtype=np.float32)
    wallraff = 2
    known = dataclasses.replace(
        LEXICON, frequencies={**LEXICON.frequencies, "wallraff": "222222222"}
    )

    unknown_scorer = NameScorer(TYPES, ADDRESS_PARTS, LEXICON, probe=GERMAN_PROBE)
    known_scorer = NameScorer(TYPES, ADDRESS_PARTS, known, probe=GERMAN_PROBE)
    plain = unknown_scorer(text, words, "de")[wallraff]
    kept = unknown_scorer(text, words, "de", doubting)[wallraff]
    doubted = known_scorer(text, words, "de", doubting)[wallraff]

    assert plain is not None
    assert plain >= 0.5
    assert kept == plain
    assert doubted is not None
    assert doubted < 0.05


def _decode_with(
    text: str, rows: list[tuple[str, float, float]], opinions: list[float | None]
) -> list[tuple[str, str, float]]:
    """Decode words of (value, surname probability, city probability) with
    a rescorer that gives ``opinions``; (value, entity, score) of each
    finding."""
    offsets, cursor = [], 0
    probs = np.zeros((len(rows), len(TYPES)), dtype=np.float32)
    for row, (value, surname, city) in enumerate(rows):
        start = text.index(value, cursor)
        cursor = start + len(value)
        offsets.append((start, cursor))
        probs[row, TYPES.index("SURNAME")] = surname
        probs[row, TYPES.index("CITY")] = city
        probs[row, 0] = 1 - surname - city
    parts = decode_parts(
        text,
        offsets,
        list(range(len(rows))),
        probs,
        TYPES,
        rescore=lambda _text, _words, _vectors: opinions,
    )
    return [
        (text[f.start : f.end], f.entity, f.score) for f in group_parts(text, parts)
    ]


def test_a_rejected_name_takes_the_models_next_type_or_none() -> None:
    text = "Forscher Lindau"
    rows = [("Forscher", 0.8, 0.0), ("Lindau", 0.5, 0.4)]

    found = _decode_with(text, rows, [0.1, 0.2])

    assert [(value, entity) for value, entity, _ in found] == [("Lindau", "LOCATION")]


def test_an_accepted_word_the_model_left_outside_becomes_a_name() -> None:
    text = "sagte Velmora"
    rows = [("sagte", 0.0, 0.0), ("Velmora", 0.02, 0.0)]

    found = _decode_with(text, rows, [None, 0.8])

    assert found == [("Velmora", "PERSON", pytest.approx(0.9))]


def test_an_accepted_model_name_scores_the_models_name_mass() -> None:
    """Below a majority of the model's mass, the score stays under the
    detector's default ``min_score`` (0.5): the scorer alone cannot make a
    word the model doubts outrank another layer's finding."""
    sure = _decode_with("Velmora", [("Velmora", 0.7, 0.0)], [0.95])
    doubted = _decode_with("Velmora", [("Velmora", 0.45, 0.2)], [0.95])

    assert sure == [("Velmora", "PERSON", pytest.approx(0.7))]
    assert doubted == [("Velmora", "PERSON", pytest.approx(0.45))]


def test_a_particle_the_model_puts_in_a_name_keeps_the_models_choice() -> None:
    """ "van den" between two name parts is no candidate: the name stays
    one, however the scorer would judge the particles."""
    text = "Gestern kam Lotte van den Brenkel an."
    words = _words(text, {"Lotte": 0.9, "van": 0.8, "den": 0.8, "Brenkel": 0.9})
    opinions = name_probabilities(text, words, COLUMNS, LEXICON)
    by_word = {text[s:e]: o for (s, e, _), o in zip(words, opinions, strict=True)}
    assert by_word["van"] is None
    assert by_word["den"] is None
    assert by_word["Brenkel"] is not None
    # A particle the model leaves outside is no name part either way.
    words = _words(text, {"Lotte": 0.9, "Brenkel": 0.9})
    assert name_probabilities(text, words, COLUMNS, LEXICON)[3] is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("kanzlerin", True),
        ("finanzminister", True),
        ("fußball-experte", True),
        ("parteikollegen", True),
        ("bäderleiter", True),
        # Too short to be a compound, or no role at the end.
        ("leiter", False),
        ("meister", False),
        ("rechnung", False),
        ("ministerium", False),
    ],
)
def test_role_words_and_german_compound_roles(word: str, expected: bool) -> None:
    assert is_role(word) is expected


def test_an_ordinary_lower_case_word_between_names_is_no_name_part() -> None:
    """ "Untermann ließ Blaszkiewitz": however sure the model is, an
    ordinary lower-case word next to a capitalised one is no name part."""
    text = "Heute hat Velmora gesagt Brenkel kommt."
    words = _words(text, {"Velmora": 0.9, "gesagt": 0.97, "Brenkel": 0.9})
    opinions = name_probabilities(text, words, COLUMNS, LEXICON, language="de")
    by_word = {text[s:e]: o for (s, e, _), o in zip(words, opinions, strict=True)}
    assert by_word["gesagt"] == 0.0
    assert by_word["Velmora"] is not None
    assert by_word["Velmora"] >= 0.5


def test_a_doubted_name_part_beside_an_accepted_one_is_accepted() -> None:
    """The model calls both words name parts; the scorer doubts the first
    after an article. Beside an accepted name part it counts (fail closed);
    alone it does not."""
    assert COLUMNS is not None
    pair = "Mit der Valdoro Lotte wurde verhandelt."
    alone = "Mit der Valdoro wurde verhandelt."
    probs = {"Valdoro": 0.6, "Lotte": 0.95}
    beside = name_probabilities(pair, _words(pair, probs), COLUMNS, LEXICON)
    single = name_probabilities(alone, _words(alone, probs), COLUMNS, LEXICON)
    assert single[2] is not None
    assert single[2] < 0.5
    assert beside[2] == 0.5


def test_a_known_persons_name_the_model_calls_one_needs_less() -> None:
    """ "über Hoffmann": a doubted word (above 0.3) that the model calls a
    name part and the lexicon knows as a person's name counts."""
    assert COLUMNS is not None
    text = "Sie beschwerte sich über Brenkel gestern."
    words = _words(text, {"Brenkel": 0.7})
    index = next(i for i, (s, e, _) in enumerate(words) if text[s:e] == "Brenkel")
    unknown = name_probabilities(text, words, COLUMNS, LEXICON, language="de")
    known = dataclasses.replace(LEXICON, people=frozenset({"brenkel"}))
    person = name_probabilities(text, words, COLUMNS, known, language="de")
    doubted = unknown[index]
    assert doubted is not None
    assert 0.3 <= doubted < 0.5
    assert person[index] == 0.5


def test_frequencies_do_not_count_beside_a_given_name() -> None:
    """ "Ute Froh": after a given name a word frequent in the language is a
    surname all the same; its frequencies are left out there."""
    assert COLUMNS is not None
    text = "Gestern kam Lotte Froh an."
    words = _words(text, {"Lotte": 0.9, "Froh": 0.6})
    frequent = dataclasses.replace(LEXICON, frequencies={"froh": "0@0000000"})
    plain = dataclasses.replace(LEXICON, frequencies={})
    index = 3
    with_frequency = name_probabilities(text, words, COLUMNS, frequent, language="de")
    without = name_probabilities(text, words, COLUMNS, plain, language="de")
    assert with_frequency[index] == without[index]
    # Elsewhere the frequency lowers the score.
    alone = "Gestern kam die Froh an."
    words = _words(alone, {"Froh": 0.6})
    low = name_probabilities(alone, words, COLUMNS, frequent, language="de")[3]
    high = name_probabilities(alone, words, COLUMNS, plain, language="de")[3]
    assert low is not None
    assert high is not None
    assert low < high


def test_a_model_name_after_a_title_counts() -> None:
    """ "Dr. Lang": the model calls it a name; an ordinary word after a
    title is a surname."""
    assert COLUMNS is not None
    text = "Ich sprach mit Dr. Danach gestern."
    words = _words(text, {"Danach": 0.9})
    index = next(i for i, (s, e, _) in enumerate(words) if text[s:e] == "Danach")
    assert name_probabilities(text, words, COLUMNS, LEXICON, language="de")[
        index
    ] == pytest.approx(0.5)


def test_a_link_word_inside_a_name_keeps_the_models_opinion() -> None:
    """ "Ali al-Nuaimi": an ordinary lower-case word that links name parts
    is not forced out of the name."""
    assert COLUMNS is not None
    text = "Heute kam Velmora al Brenkel an."
    lexicon = dataclasses.replace(LEXICON, words=LEXICON.words | {"al", "gesagt"})
    words = _words(text, {"Velmora": 0.9, "al": 0.9, "Brenkel": 0.9})
    opinions = name_probabilities(text, words, COLUMNS, lexicon, language="de")
    by_word = {text[s:e]: o for (s, e, _), o in zip(words, opinions, strict=True)}
    assert by_word["al"] != 0.0
