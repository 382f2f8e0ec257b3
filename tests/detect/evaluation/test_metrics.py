"""Token-level scores, F-beta and the entity mapping, on hand-counted cases."""

from __future__ import annotations

import pytest

from gdprgate.detect.evaluation import MAPPINGS, Counts, GoldSpan, Sample, f_beta
from gdprgate.detect.evaluation.mapping import is_national_id, rename_presidio
from gdprgate.detect.evaluation.metrics import UNSCORED, gold_token_labels, score_tokens
from gdprgate.detect.evaluation.tokens import tokenize
from gdprgate.detect.finding import Finding


def _sample(text: str, *spans: tuple[str, str]) -> Sample:
    """A sample whose gold spans are the first occurrence of each value."""
    gold = []
    for value, label in spans:
        start = text.index(value)
        gold.append(GoldSpan(start, start + len(value), label))
    return Sample(text, "en", tuple(gold), tokenize(text))


def _finding(text: str, value: str, entity: str, score: float = 0.9) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), entity, score, "test")


def test_f_beta_hand_computed() -> None:
    """P 0.5, R 1.0: F1 = 2/3, F2 = 5 * 0.5 / (4 * 0.5 + 1) = 5/6."""
    assert f_beta(0.5, 1.0, 1) == pytest.approx(2 / 3)
    assert f_beta(0.5, 1.0, 2) == pytest.approx(5 / 6)
    assert f_beta(0.0, 0.0, 2) == 0.0
    assert f_beta(None, 1.0, 2) is None


def test_counts_leave_undefined_scores_empty() -> None:
    counts = Counts(tp=3, fp=1, fn=2)
    assert (counts.precision, counts.recall) == (0.75, 0.6)
    assert counts.f_score(2) == pytest.approx(5 * 0.75 * 0.6 / (4 * 0.75 + 0.6))
    assert Counts(fn=2).precision is None
    assert Counts(fp=2).recall is None


def test_token_scores_per_label_and_overall() -> None:
    """Hand count on one sentence.

    Gold: PERSON "Lotte Brandvik" (2 tokens), GPE "Tromsvik" (1 token).
    Found: PERSON "Brandvik" (tp 1, fn 1), PERSON on "Tromsvik" (wrong type:
    LOCATION fn 1, PERSON fp 1), ORGANIZATION "Harbour" (fp 1).
    """
    text = "Lotte Brandvik of Harbour moved to Tromsvik."
    sample = _sample(text, ("Lotte Brandvik", "PERSON"), ("Tromsvik", "GPE"))
    findings = [
        _finding(text, "Brandvik", "PERSON"),
        _finding(text, "Tromsvik", "PERSON"),
        _finding(text, "Harbour", "ORGANIZATION"),
    ]
    scores = score_tokens([sample], [findings], MAPPINGS["presidio"])

    person = scores.by_label["PERSON"]
    assert (person.tp, person.fp, person.fn) == (1, 1, 1)
    location = scores.by_label["LOCATION"]
    assert (location.tp, location.fp, location.fn) == (0, 0, 1)
    organization = scores.by_label["ORGANIZATION"]
    assert (organization.tp, organization.fp, organization.fn) == (0, 1, 0)
    # Untyped: Brandvik and Tromsvik found, Lotte missed, Harbour spurious.
    overall = scores.overall
    assert (overall.tp, overall.fp, overall.fn) == (2, 1, 1)
    assert overall.f_score(2) == pytest.approx(2 / 3)


def test_unscored_labels_are_neither_missed_nor_false_positives() -> None:
    text = "Dr. Ilse Dornbach called."
    sample = _sample(text, ("Dr.", "TITLE"), ("Ilse Dornbach", "PERSON"))
    findings = [Finding(0, len("Dr. Ilse Dornbach"), "PERSON", 0.9, "test")]
    scores = score_tokens([sample], [findings], MAPPINGS["presidio"])
    assert gold_token_labels(sample, MAPPINGS["presidio"])[0] == UNSCORED
    person = scores.by_label["PERSON"]
    assert (person.tp, person.fp, person.fn) == (2, 0, 0)


def test_punctuation_tokens_are_not_counted() -> None:
    text = "Mail: ole@example.org."
    sample = _sample(text, ("ole@example.org", "EMAIL_ADDRESS"))
    findings = [Finding(0, len(text), "EMAIL_ADDRESS", 1.0, "test")]
    email = score_tokens([sample], [findings], MAPPINGS["presidio"]).by_label
    # Words: Mail (fp), ole, example, org (tp); ':', '@', '.' are not counted.
    assert (email["EMAIL_ADDRESS"].tp, email["EMAIL_ADDRESS"].fp) == (3, 1)


def test_highest_scoring_finding_labels_an_overlapped_token() -> None:
    text = "Call 212 555 0199"
    sample = _sample(text, ("212 555 0199", "PHONE_NUMBER"))
    findings = [
        _finding(text, "212 555 0199", "US_SSN", 0.4),
        _finding(text, "212 555 0199", "PHONE_NUMBER", 0.7),
    ]
    phone = score_tokens([sample], [findings], MAPPINGS["presidio"]).by_label
    assert phone["PHONE_NUMBER"].tp == 3
    assert phone["ID_NUMBER"].fp == 0


def test_entities_the_dataset_does_not_annotate_are_dropped() -> None:
    mapping = MAPPINGS["germeval"]
    assert mapping.system_label("PERSON") == "PERSON"
    assert mapping.system_label("DATE_TIME") is None
    assert mapping.system_label("EMAIL_ADDRESS") is None
    assert mapping.gold_label("OTH") is None
    assert mapping.gold_label("LOCderiv") is None


def test_tab_scores_contact_data_as_codes() -> None:
    mapping = MAPPINGS["tab"]
    assert mapping.system_label("PHONE_NUMBER") == "ID_NUMBER"
    assert mapping.gold_label("CODE") == "ID_NUMBER"
    assert mapping.gold_label("DEM") is None


@pytest.mark.parametrize(
    ("entity", "expected"),
    [("FR_NIR", True), ("US_SSN", True), ("IP_ADDRESS", False), ("PERSON", False)],
)
def test_national_ids_are_told_by_their_country_prefix(
    entity: str, expected: bool
) -> None:
    assert is_national_id(entity) is expected
    label = MAPPINGS["presidio"].system_label(entity)
    assert (label == "ID_NUMBER") is expected


def test_presidio_names_become_gdprgate_names() -> None:
    findings = [Finding(0, 4, "US_DRIVER_LICENSE", 0.5, "presidio")]
    assert rename_presidio(findings)[0].entity == "DRIVER_LICENSE"
