"""Token-level precision, recall and F-scores: the main measure.

Every word token of a sample (see :mod:`tokens`) gets a gold label and a
predicted label:

- gold: the scored label of the annotated span the token lies in, ``None``
  outside spans, or :data:`UNSCORED` inside a span whose label the mapping
  leaves out;
- predicted: the scored label of the finding that overlaps the token (the
  highest-scoring one when several do), or ``None``.

Per label ``L``: a token with gold ``L`` and prediction ``L`` is a true
positive; gold ``L`` and another prediction a false negative; prediction
``L`` and gold neither ``L`` nor :data:`UNSCORED` a false positive. The
overall row ignores labels ("is this token personal data?"): any label on
both sides is a true positive, which is what matters for masking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from gdprgate.detect.evaluation.mapping import EntityMapping
from gdprgate.detect.evaluation.sample import Sample, Span
from gdprgate.detect.evaluation.tokens import is_word
from gdprgate.detect.finding import Finding

UNSCORED = "<unscored>"


def f_beta(precision: float | None, recall: float | None, beta: float) -> float | None:
    """The F-score weighing recall ``beta`` times as much as precision."""
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    weight = beta * beta
    return (1 + weight) * precision * recall / (weight * precision + recall)


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        """``tp / (tp + fp)``; ``None`` when nothing was predicted."""
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        """``tp / (tp + fn)``; ``None`` when nothing was annotated."""
        annotated = self.tp + self.fn
        return self.tp / annotated if annotated else None

    def f_score(self, beta: float = 1.0) -> float | None:
        """F1 by default; ``f_score(2)`` is F2."""
        return f_beta(self.precision, self.recall, beta)


@dataclass
class TokenScores:
    """Counts per scored label and over all labels."""

    by_label: dict[str, Counts] = field(default_factory=dict)
    overall: Counts = field(default_factory=Counts)

    def add(self, gold: str | None, predicted: str | None) -> None:
        """Count one token."""
        if gold == UNSCORED:
            return
        if gold is not None:
            counts = self.by_label.setdefault(gold, Counts())
            if predicted == gold:
                counts.tp += 1
            else:
                counts.fn += 1
        if predicted is not None and predicted != gold:
            self.by_label.setdefault(predicted, Counts()).fp += 1

        if gold is not None and predicted is not None:
            self.overall.tp += 1
        elif gold is not None:
            self.overall.fn += 1
        elif predicted is not None:
            self.overall.fp += 1


def score_tokens(
    samples: Sequence[Sample],
    predictions: Sequence[Sequence[Finding]],
    mapping: EntityMapping,
) -> TokenScores:
    """Token-level counts of ``predictions`` against the samples' spans."""
    scores = TokenScores({label: Counts() for label in mapping.labels})
    for sample, findings in zip(samples, predictions, strict=True):
        gold = gold_token_labels(sample, mapping)
        predicted = predicted_token_labels(sample, findings, mapping)
        for gold_label, predicted_label in zip(gold, predicted, strict=True):
            scores.add(gold_label, predicted_label)
    return scores


def word_tokens(sample: Sample) -> list[Span]:
    """The sample's tokens that hold a letter or a digit."""
    return [(s, e) for s, e in sample.tokens if is_word(sample.text[s:e])]


def gold_token_labels(sample: Sample, mapping: EntityMapping) -> list[str | None]:
    """The gold label of each word token."""
    painted: list[str | None] = [None] * len(sample.text)
    for span in sample.spans:
        label = mapping.gold_label(span.label) or UNSCORED
        painted[span.start : span.end] = [label] * (span.end - span.start)
    return [_first_label(painted, s, e) for s, e in word_tokens(sample)]


def predicted_token_labels(
    sample: Sample, findings: Sequence[Finding], mapping: EntityMapping
) -> list[str | None]:
    """The predicted label of each word token (``None``: not found)."""
    painted: list[str | None] = [None] * len(sample.text)

    # Painted from the lowest score up, so the best finding on a token wins.
    for finding in sorted(findings, key=lambda f: f.score):
        label = mapping.system_label(finding.entity)
        if label is not None:
            end = min(finding.end, len(sample.text))
            painted[finding.start : end] = [label] * (end - finding.start)
    return [_first_label(painted, s, e) for s, e in word_tokens(sample)]


def _first_label(painted: list[str | None], start: int, end: int) -> str | None:
    """The first label painted on characters ``start..end``."""
    for label in painted[start:end]:
        if label is not None:
            return label
    return None
