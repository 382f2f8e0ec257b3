"""Texts read before are answered from memory; only new ones reach the detector."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from gdprgate.detect import Finding
from gdprgate.errors import DetectionError
from gdprgate.gateway.seen import SeenTexts
from tests.support.canary import EMAIL, PERSON
from tests.support.detectors import KnownValuesDetector


class Recording(KnownValuesDetector):
    """Remembers every batch it was given."""

    def __init__(self) -> None:
        super().__init__({PERSON: "PERSON", EMAIL: "EMAIL_ADDRESS"})
        self.batches: list[list[str]] = []
        self.scopes: list[str] = []
        self.fail = False

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None, scope: str = ""
    ) -> list[list[Finding]]:
        if self.fail:
            raise DetectionError("the test layer failed")
        self.batches.append(list(texts))
        self.scopes.append(scope)
        return super().analyze_batch(texts, language)


def test_known_texts_are_not_analysed_again() -> None:
    detector, seen = Recording(), SeenTexts()
    first = seen.analyze(detector, "acme", [f"Hi {PERSON}", "plain"])
    again = seen.analyze(detector, "acme", [f"Hi {PERSON}", "plain"])
    assert again == first
    assert first[0] == [Finding(3, 3 + len(PERSON), "PERSON", 1.0, "known")]
    assert detector.batches == [[f"Hi {PERSON}", "plain"]]


def test_only_new_texts_go_to_the_detector_in_one_batch() -> None:
    detector, seen = Recording(), SeenTexts()
    seen.analyze(detector, "acme", ["one", f"mail {EMAIL}"])
    found = seen.analyze(
        detector, "acme", ["one", "two", f"mail {EMAIL}", f"to {PERSON}"]
    )
    assert detector.batches[1] == ["two", f"to {PERSON}"]
    assert [[f.entity for f in each] for each in found] == [
        [],
        [],
        ["EMAIL_ADDRESS"],
        ["PERSON"],
    ]


def test_a_failing_detector_raises_and_nothing_is_remembered() -> None:
    detector, seen = Recording(), SeenTexts()
    detector.fail = True
    with pytest.raises(DetectionError):
        seen.analyze(detector, "acme", [f"Hi {PERSON}"])
    assert len(seen) == 0
    detector.fail = False
    assert seen.analyze(detector, "acme", [f"Hi {PERSON}"])[0][0].entity == "PERSON"
    assert detector.batches == [[f"Hi {PERSON}"]]


def test_the_memory_is_bounded_and_size_zero_turns_it_off() -> None:
    detector, seen = Recording(), SeenTexts(maxsize=2)
    seen.analyze(detector, "acme", ["a", "b", "c"])
    assert len(seen) == 2
    seen.analyze(detector, "acme", ["a"])  # the oldest was forgotten
    assert detector.batches[-1] == ["a"]

    off = SeenTexts(maxsize=0)
    off.analyze(detector, "acme", ["x"])
    off.analyze(detector, "acme", ["x"])
    assert len(off) == 0
    assert detector.batches[-2:] == [["x"], ["x"]]


def test_each_tenant_has_texts_of_its_own() -> None:
    """A text another tenant sent is analysed again (no timing tells)."""
    detector, seen = Recording(), SeenTexts()
    seen.analyze(detector, "acme", [f"Hi {PERSON}"])
    seen.analyze(detector, "globex", [f"Hi {PERSON}"])
    seen.analyze(detector, "acme", [f"Hi {PERSON}"])
    assert detector.batches == [[f"Hi {PERSON}"], [f"Hi {PERSON}"]]
    # The detector's own cache is scoped to the tenant too.
    assert detector.scopes == ["acme", "globex"]


def test_two_gateways_remember_texts_under_different_keys() -> None:
    """The digest is keyed per process: no unkeyed hash of a text is kept."""
    one, two = SeenTexts(), SeenTexts()
    scope = one._scope("acme")
    assert one._digest(scope, PERSON) != two._digest(scope, PERSON)
    assert one._digest(scope, PERSON) == one._digest(scope, PERSON)
