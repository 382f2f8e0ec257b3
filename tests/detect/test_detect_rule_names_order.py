"""add_rule_names finds the findings a name touches by bisection; these
tests hold it to the plain reading (every finding against every name),
restated below, on random texts, findings and names, and to a text of
thousands of names."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from gdprgate.detect import Finding
from gdprgate.detect.name_rules import (
    _mistyped,
    _surname_read_as_place,
    add_rule_names,
)

WORDS = ("Anna", "von", "der", "Leyen", "dos", "Santos", "oskarżonego", "Jana", "the")
PEOPLE = frozenset({"santos", "anna"})
FREQUENT = frozenset({"the"})


def plain_reading(
    findings: Sequence[Finding], names: Sequence[Finding], text: str
) -> list[Finding]:
    """Every name read against every finding kept so far."""
    result = list(findings)
    for name in names:
        touching = [f for f in result if f.start < name.end and name.start < f.end]
        if touching and all(_mistyped(text, f, name, FREQUENT) for f in touching):
            result = [f for f in result if f not in touching] + [name]
            continue
        places = [f for f in touching if _surname_read_as_place(text, f, name, PEOPLE)]
        touching = [f for f in touching if f not in places]
        result = [f for f in result if f not in places]
        if any(f.entity != "PERSON" for f in touching):
            continue
        if not touching:
            result.append(name)
            continue
        best = max([*touching, name], key=lambda f: (f.score, f.end - f.start))
        joined = Finding(
            min(name.start, *(f.start for f in touching)),
            max(name.end, *(f.end for f in touching)),
            "PERSON",
            best.score,
            best.source,
        )
        result = [f for f in result if f not in touching] + [joined]
    return result


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, list[Finding], list[Finding]]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    text = " ".join(words)
    bounds = []
    position = 0
    for word in words:
        bounds.append((position, position + len(word)))
        position += len(word) + 1
    count = len(bounds)
    # Findings: runs of words that do not overlap.
    findings = []
    index = 0
    while index < count:
        length = draw(st.integers(0, 3))
        if length and index + length <= count:
            findings.append(
                Finding(
                    bounds[index][0],
                    bounds[index + length - 1][1],
                    draw(st.sampled_from(("PERSON", "LOCATION", "ORGANIZATION"))),
                    draw(st.sampled_from((0.5, 0.8, 0.9))),
                    draw(st.sampled_from(("rampart", "spacy"))),
                )
            )
        index += max(length, 1)
    order = draw(st.permutations(findings))
    names = []
    for _ in range(draw(st.integers(0, 4))):
        first = draw(st.integers(0, count - 1))
        last = draw(st.integers(first, min(count - 1, first + 3)))
        names.append(
            Finding(bounds[first][0], bounds[last][1], "PERSON", 0.7, "given-name")
        )
    return text, list(order), names


@settings(max_examples=300, deadline=None)
@given(cases())
def test_bisection_gives_the_plain_reading(
    case: tuple[str, list[Finding], list[Finding]],
) -> None:
    text, findings, names = case
    expected = plain_reading(findings, names, text)
    assert add_rule_names(findings, names, text, FREQUENT, PEOPLE) == expected


def test_thousands_of_names() -> None:
    text = "Anna B. " * 4000
    names = [
        Finding(8 * i, 8 * i + 7, "PERSON", 0.7, "given-name") for i in range(4000)
    ]
    model = [Finding(8 * i, 8 * i + 4, "PERSON", 0.9, "rampart") for i in range(4000)]
    result = add_rule_names(model, names, text, FREQUENT, PEOPLE)
    assert result == [
        Finding(8 * i, 8 * i + 7, "PERSON", 0.9, "rampart") for i in range(4000)
    ]
