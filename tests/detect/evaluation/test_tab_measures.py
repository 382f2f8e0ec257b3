"""TAB's measures: an entity is found only when every mention is masked."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdprgate.detect.evaluation import Sample, load_datasets
from gdprgate.detect.evaluation.tab_measures import score_tab
from gdprgate.detect.finding import Finding


@pytest.fixture
def document(fixtures: Path) -> Sample:
    """The test document of the TAB fixture.

    "The applicant, Mr Tobias Quellmann, was born in 1961 in Varnholm.
    Mr Quellmann applied on 3 May 2004 (no. 12345/04)." with DIRECT e1
    (both name mentions) and e5 (the code), QUASI e2 (1961) and e3
    (Varnholm), NO_MASK e4 (the date).
    """
    [dataset] = load_datasets(fixtures / "entity_tab_toy.jsonl", "tab", "test")
    return dataset.samples[0]


def _mask(doc: Sample, *values: str, nth: int = 0) -> list[Finding]:
    findings = []
    for value in values:
        start = doc.text.index(value)
        if nth and value in doc.text[start + 1 :]:
            start = doc.text.index(value, start + 1)
        findings.append(Finding(start, start + len(value), "ANY", 0.9, "test"))
    return findings


def test_an_entity_with_one_unmasked_mention_is_not_found(document: Sample) -> None:
    """Hand count.

    Masked: "Tobias Quellmann" ("Mr" is ignored), "Varnholm", "3 May 2004".
    DIRECT: e1 misses its second mention, e5 is unmasked: 0/2. QUASI: e3
    found, e2 not: 1/2. Precision: 6 masked words, 3 inside DIRECT/QUASI.
    """
    findings = _mask(document, "Tobias Quellmann", "Varnholm", "3 May 2004")
    scores = score_tab([document], [findings])
    assert (scores.recall["DIRECT"].found, scores.recall["DIRECT"].total) == (0, 2)
    assert (scores.recall["QUASI"].found, scores.recall["QUASI"].total) == (1, 2)
    assert (scores.precision.tp, scores.precision.fp) == (3, 3)
    assert scores.precision.precision == 0.5
    assert scores.by_type["QUASI LOC"].found == 1
    assert scores.by_type["QUASI DATETIME"].found == 0


def test_every_mention_masked_finds_the_entity(document: Sample) -> None:
    """Adding the second name mention and the code: DIRECT 2/2, P 6/9."""
    findings = _mask(document, "Tobias Quellmann", "Varnholm", "3 May 2004")
    findings += _mask(document, "Quellmann", nth=1)
    findings += _mask(document, "12345/04")
    scores = score_tab([document], [findings])
    assert scores.recall["DIRECT"].value == 1.0
    assert scores.precision.precision == pytest.approx(6 / 9)


def test_a_finding_masks_whatever_its_entity(document: Sample) -> None:
    """The type of the finding does not matter: masking is what counts."""
    findings = [Finding(0, len(document.text), "DATE_TIME", 0.5, "test")]
    scores = score_tab([document], [findings])
    assert scores.recall["DIRECT"].value == 1.0
    assert scores.recall["QUASI"].value == 1.0
