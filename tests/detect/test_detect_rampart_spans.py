"""rampart_spans: from per-token probabilities to whole-word findings.

These tests feed made-up probabilities, so they need no model.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from gdprgate.detect.rampart_spans import (
    MAX_MODEL_SCORE,
    NAME_FLOOR,
    decode_parts,
    group_parts,
    label_types,
    word_vectors,
)

NAMES = ["O", "GIVEN_NAME", "SURNAME", "STREET_NAME", "BUILDING_NUMBER"]
NAMES += ["ZIP_CODE", "CITY", "EMAIL", "GOVERNMENT_ID"]

# (piece, word id, type, probability of that type; the rest goes to O)
Token = tuple[str, int, str, float]


def _decode(
    text: str, tokens: list[Token], maybe_name: Callable[[str], bool] | None = None
) -> list[tuple[str, str]]:
    """Run both steps on ``tokens`` and return (value, entity) pairs."""
    offsets, word_ids = [], []
    probs = np.zeros((len(tokens), len(NAMES)), dtype=np.float32)
    cursor = 0
    for row, (piece, word, kind, p) in enumerate(tokens):
        start = text.index(piece, cursor)
        cursor = start + len(piece)
        offsets.append((start, cursor))
        word_ids.append(word)
        probs[row, NAMES.index(kind)] += p
        probs[row, 0] += 1 - p

    parts = decode_parts(text, offsets, word_ids, probs, NAMES, maybe_name)
    return [(text[f.start : f.end], f.entity) for f in group_parts(text, parts)]


def test_label_types_add_b_and_i_labels_into_one_type() -> None:
    names, matrix = label_types({0: "O", 1: "B-CITY", 2: "I-CITY", 3: "B-SURNAME"})
    probs = np.array([[0.4, 0.3, 0.3, 0.0]], dtype=np.float32)

    assert names == ["O", "CITY", "SURNAME"]
    assert (probs @ matrix)[0].tolist() == pytest.approx([0.4, 0.6, 0.0])


def test_word_pieces_are_averaged_into_one_whole_word() -> None:
    """'Gi' + 'ulia': a weak second piece does not cut the name mid-word."""
    text = "Hi Giulia!"
    tokens = [("Gi", 1, "GIVEN_NAME", 0.9), ("ulia", 1, "GIVEN_NAME", 0.4)]

    assert _decode(text, tokens) == [("Giulia", "PERSON")]


def test_a_word_whose_pieces_lean_to_o_is_dropped() -> None:
    tokens = [("Gi", 1, "GIVEN_NAME", 0.5), ("ulia", 1, "O", 0.9)]

    assert _decode("Giulia", tokens) == []


def test_given_name_and_surname_become_one_person() -> None:
    tokens = [("Giulia", 0, "GIVEN_NAME", 0.9), ("Rossi", 1, "SURNAME", 0.8)]

    assert _decode("Giulia Rossi", tokens) == [("Giulia Rossi", "PERSON")]


def test_a_given_name_after_a_whole_name_starts_the_next_person() -> None:
    """Two people side by side ("traf Lotte Brenkel Anna Velmora") are two
    findings; two given names before one surname stay one person."""
    two = [
        ("Lotte", 0, "GIVEN_NAME", 0.9),
        ("Brenkel", 1, "SURNAME", 0.9),
        ("Anna", 2, "GIVEN_NAME", 0.9),
        ("Velmora", 3, "SURNAME", 0.9),
    ]
    assert _decode("traf Lotte Brenkel Anna Velmora", two) == [
        ("Lotte Brenkel", "PERSON"),
        ("Anna Velmora", "PERSON"),
    ]
    one = [
        ("Anna", 0, "GIVEN_NAME", 0.9),
        ("Maria", 1, "GIVEN_NAME", 0.9),
        ("Velmora", 2, "SURNAME", 0.9),
    ]
    assert _decode("Anna Maria Velmora", one) == [("Anna Maria Velmora", "PERSON")]


def test_hyphenated_names_are_joined() -> None:
    """'Jean-Luc Moreau' with the hyphen itself labelled O."""
    tokens = [
        ("Jean", 0, "GIVEN_NAME", 0.9),
        ("-", 1, "O", 0.9),
        ("Luc", 2, "GIVEN_NAME", 0.9),
        ("Moreau", 3, "SURNAME", 0.9),
    ]

    assert _decode("Jean-Luc Moreau", tokens) == [("Jean-Luc Moreau", "PERSON")]


def test_names_are_not_joined_across_other_words() -> None:
    """'Anna and Anna' stays two persons; 'and' is never swallowed."""
    tokens = [
        ("Anna", 0, "GIVEN_NAME", 0.9),
        ("and", 1, "O", 0.9),
        ("Anna", 2, "GIVEN_NAME", 0.9),
    ]

    assert _decode("Anna and Anna", tokens) == [("Anna", "PERSON"), ("Anna", "PERSON")]


@pytest.mark.parametrize(
    ("text", "middle", "expected"),
    [
        # Particles the model left outside join the name parts around them.
        ("Pepe de la Varnholm", ["de", "la"], [("Pepe de la Varnholm", "PERSON")]),
        ("Maria da Quellosa", ["da"], [("Maria da Quellosa", "PERSON")]),
        ("Amalie von Trelleborn", ["von"], [("Amalie von Trelleborn", "PERSON")]),
        ("Jan van der Ostrik", ["van", "der"], [("Jan van der Ostrik", "PERSON")]),
        # Not particles: a preposition ("zu"), an article alone, a word.
        ("Velmora zu Brenkel", ["zu"], [("Velmora", "PERSON"), ("Brenkel", "PERSON")]),
        ("Velmora la Brenkel", ["la"], [("Velmora", "PERSON"), ("Brenkel", "PERSON")]),
        ("Velmora und Brenkel", ["und"],
         [("Velmora", "PERSON"), ("Brenkel", "PERSON")]),
        # Capitalised, the particle is a word of its own.
        ("Velmora Von Brenkel", ["Von"],
         [("Velmora", "PERSON"), ("Brenkel", "PERSON")]),
    ],
)  # fmt: skip
def test_lower_case_particles_join_the_parts_of_one_name(
    text: str, middle: list[str], expected: list[tuple[str, str]]
) -> None:
    """'Maria da Quellosa' is one person even when 'da' was left outside."""
    first, last = text.split()[0], text.split()[-1]
    tokens: list[Token] = [(first, 0, "GIVEN_NAME", 0.9)]
    tokens += [(word, index + 1, "O", 0.9) for index, word in enumerate(middle)]
    tokens.append((last, len(middle) + 1, "SURNAME", 0.9))

    assert _decode(text, tokens) == expected


def test_names_are_not_joined_across_a_line_break() -> None:
    tokens = [("Anna", 0, "GIVEN_NAME", 0.9), ("Schmidt", 1, "SURNAME", 0.9)]

    assert _decode("Anna\nSchmidt", tokens) == [
        ("Anna", "PERSON"),
        ("Schmidt", "PERSON"),
    ]


def test_address_parts_join_across_commas_and_line_breaks() -> None:
    text = "Hauptstraße 12,\n10115 Berlin."
    tokens = [
        ("Haupt", 0, "STREET_NAME", 0.9),
        ("straße", 0, "STREET_NAME", 0.9),
        ("12", 1, "BUILDING_NUMBER", 0.9),
        (",", 2, "O", 0.9),
        ("101", 3, "ZIP_CODE", 0.9),
        ("15", 3, "ZIP_CODE", 0.9),
        ("Berlin", 4, "CITY", 0.9),
        (".", 5, "CITY", 0.6),
    ]

    assert _decode(text, tokens) == [("Hauptstraße 12,\n10115 Berlin", "LOCATION")]


def test_address_parts_are_not_joined_across_words() -> None:
    tokens = [
        ("Berlin", 0, "CITY", 0.9),
        ("or", 1, "O", 0.9),
        ("Paris", 2, "CITY", 0.9),
    ]

    assert _decode("Berlin or Paris", tokens) == [
        ("Berlin", "LOCATION"),
        ("Paris", "LOCATION"),
    ]


def test_a_lone_postcode_or_house_number_is_dropped() -> None:
    tokens = [("10115", 1, "ZIP_CODE", 0.9), ("12", 3, "BUILDING_NUMBER", 0.9)]

    assert _decode("PLZ 10115 Nr 12", tokens) == []


def test_other_types_get_presidio_style_names() -> None:
    tokens = [("X1234567", 1, "GOVERNMENT_ID", 0.9), ("a@b.example", 3, "EMAIL", 0.9)]

    assert _decode("ID X1234567 mail a@b.example", tokens) == [
        ("X1234567", "ID_NUMBER"),
        ("a@b.example", "EMAIL_ADDRESS"),
    ]


def test_scores_are_mean_word_probabilities_capped_below_patterns() -> None:
    text = "Giulia Rossi"
    offsets = [(0, 6), (7, 12)]
    probs = np.zeros((2, len(NAMES)), dtype=np.float32)
    probs[0, NAMES.index("GIVEN_NAME")] = 1.0
    probs[1, NAMES.index("SURNAME")] = 1.0

    capped = group_parts(text, decode_parts(text, offsets, [0, 1], probs, NAMES))
    probs[1, NAMES.index("SURNAME")] = 0.6
    probs[1, 0] = 0.4
    mean = group_parts(text, decode_parts(text, offsets, [0, 1], probs, NAMES))

    assert [f.score for f in capped] == [MAX_MODEL_SCORE]
    assert [f.score for f in mean] == [pytest.approx(0.8)]


def _not_ordinary(word: str) -> bool:
    return word.lower() not in {"immerhin", "bilanz"}


def test_an_unsure_capitalised_word_is_a_name_part_when_it_may_be_a_name() -> None:
    """'Röttgen' at 0.3 SURNAME (O 0.7): kept; its score clears 0.5."""
    tokens = [("sagte", 0, "O", 0.9), ("Röttgen", 1, "SURNAME", 0.3)]
    text = "sagte Röttgen"

    assert _decode(text, tokens) == []
    assert _decode(text, tokens, _not_ordinary) == [("Röttgen", "PERSON")]
    offsets, word_ids = [(0, 5), (6, 13)], [0, 1]
    probs = np.zeros((2, len(NAMES)), dtype=np.float32)
    probs[:, 0] = [0.9, 0.7]
    probs[1, NAMES.index("SURNAME")] = 0.3
    parts = decode_parts(text, offsets, word_ids, probs, NAMES, _not_ordinary)
    assert [p.scores for p in parts] == [[pytest.approx(0.65)]]


def test_given_name_and_surname_probabilities_add_up_for_an_unsure_word() -> None:
    """Neither name type alone reaches the floor; both together do."""
    half = NAME_FLOOR * 0.6
    text = "Nico Kolb"
    offsets, word_ids = [(0, 4), (5, 9)], [0, 1]
    probs = np.zeros((2, len(NAMES)), dtype=np.float32)
    probs[0, NAMES.index("GIVEN_NAME")] = 0.9
    probs[0, 0] = 0.1
    probs[1, NAMES.index("GIVEN_NAME")] = half
    probs[1, NAMES.index("SURNAME")] = half
    probs[1, 0] = 1 - 2 * half
    parts = decode_parts(text, offsets, word_ids, probs, NAMES, _not_ordinary)

    assert [(text[f.start : f.end], f.entity) for f in group_parts(text, parts)] == [
        ("Nico Kolb", "PERSON")
    ]


@pytest.mark.parametrize(
    ("text", "kind", "p"),
    [
        ("Immerhin", "SURNAME", 0.4),  # an ordinary word
        ("Röttgen", "SURNAME", NAME_FLOOR - 0.01),  # under the floor
        ("Röttgen", "CITY", 0.4),  # another type's probability
    ],
)
def test_unsure_words_stay_outside_without_every_condition(
    text: str, kind: str, p: float
) -> None:
    assert _decode(text, [(text, 0, kind, p)], _not_ordinary) == []


def test_a_name_never_runs_on_over_a_sentences_full_stop() -> None:
    """ "Sarah Connor. Connor said": the model's name label on the full
    stop joins no parts (initials are joined later: extend_initials)."""
    types = ["O", "GIVEN_NAME", "SURNAME"]
    text = "Met Sarah Connor. Connor said so"
    rows = [("Met", "O"), ("Sarah", "GIVEN_NAME"), ("Connor", "SURNAME"),
            (".", "SURNAME"), ("Connor", "SURNAME"), ("said", "O"),
            ("so", "O")]  # fmt: skip
    offsets, cursor = [], 0
    probs = np.zeros((len(rows), len(types)), dtype=np.float32)
    for row, (value, kind) in enumerate(rows):
        start = text.index(value, cursor)
        cursor = start + len(value)
        offsets.append((start, cursor))
        probs[row, types.index(kind)] = 1.0
    parts = decode_parts(text, offsets, list(range(len(rows))), probs, types)
    found = [text[f.start : f.end] for f in group_parts(text, parts)]
    assert found == ["Sarah Connor", "Connor"]


def test_a_words_hidden_row_is_its_first_pieces_or_their_mean() -> None:
    """Words as :func:`decode_parts` reads them: pieces of one word id, a
    zero-width piece left out."""
    offsets = [(0, 4), (4, 7), (8, 12), (12, 12), (13, 15)]
    word_ids = [0, 0, 1, 1, 2]
    hidden = np.array([[1.0], [3.0], [5.0], [100.0], [7.0]], dtype=np.float32)

    first = word_vectors(offsets, word_ids, hidden, "first")
    mean = word_vectors(offsets, word_ids, hidden, "mean")

    assert first.tolist() == [[1.0], [5.0], [7.0]]
    assert mean.tolist() == [[2.0], [5.0], [7.0]]
    assert word_vectors([], [], hidden[:0], "mean").shape == (0, 1)
