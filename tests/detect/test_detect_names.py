"""Initials and titles written before a detected name become part of it."""

from __future__ import annotations

import pytest

from gdprgate.detect import Finding
from gdprgate.detect.names import TITLE_INITIALS_SCORE, extend_initials


def person(text: str, surname: str) -> Finding:
    start = text.index(surname)
    return Finding(start, start + len(surname), "PERSON", 0.9, "test")


@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        ("Agent, Mr C. Whomersley of the Office", "Whomersley", "Mr C. Whomersley"),
        ("Agent, Mr Z.M. Necatigil.", "Necatigil", "Mr Z.M. Necatigil"),
        ("by Mme J.-P. Moreau, avocate", "Moreau", "Mme J.-P. Moreau"),
        ("signed A. B. Kowalczyk today", "Kowalczyk", "A. B. Kowalczyk"),
        ("national, Mr. M. Wojtunik (the applicant)", "Wojtunik", "Mr. M. Wojtunik"),
        ("Łukasz Ł. Nowak", "Nowak", "Ł. Nowak"),
        # Not initials: an abbreviation, a number, lower case, nothing.
        ("see Mr. Wojtunik", "Wojtunik", "Mr. Wojtunik"),
        ("in § 2. Kowalczyk said", "Kowalczyk", "Kowalczyk"),
        ("vitamin c. Moreau", "Moreau", "Moreau"),
        # A dotted abbreviation with a lower-case letter is no initials.
        ("Z.n. Hashimoto", "Hashimoto", "Hashimoto"),
        ("i.V. Kowalczyk", "Kowalczyk", "Kowalczyk"),
        ("Bericht, Z.N. Hashimoto", "Hashimoto", "Z.N. Hashimoto"),
        ("Necatigil alone", "Necatigil", "Necatigil"),
    ],
)
def test_initials_are_joined_to_the_name(
    text: str, surname: str, expected: str
) -> None:
    [finding] = extend_initials(text, [person(text, surname)])
    assert text[finding.start : finding.end] == expected
    assert finding.end == text.index(surname) + len(surname)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("the applicant, Mrs Quellmann, said", "Quellmann", "Mrs Quellmann"),
        ("Dr Varnholt wrote", "Varnholt", "Dr Varnholt"),
        ("selon M. Dufrêne, le", "Dufrêne", "M. Dufrêne"),
        ("la requérante, Mme Lavaud", "Lavaud", "Mme Lavaud"),
        ("el Sr. Garrido Olmeda declaró", "Garrido Olmeda", "Sr. Garrido Olmeda"),
        ("la Sra. Peñalver", "Peñalver", "Sra. Peñalver"),
        ("Frau Kettler kam", "Kettler", "Frau Kettler"),
        # A lower-case title joins a capitalised name too.
        ("ask mr Quellmann", "Quellmann", "mr Quellmann"),
        # Not titles: glued to a word, "M" without its stop.
        ("TeamMr Quellmann", "Quellmann", "Quellmann"),
        ("Block M Dufrêne", "Dufrêne", "Dufrêne"),
    ],
)
def test_titles_are_joined_to_the_name(text: str, name: str, expected: str) -> None:
    """A title right before a name is masked with it: it tells the gender."""
    [finding] = extend_initials(text, [person(text, name)])
    assert text[finding.start : finding.end] == expected


def test_other_entities_are_left_alone() -> None:
    text = "Route A. Hauptstrasse"
    start = text.index("Hauptstrasse")
    location = Finding(start, len(text), "LOCATION", 0.9, "test")
    assert extend_initials(text, [location]) == [location]


def test_initials_already_in_another_finding_are_not_taken() -> None:
    text = "Mail X. Necatigil"
    other = Finding(5, 7, "PERSON", 0.9, "test")  # "X."
    name = person(text, "Necatigil")
    assert extend_initials(text, [other, name]) == [other, name]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Hable con el Sr. Baumer mañana.", "Baumer mañana", "Sr. Baumer"),
        ("ask Anna Kowalski about it", "Anna Kowalski about it", "Anna Kowalski"),
        # Particles inside a name stay; a name all in lower case stays whole.
        ("Ludwig van Beethoven", "Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("contact jan de vries", "jan de vries", "jan de vries"),
        (
            "the king, Mohammed al-Jadaan, said",
            "Mohammed al-Jadaan",
            "Mohammed al-Jadaan",
        ),
    ],
)
def test_a_capitalised_name_does_not_end_in_a_lower_case_word(
    text: str, span: str, expected: str
) -> None:
    [finding] = extend_initials(text, [person(text, span)])
    assert text[finding.start : finding.end] == expected


@pytest.mark.parametrize(
    ("text", "title", "name", "expected"),
    [
        (
            "Merci de contacter Mme Ségolène Vautrin demain.",
            "Mme",
            "Ségolène Vautrin",
            "Mme Ségolène Vautrin",
        ),
        ("Bitte Herrn Dr. Kuhlmey anrufen", "Dr.", "Kuhlmey", "Herrn Dr. Kuhlmey"),
        ("Ask M. Tavernier", "M.", "Tavernier", "M. Tavernier"),
    ],
)
def test_a_title_found_alone_joins_the_name_after_it(
    text: str, title: str, name: str, expected: str
) -> None:
    found = extend_initials(text, [person(text, title), person(text, name)])

    assert [text[f.start : f.end] for f in found] == [expected]


def test_a_title_alone_before_a_place_or_far_from_a_name_stays_apart() -> None:
    text = "Mme Lyon; Mme und dann Vautrin"
    place = Finding(4, 8, "LOCATION", 0.9, "test")
    title, far = person(text, "Mme"), person(text, "Vautrin")

    assert extend_initials(text, [title, place]) == [title, place]
    assert extend_initials(text, [title, far]) == [title, far]


@pytest.mark.parametrize(
    ("text", "first", "second", "expected"),
    [
        # Two layers found one half each.
        ("I hope Hope Velmora comes.", "Hope", "Velmora", ["Hope Velmora"]),
        ("Frag Jorinde Kaltenbach-Moravec.", "Jorinde", "Kaltenbach-Moravec",
         ["Jorinde Kaltenbach-Moravec"]),
        # Two whole names side by side are two people.
        ("traf Lotte Brenkel Anna Velmora", "Lotte Brenkel", "Anna Velmora",
         ["Lotte Brenkel", "Anna Velmora"]),
        # Anything but one space between them keeps them apart.
        ("Hope, Velmora and others", "Hope", "Velmora", ["Hope", "Velmora"]),
        ("Hope\nVelmora", "Hope", "Velmora", ["Hope", "Velmora"]),
    ],
)  # fmt: skip
def test_a_one_word_name_next_to_another_name_joins_it(
    text: str, first: str, second: str, expected: list[str]
) -> None:
    found = extend_initials(text, [person(text, first), person(text, second)])

    assert [text[f.start : f.end] for f in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Sra. S. D. fue nombrada síndico.", ["Sra. S. D."]),
        ("a favor de la Sra. S. D., síndico", ["Sra. S. D."]),
        ("Mr A.B. and Mrs C. left.", ["Mr A.B.", "Mrs C."]),
        ("Frau K. kam nicht.", ["Frau K."]),
        ("by Mme J.-P. alone", ["Mme J.-P."]),
        # No title, lower-case letters, or no initials: nothing.
        ("signed A. B. today", []),
        ("Dr. a. b. wrote", []),
        ("Dr. med. wrote", []),
        ("TeamMr A. wrote", []),
    ],
)
def test_a_title_with_initials_only_is_a_person(text: str, expected: list[str]) -> None:
    """No model finds 'Sra. S. D.', yet it names someone."""
    found = extend_initials(text, [])

    assert [text[f.start : f.end] for f in found] == expected
    assert all(f.entity == "PERSON" for f in found)
    assert all(f.score == TITLE_INITIALS_SCORE for f in found)


def test_title_initials_are_left_to_a_name_found_after_them() -> None:
    """'Sr. J.' before a found surname joins it instead of standing apart."""
    text = "el Sr. J. Wolanski, del Ministerio"
    found = extend_initials(text, [person(text, "Wolanski")])

    assert [text[f.start : f.end] for f in found] == ["Sr. J. Wolanski"]


def test_title_initials_touching_another_finding_are_not_added() -> None:
    text = "Mr A. 12 Main Street"
    place = Finding(3, 20, "LOCATION", 0.9, "test")

    assert extend_initials(text, [place]) == [place]


@pytest.mark.parametrize(
    ("text", "initials", "name", "expected"),
    [
        ("vor W. Fesenkow und", "W", "Fesenkow", ["W. Fesenkow"]),
        ("mit A. B. Korsakin", "A. B", "Korsakin", ["A. B. Korsakin"]),
    ],
)
def test_initials_the_model_read_as_a_place_join_the_name(
    text: str, initials: str, name: str, expected: list[str]
) -> None:
    """Rampart reads a lone 'W' as a place; before a name it is an initial."""
    start = text.index(initials)
    place = Finding(start, start + len(initials), "LOCATION", 0.7, "rampart")

    found = extend_initials(text, [place, person(text, name)])

    assert [(text[f.start : f.end], f.entity) for f in found] == [
        (value, "PERSON") for value in expected
    ]


def test_a_place_of_another_layer_before_initials_stays() -> None:
    """Only the model's own reading of the initials gives way."""
    text = "vor W. Fesenkow und"
    place = Finding(4, 5, "LOCATION", 0.9, "pattern:postcode")
    name = person(text, "Fesenkow")

    assert extend_initials(text, [place, name]) == [place, name]
