"""A nickname in brackets inside a name (gdprgate.detect.nicknames)."""

from __future__ import annotations

import pytest

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.nicknames import join_nicknames


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _person(text: str, value: str, entity: str = "PERSON") -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), entity, 0.8, "rampart")


CASES = [
    # (text, values found before, whole name expected or None)
    ("Verzekerde: M. (Marieke) Verhoeven\n", ["Verhoeven"], "M. (Marieke) Verhoeven"),
    (
        "voor A.M.J. (Annemiek) de Groot-Smeets, geboren",
        ["Annemiek", "Groot-Smeets"],
        "A.M.J. (Annemiek) de Groot-Smeets",
    ),
    (
        "Candidato: Giuseppe (Peppe) La Rosa, nato",
        ["Giuseppe", "Rosa"],
        "Giuseppe (Peppe) La Rosa",
    ),
    ("Kontakt: Katharina (Kathi) Brandl", ["Kathi"], "Katharina (Kathi) Brandl"),
    # A town's name may be the surname: initials found as a person do.
    (
        "Aan: Dhr. W.J.M. (Willem) van Rijswijk\n",
        ["W.J.M."],
        "W.J.M. (Willem) van Rijswijk",
    ),
    # No person found inside: the bracket alone holds no one.
    ("Microsoft (Redmond) Office is installed", [], None),
    ("Version (Beta) Release notes", [], None),
    # A noun before a role in the bracket: no nickname.
    ("ein Mitarbeiter (Adjutant) von Hitlers", ["Hitlers"], None),
    ("Doctor (Emergency) Room", ["Room"], None),
]


@pytest.mark.parametrize(("text", "found", "whole"), CASES)
def test_nickname_joins_the_name(
    lexicon: Lexicon, text: str, found: list[str], whole: str | None
) -> None:
    """The initials or given name, the nickname and the surname: one span."""
    findings = [_person(text, value) for value in found]
    joined = join_nicknames(text, findings, lexicon)
    if whole is None:
        assert joined == findings
        return
    start = text.index(whole)
    assert [(f.start, f.end, f.entity) for f in joined] == [
        (start, start + len(whole), "PERSON")
    ]


def test_other_findings_stay(lexicon: Lexicon) -> None:
    """Findings outside the nicknamed name are kept as they were."""
    text = "Tom (Tommy) Baker lives in Leeds"
    leeds = _person(text, "Leeds", "LOCATION")
    joined = join_nicknames(text, [_person(text, "Baker"), leeds], lexicon)
    assert [(f.start, f.end) for f in joined] == [(0, 17), (leeds.start, leeds.end)]
