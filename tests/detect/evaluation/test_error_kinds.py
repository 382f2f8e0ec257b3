"""Every scored span and finding gets one error kind."""

from __future__ import annotations

from gdprgate.detect.evaluation import MAPPINGS, GoldSpan, Sample
from gdprgate.detect.evaluation.error_kinds import classify_errors
from gdprgate.detect.evaluation.tokens import tokenize
from gdprgate.detect.finding import Finding


def _sample(text: str, *spans: tuple[str, str]) -> Sample:
    gold = []
    for value, label in spans:
        start = text.index(value)
        gold.append(GoldSpan(start, start + len(value), label))
    return Sample(text, "en", tuple(gold), tokenize(text))


def _finding(text: str, value: str, entity: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), entity, 0.9, "test")


def test_kinds_of_gold_spans_and_findings() -> None:
    """Bounds are compared without edge spaces: "Ole Varg " is exact."""
    first = "Lotte Brandvik of Harbour moved to Tromsvik."
    second = "Dr. Ole Varg met Ilse."
    samples = [
        _sample(first, ("Lotte Brandvik", "PERSON"), ("Tromsvik", "GPE")),
        _sample(second, ("Dr.", "TITLE"), ("Ole Varg", "PERSON"), ("Ilse", "PERSON")),
    ]
    predictions = [
        [
            _finding(first, "Brandvik", "PERSON"),
            _finding(first, "Tromsvik", "PERSON"),
            _finding(first, "Harbour", "ORGANIZATION"),
        ],
        [_finding(second, "Dr", "PERSON"), _finding(second, "Ole Varg ", "PERSON")],
    ]
    kinds = classify_errors(samples, predictions, MAPPINGS["presidio"])

    assert dict(kinds.gold["PERSON"]) == {"boundary": 1, "exact": 1, "missed": 1}
    assert dict(kinds.gold["LOCATION"]) == {"wrong_type": 1}
    assert dict(kinds.predicted["PERSON"]) == {
        "boundary": 1,
        "wrong_type": 1,
        "unscored": 1,
        "exact": 1,
    }
    assert dict(kinds.predicted["ORGANIZATION"]) == {"spurious": 1}
    assert kinds.confusions == {("LOCATION", "PERSON"): 1}
    assert kinds.forms[("gold", "PERSON", "missed")] == {"Ilse": 1}
