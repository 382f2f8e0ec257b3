"""What kind of mistake each miss and each false alarm is, at span level.

Each annotated span of a scored label is, against the findings that overlap
it: ``exact`` (a finding of its label with the same bounds), ``boundary``
(a finding of its label with other bounds), ``wrong_type`` (only findings
of other labels) or ``missed`` (no finding). Each finding of a scored label
is ``exact``, ``boundary``, ``wrong_type``, ``unscored`` (it lies on a span
whose label is not scored, such as TAB's ``DEM``) or ``spurious`` (on no
annotated span). Bounds are compared without edge spaces and punctuation.

The counts are safe to print and store. The surface forms (``forms``) hold
dataset text: they are for a terminal, never for a file or a log.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from gdprgate.detect.evaluation.mapping import EntityMapping
from gdprgate.detect.evaluation.sample import Sample, Span
from gdprgate.detect.finding import Finding

GOLD_KINDS = ("exact", "boundary", "wrong_type", "missed")
PREDICTED_KINDS = ("exact", "boundary", "wrong_type", "unscored", "spurious")
_EDGES = " \t\r\n.,;:!?\"'()[]«»“”„’"
_SPACES = re.compile(r"\s+")


@dataclass
class ErrorKinds:
    """Counts per label and kind, and the surface forms behind them.

    ``confusions[(gold label, found label)]`` counts the ``wrong_type``
    gold spans by the label of the findings on them.

    ``forms[(side, label, kind)]`` counts the text of gold spans
    (side ``"gold"``) or findings (side ``"predicted"``).
    """

    gold: dict[str, Counter[str]] = field(default_factory=dict)
    predicted: dict[str, Counter[str]] = field(default_factory=dict)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    forms: dict[tuple[str, str, str], Counter[str]] = field(default_factory=dict)

    def count(self, side: str, label: str, kind: str, surface: str) -> None:
        """Count one span of ``side`` as ``kind``."""
        table = self.gold if side == "gold" else self.predicted
        table.setdefault(label, Counter())[kind] += 1
        self.forms.setdefault((side, label, kind), Counter())[surface] += 1


def classify_errors(
    samples: Sequence[Sample],
    predictions: Sequence[Sequence[Finding]],
    mapping: EntityMapping,
) -> ErrorKinds:
    """The kind of every scored gold span and every scored finding."""
    kinds = ErrorKinds()
    for sample, findings in zip(samples, predictions, strict=True):
        found = [
            (_trim(sample.text, f.start, f.end), label)
            for f in findings
            if (label := mapping.system_label(f.entity)) is not None
        ]
        gold = [
            (_trim(sample.text, g.start, g.end), mapping.gold_label(g.label))
            for g in sample.spans
        ]
        for span, label in gold:
            if label is None:
                continue
            kind = _kind(span, label, found, unscored=False)
            kinds.count("gold", label, kind, _surface(sample.text, span))
            if kind == "wrong_type":
                kinds.confusions.update(
                    (label, other) for other in _touching_labels(span, found)
                )
        for span, label in found:
            kind = _kind(span, label, gold, unscored=True)
            kinds.count("predicted", label, kind, _surface(sample.text, span))
    return kinds


def _kind(
    span: Span,
    label: str,
    others: Sequence[tuple[Span, str | None]],
    *,
    unscored: bool,
) -> str:
    """How ``span`` of ``label`` relates to the spans of the other side."""
    touching = [(o, lab) for o, lab in others if o[0] < span[1] and span[0] < o[1]]
    if any(o == span and lab == label for o, lab in touching):
        return "exact"
    if any(lab == label for _, lab in touching):
        return "boundary"
    if any(lab is not None for _, lab in touching):
        return "wrong_type"
    if touching and unscored:
        return "unscored"
    return "spurious" if unscored else "missed"


def _touching_labels(span: Span, others: Sequence[tuple[Span, str]]) -> set[str]:
    """The labels of the spans of ``others`` that overlap ``span``."""
    return {label for o, label in others if o[0] < span[1] and span[0] < o[1]}


def _trim(text: str, start: int, end: int) -> Span:
    """The span without spaces and punctuation on its edges."""
    while start < end and text[start] in _EDGES:
        start += 1
    while end > start and text[end - 1] in _EDGES:
        end -= 1
    return start, end


def _surface(text: str, span: Span) -> str:
    """The text of a span on one line."""
    return _SPACES.sub(" ", text[span[0] : span[1]])
