"""resolve_overlaps: one clean, non-overlapping list from every layer."""

from __future__ import annotations

import itertools
import random

import pytest

from gdprgate.detect import Finding, resolve_overlaps
from gdprgate.detect.lists import SOURCE as DENY_SOURCE
from gdprgate.detect.overlap import (
    join_places,
    model_noise,
    places_read_as_people,
    prefer_people,
    priority,
    score_bucket,
)


def _f(start: int, end: int, entity: str = "PERSON", score: float = 0.9) -> Finding:
    return Finding(start, end, entity, score, "test")


def _spans(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.entity) for f in findings]


def test_nothing_in_nothing_out() -> None:
    assert resolve_overlaps([]) == []


def test_disjoint_findings_are_all_kept_in_text_order() -> None:
    found = resolve_overlaps([_f(20, 25), _f(0, 4), _f(10, 12)])

    assert _spans(found) == [(0, 4, "PERSON"), (10, 12, "PERSON"), (20, 25, "PERSON")]


def test_longer_span_wins_within_a_score_bucket() -> None:
    found = resolve_overlaps([_f(0, 4, score=0.95), _f(0, 12, "LOCATION", 0.91)])

    assert _spans(found) == [(0, 12, "LOCATION")]


def test_higher_bucket_beats_a_longer_span() -> None:
    """A 0.9 span beats a longer 0.6 span; the loser keeps what is left."""
    found = resolve_overlaps([_f(0, 30, "LOCATION", 0.6), _f(5, 10, "PERSON", 0.9)])

    assert _spans(found) == [
        (0, 5, "LOCATION"),
        (5, 10, "PERSON"),
        (10, 30, "LOCATION"),
    ]


def test_validated_pattern_beats_a_longer_model_span() -> None:
    """Patterns score 1.0 and models at most 0.99: the pattern's span stays."""
    model = Finding(0, 30, "EMAIL_ADDRESS", 0.99, "rampart")
    pattern = Finding(0, 24, "EMAIL_ADDRESS", 1.0, "pattern:email")

    assert resolve_overlaps([model, pattern]) == [pattern]


def test_same_bucket_and_length_prefers_the_higher_score() -> None:
    found = resolve_overlaps([_f(0, 5, "CITY", 0.81), _f(2, 7, "PERSON", 0.88)])

    assert _spans(found) == [(0, 2, "CITY"), (2, 7, "PERSON")]


def test_adjacent_same_values_do_not_swallow_the_text_between() -> None:
    """'Anna and Anna': two findings, never one span over ' and '."""
    text = "Anna and Anna"
    covering = _f(0, 13, "PERSON", 0.55)

    found = resolve_overlaps([_f(0, 4), _f(9, 13), covering])

    assert _spans(found) == [(0, 4, "PERSON"), (9, 13, "PERSON")]
    assert [text[f.start : f.end] for f in found] == ["Anna", "Anna"]


def test_touching_spans_are_not_merged() -> None:
    """End-exclusive offsets: [0, 4) and [4, 8) share nothing and both stay."""
    found = resolve_overlaps([_f(0, 4), _f(4, 8)])

    assert _spans(found) == [(0, 4, "PERSON"), (4, 8, "PERSON")]


def test_exact_duplicates_collapse_into_one() -> None:
    assert resolve_overlaps([_f(3, 9), _f(3, 9)]) == [_f(3, 9)]


def test_result_does_not_depend_on_input_order() -> None:
    findings = [
        _f(0, 6, "PERSON", 0.9),
        _f(3, 9, "LOCATION", 0.9),
        _f(3, 9, "ORGANIZATION", 0.9),
        _f(8, 14, "PERSON", 0.7),
    ]
    results = {tuple(resolve_overlaps(p)) for p in itertools.permutations(findings)}

    assert len(results) == 1


def test_score_buckets_are_tenths_with_one_at_the_top() -> None:
    assert [score_bucket(s) for s in (0.0, 0.5, 0.91, 0.99, 1.0)] == [0, 5, 9, 9, 10]


def test_random_findings_resolve_to_a_greedy_non_overlapping_cover() -> None:
    """No two kept overlap; every dropped one overlaps a kept one ranked above."""
    rng = random.Random(1234)
    for _ in range(200):
        findings = []
        for _ in range(rng.randint(1, 12)):
            start = rng.randint(0, 40)
            findings.append(_f(start, start + rng.randint(1, 10), score=rng.random()))

        kept = resolve_overlaps(findings)

        for left, right in itertools.pairwise(kept):
            assert left.end <= right.start
        for finding in set(findings) - set(kept):
            assert any(
                finding.overlaps(k) and priority(k) <= priority(finding) for k in kept
            )


def test_the_uncovered_rest_of_a_losing_span_is_kept() -> None:
    """A longer, weaker span that loses keeps the words no winner covers."""
    text = "Hello Annika Vesterholm 1382"
    start = text.index("Vesterholm")
    location = Finding(start, len(text), "LOCATION", 0.79, "rampart")
    date = Finding(text.index("1382"), len(text), "DATE_TIME", 0.85, "spacy")

    kept = resolve_overlaps([location, date], text)

    assert [(text[f.start : f.end], f.entity) for f in kept] == [
        ("Vesterholm", "LOCATION"),
        ("1382", "DATE_TIME"),
    ]


def test_a_loser_split_by_a_winner_keeps_both_sides() -> None:
    text = "Anna-Lena Vesterholm-Kaltenbach"
    whole = Finding(0, len(text), "PERSON", 0.7, "model")
    middle = Finding(5, 20, "LOCATION", 0.95, "model")  # "Lena Vesterholm"

    kept = resolve_overlaps([whole, middle], text)

    assert [text[f.start : f.end] for f in kept] == [
        "Anna",
        "Lena Vesterholm",
        "Kaltenbach",
    ]


def test_leftovers_without_two_letters_are_dropped() -> None:
    text = "Anna's file"
    name = Finding(0, 4, "PERSON", 0.95, "model")
    longer = Finding(0, 6, "LOCATION", 0.6, "model")  # "Anna's"

    assert resolve_overlaps([name, longer], text) == [name]


def test_a_surname_beyond_a_shorter_winner_of_its_kind_stays_covered() -> None:
    """One model finds "Ottilie", another "Ottilie Brandstaetter" with a lower
    score: the surname must not go out in clear."""
    text = "write to Ottilie Brandstaetter today"
    start = text.index("Ottilie")
    first = _f(start, start + 7, score=0.87)
    whole = _f(start, start + len("Ottilie Brandstaetter"), score=0.6)
    kept = resolve_overlaps([first, whole], text)
    assert [text[f.start : f.end] for f in kept] == ["Ottilie", "Brandstaetter"]


def test_connecting_words_between_two_winners_of_its_kind_stay_clear() -> None:
    text = "Anna und Anna kamen"
    both = _f(0, len("Anna und Anna"), score=0.6)
    kept = resolve_overlaps([_f(0, 4), _f(9, 13), both], text)
    assert [text[f.start : f.end] for f in kept] == ["Anna", "Anna"]


def test_a_spacy_organisation_or_place_inside_a_rampart_person_gives_way() -> None:
    """'Ravensworth' read as an organisation by spaCy, a name by Rampart."""
    person = Finding(4, 21, "PERSON", 0.7, "rampart")  # "Edda Ravensworth"
    body = Finding(9, 21, "ORGANIZATION", 0.85, "spacy")
    place = Finding(4, 8, "LOCATION", 0.85, "spacy")

    assert prefer_people([person, body, place]) == [person]
    assert resolve_overlaps(prefer_people([person, body])) == [person]
    # Without that step the organisation's higher score wins the overlap.
    assert resolve_overlaps([person, body])[0] != person


def test_other_overlaps_are_left_to_the_usual_rule() -> None:
    person = Finding(4, 21, "PERSON", 0.7, "rampart")
    spacy_person = Finding(0, 21, "PERSON", 0.6, "spacy")
    wider = Finding(0, 30, "ORGANIZATION", 0.85, "spacy")  # not inside
    date = Finding(9, 21, "DATE_TIME", 0.85, "spacy")  # another type
    other = Finding(9, 21, "ORGANIZATION", 0.85, "pattern:x")  # not spaCy
    spacy_only = Finding(40, 50, "PERSON", 0.6, "spacy")  # no Rampart person
    org = Finding(42, 48, "ORGANIZATION", 0.85, "spacy")

    kept = [spacy_person, wider, date, other]
    assert prefer_people([person, *kept]) == [person, *kept]
    assert prefer_people([spacy_only, org]) == [spacy_only, org]


def test_places_that_share_characters_are_joined_into_one() -> None:
    """'Hauptstr. 5a': the pattern reads the address whole, the model reads
    'Hauptstr' alone; one place, with the better score and its source."""
    street = Finding(17, 29, "LOCATION", 0.85, "pattern:street_address")
    model = Finding(17, 25, "LOCATION", 0.99, "rampart")
    town = Finding(33, 46, "LOCATION", 0.99, "rampart")
    inside = Finding(20, 22, "LOCATION", 0.6, "spacy")
    person = Finding(0, 10, "PERSON", 0.9, "rampart")
    joined = join_places([town, street, person, model, inside])
    assert sorted(joined, key=lambda f: f.start) == [
        person,
        Finding(17, 29, "LOCATION", 0.99, "rampart"),
        town,
    ]


def test_places_that_only_touch_stay_apart() -> None:
    left = Finding(0, 5, "LOCATION", 0.9, "rampart")
    right = Finding(5, 9, "LOCATION", 0.8, "spacy")
    assert sorted(join_places([right, left]), key=lambda f: f.start) == [left, right]


PLACES = frozenset({"zypern", "düren", "lund", "augsburg"})
PEOPLE = frozenset({"lund", "weber", "anna", "tor"})


def _one_word(text: str, findings: list[Finding]) -> list[Finding]:
    return places_read_as_people(text, findings, PLACES, PEOPLE)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Republik Zypern", "LOCATION"),  # a place and no person's name
        ("Stadtrat Düren", "LOCATION"),
        ("Herr Lund", "PERSON"),  # a place, and a surname too
        ("Herr Weber", "PERSON"),  # a name, no place
        ("Herr Kandahar", "PERSON"),  # unknown either way: the model decides
        ("bei augsburg", "PERSON"),  # lower case: the lists say nothing
        ("3. Liga", "PERSON"),  # a frequent word: the models decide
        ("sagte Düren", "PERSON"),  # a speaker: the models decide
    ],
)
def test_places_read_as_people(text: str, entity: str) -> None:
    start = text.index(" ") + 1
    found = _one_word(text, [_f(start, len(text))])
    assert [(f.start, f.end, f.entity, f.score) for f in found] == [
        (start, len(text), entity, 0.9)
    ]


def test_places_read_as_people_keep_longer_names_and_lists() -> None:
    text = "Anna Zypern und Zypern, Liga"
    two_words = _f(0, 11)
    listed = Finding(16, 22, "PERSON", 1.0, DENY_SOURCE)
    place = _f(24, 28, "LOCATION")
    found = _one_word(text, [two_words, listed, place])
    assert found == [two_words, listed, place]


def test_a_handle_the_pattern_read_beats_a_model_name_inside_it() -> None:
    handle = Finding(7, 16, "USERNAME", 0.85, "pattern:username")
    name = Finding(8, 16, "PERSON", 0.97, "rampart")
    other = Finding(20, 28, "PERSON", 0.97, "rampart")
    assert prefer_people([handle, name, other]) == [handle, other]


@pytest.mark.parametrize(
    ("text", "source", "kept"),
    [
        ("chamo-me", "rampart", False),  # no letter: "-" alone
        ("median(xs", "spacy", False),  # code
        ("get_user(user_id", "spacy", False),
        ("O'Brien", "spacy", True),
        ("Anna", "rampart", True),
        ("Hauptstr. 5 (Hinterhaus)", "rampart", True),  # Rampart keeps brackets
    ],
)
def test_model_noise(text: str, source: str, kept: bool) -> None:
    start, end = (5, 6) if text == "chamo-me" else (0, len(text))
    finding = Finding(start, end, "PERSON", 0.9, source)
    assert model_noise(text, [finding]) == ([finding] if kept else [])


def test_an_initial_left_over_from_a_lost_span_stays_masked() -> None:
    """ "Mme S. D.": spaCy's person loses "S" to Rampart's; the initial
    "D." left over is part of the name and stays masked."""
    text = "Ensuite Mme S. D. a signé."
    start = text.index("Mme")
    whole = Finding(start, start + len("Mme S. D."), "PERSON", 0.6, "spacy")
    letter = Finding(text.index("S."), text.index("S.") + 1, "PERSON", 0.87, "rampart")
    kept = resolve_overlaps([whole, letter], text)
    covered = {i for f in kept for i in range(f.start, f.end)}
    assert text.index("D.") in covered
