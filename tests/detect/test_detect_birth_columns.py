"""Dates under a table header that names a date of birth, in nine languages."""

from __future__ import annotations

import pytest

from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.patterns.date_of_birth import DateOfBirthRecognizer
from gdprgate.detect.patterns.table_columns import birth_cells
from tests.detect.pattern_cases import MIN_SCORE

# (text, expected [(start, end)] of every DATE_OF_BIRTH); [] is a negative case.
CASES: list[tuple[str, list[tuple[int, int]]]] = [
    ("id,dob\n1,1992-01-05\n2,1984-07-19\n3,1979-03-02", [(9, 19), (22, 32), (35, 45)]),
    (
        "name,dob\nLena Hoffmann,1992-01-05\nMarcus Delgado,1984-07-19\n"
        "Priya Raman,1979-03-02\nOwen Price,1966-11-23\nSara Lind,2001-05-30",
        [(23, 33), (49, 59), (72, 82), (94, 104), (115, 125)],
    ),
    (
        "INSERT INTO patients (name, date_of_birth) VALUES "
        "('Lena Hoffmann', '1992-01-05'), ('Marcus Delgado', '1984-07-19');",
        [(69, 79), (103, 113)],
    ),
    (
        "| Name | Geburtsdatum |\n|---|---|\n"
        "| Lena Hoffmann | 05.01.1992 |\n| Marcus Delgado | 19.07.1984 |",
        [(52, 62), (84, 94)],
    ),
    (
        "id;date de naissance;ville\n1;05/01/1992;Lyon\n2;19/07/1984;Paris",
        [(29, 39), (47, 57)],
    ),
    ("id\tfecha de nacimiento\n1\t05/01/1992\n2\t19/07/1984", [(25, 35), (38, 48)]),
    # A quoted cell's comma does not move the column.
    (
        'nome,"data di nascita",citta\n'
        '"Rossi, Anna",05/01/1992,Roma\n"Bianchi, Luca",19/07/1984,Milano',
        [(43, 53), (75, 85)],
    ),
    # Only the birth column: the other dates of a row are no birth dates.
    (
        "naam;geboortedatum;aangemaakt\nJan;05-01-1992;2024-03-01\n"
        "Piet;19-07-1984;2024-03-02",
        [(34, 44), (61, 71)],
    ),
    ("imie,data urodzenia\nAnna,05.01.1992\nJan,19.07.1984", [(25, 35), (40, 50)]),
    ("nome,data de nascimento\nAna,05/01/1992\nRui,19/07/1984", [(28, 38), (43, 53)]),
    ("namn\tfödelsedatum\nAnna\t1992-01-05\nErik\t1984-07-19", [(23, 33), (39, 49)]),
    (
        "id,dob,created\n1,1992-01-05,2024-03-01\n2,1984-07-19,2024-03-02",
        [(17, 27), (41, 51)],
    ),
    # No birth header, or the table ended at a blank line.
    ("id,created\n1,2024-03-01\n2,2024-03-02", []),
    ("id,dob\n1,1992-01-05\n\nnotes,date\nx,1984-07-19", [(9, 19)]),
    (
        "INSERT INTO visits (patient, visited_on) VALUES "
        "('Lena', '2024-01-05'), ('Marc', '2024-07-19');",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_every_date_in_a_birth_column_is_a_date_of_birth(
    text: str, expected: list[tuple[int, int]]
) -> None:
    found = [
        (f.start, f.end)
        for f in DateOfBirthRecognizer().analyze(text)
        if f.score >= MIN_SCORE
    ]

    assert found == expected


def test_a_prose_line_with_a_birth_word_heads_no_table() -> None:
    """A long cell is prose, not a column name."""
    text = "She was born in a small town near the coast, we think,\nx,1984-07-19"
    start = text.index("1984")
    short = "born,x\n1984-07-19,y"

    assert not birth_cells(text, CONTEXT_LANGUAGES).holds(start, start + 10)
    assert birth_cells(short, CONTEXT_LANGUAGES).holds(7, 17)


@pytest.mark.parametrize(
    ("text", "last"),
    [
        (
            "name,dob,address\n" + 'Lena Hoffmann,1992-01-05,"Weg 1, Ort"\n' * 25_000,
            "1992-01-05",
        ),
        ("dob " * 250_000, None),
        (
            "INSERT INTO p (name, dob) VALUES " + "('Lena', '1992-01-05'), " * 20_000,
            "1992-01-05",
        ),
    ],
)
def test_birth_cells_hold_to_the_end_of_a_megabyte(text: str, last: str | None) -> None:
    """A megabyte of table, of header words or of SQL rows is read to its
    end: the last row's date is still a birth cell, and header words alone
    make none (the reading is one pass; see the module doc)."""
    cells = birth_cells(text, CONTEXT_LANGUAGES)

    if last is None:
        assert not cells.holds(0, 3)
    else:
        start = text.rindex(last)
        assert cells.holds(start, start + len(last))
