"""Properties that hold for every input: hypothesis writes the texts.

Findings never overlap, their offsets lie inside the text, and detection
never raises, whatever Unicode comes in (emoji, combining marks, CRLF, NUL,
lone surrogates, megabyte texts). The pattern layer runs here; the model
layers have their own robustness tests.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdprgate.detect import DetectorConfig, Finding, build_detector

DETECTOR = build_detector(DetectorConfig(rampart=False, spacy=False, cache_size=0))

# Fragments that trigger recognizers, mixed with arbitrary text so that
# candidates sit next to every kind of character.
_FRAGMENTS = [
    "anna@example.com",
    "+49 30 1234567",
    "DE89 3704 0044 0532 0130 00",
    "BSN 011122237",
    "born on 12.03.1985",
    "42 years old",
    "Hauptstraße 12, 10115 Berlin",
    "00:1A:2B:3C:4D:5E",
    "IMEI 352099001761481",
    "@anna_k",
    "\r\n",
    "\x00",
    "e\u0301\u0301",
    "👩‍👩‍👧",
    "\ud800",
]
_TEXT = st.lists(
    st.one_of(st.text(max_size=40), st.sampled_from(_FRAGMENTS)), max_size=12
).map("".join)


def _check(text: str, found: list[Finding]) -> None:
    """The invariants of one result."""
    for finding in found:
        assert 0 <= finding.start < finding.end <= len(text)
        assert 0.0 <= finding.score <= 1.0
    for left, right in itertools.pairwise(found):
        assert left.end <= right.start


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_findings_never_overlap_and_stay_inside_the_text(text: str) -> None:
    _check(text, DETECTOR.analyze(text, "en"))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=200))
def test_any_unicode_is_analysed_without_error(text: str) -> None:
    """Every code point, surrogates and control characters included."""
    _check(text, DETECTOR.analyze(text))


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([*_FRAGMENTS, "x", " ", "1"]))
def test_a_megabyte_text_is_analysed(fragment: str) -> None:
    """One megabyte of a repeated fragment: findings valid, no crash.

    (Speed is measured by the benchmarks, never asserted in tests.)
    """
    unit = f"Lorem ipsum {fragment} dolor sit amet, 2024-03-12. "
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]

    found = DETECTOR.analyze(text, "en")

    _check(text, found)
