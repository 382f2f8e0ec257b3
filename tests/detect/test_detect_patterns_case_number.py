"""Court case and application numbers: "application no. 12345/04".

Every number is invented; spans are exact.
"""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns.case_number import CaseNumberRecognizer
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    ("an application (no. 12345/04) against", ["12345/04"]),
    ("Smith v. Ruritania, nos. 11111/01 and 22222/02, 1 May", ["11111/01", "22222/02"]),
    (
        "nos. 1234/05, 2345/05, 3456/05 et 4567/05",
        ["1234/05", "2345/05", "3456/05", "4567/05"],
    ),
    ("une requête (n° 98765/10) dirigée", ["98765/10"]),
    ("une requête (no 18949 / 91) dirigée", ["18949 / 91"]),
    ("demandas (nos. 43210/98 y 43211/98)", ["43210/98", "43211/98"]),
    ("en la solicitud n.º 5136/11", ["5136/11"]),
    ("parcel no. 119/5 of the register", ["119/5"]),
    ("Beschwerde 54321/09 wurde", ["54321/09"]),
    ("application 36110/97 was", ["36110/97"]),
    ("the 2019/20 season", []),
    ("on 12/05/2003 he came", []),
    ("Protocol No. 1 and Article 6 no. 5", []),
    ("share 3/4 of the house", []),
    # An invoice's, an order's or a ticket's number is no case number.
    ("Invoice no. 2024/118 has been paid.", []),
    ("Rechnung Nr. 2024/118 ist bezahlt.", []),
    ("Faktura nr 2024/118 została opłacona.", []),
    ("Ticket no. 4521/23 closed.", []),
    ("Ordernummer: nr 7781/22", []),
    ("the application no. 4521/23 and invoice no. 88/23", ["4521/23"]),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_case_number_spans(text: str, values: list[str]) -> None:
    """Items after a number word, or bare serial/year next to a case word."""
    assert reported(CaseNumberRecognizer(), text) == spans_of(text, values)


def test_long_list_keeps_every_item() -> None:
    """A list of forty numbers after one "nos." is found to its last item."""
    numbers = [f"{30000 + index}/96" for index in range(40)]
    text = "applications nos. " + ", ".join(numbers[:-1]) + " and " + numbers[-1]

    assert reported(CaseNumberRecognizer(), text) == spans_of(text, numbers)
