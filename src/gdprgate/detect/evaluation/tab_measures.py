"""The Text Anonymization Benchmark's own measures (Pilán et al., 2022).

Masking is what counts, not the entity type: every finding masks the text
under it, whatever its entity.

- **Entity recall, DIRECT and QUASI.** Mentions sharing an ``entity_id``
  are one entity. Its mentions marked ``DIRECT`` or ``QUASI`` must be
  masked; the entity is ``DIRECT`` when one of them is. It counts as found
  only when *every* such mention is masked: a name masked nine times and
  left once identifies the person. A mention is masked when each of its
  word tokens overlaps a finding, except words annotators include or leave
  out at will (:data:`IGNORED_WORDS`: honorifics, articles, prepositions).
- **Token precision.** Of the word tokens a finding overlaps, the share
  inside a ``DIRECT`` or ``QUASI`` mention. The benchmark weighs tokens by
  their information content with a language model; here every token weighs
  one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from gdprgate.detect.evaluation.metrics import Counts, word_tokens
from gdprgate.detect.evaluation.sample import GoldSpan, Sample, Span
from gdprgate.detect.finding import Finding

MASKED_IDENTIFIERS = ("DIRECT", "QUASI")
IGNORED_WORDS = frozenset(
    {
        *("mr", "mrs", "ms", "miss", "dr", "no", "nr"),
        *("the", "a", "an", "of", "and", "or"),
        *("in", "on", "at", "to", "for", "from", "by", "with"),
    }
)


@dataclass
class Recall:
    """How many entities were found, of how many."""

    found: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """``found / total``; ``None`` when there is nothing to find."""
        return self.found / self.total if self.total else None


@dataclass
class TabScores:
    """Entity recall per identifier type, and token precision."""

    recall: dict[str, Recall] = field(
        default_factory=lambda: {kind: Recall() for kind in MASKED_IDENTIFIERS}
    )
    by_type: dict[str, Recall] = field(default_factory=dict)
    precision: Counts = field(default_factory=Counts)


def score_tab(
    samples: Sequence[Sample], predictions: Sequence[Sequence[Finding]]
) -> TabScores:
    """TAB's measures for documents and the findings in each."""
    scores = TabScores()
    for sample, findings in zip(samples, predictions, strict=True):
        masked = _masked_characters(len(sample.text), findings)
        words = word_tokens(sample)
        _count_entities(sample, words, masked, scores)
        _count_precision(sample, words, masked, scores.precision)
    return scores


def _masked_characters(length: int, findings: Sequence[Finding]) -> list[bool]:
    """Whether each character lies under a finding."""
    masked = [False] * length
    for finding in findings:
        end = min(finding.end, length)
        masked[finding.start : end] = [True] * max(end - finding.start, 0)
    return masked


def _count_entities(
    sample: Sample, words: list[Span], masked: list[bool], scores: TabScores
) -> None:
    """Add the sample's entities to the recall counts."""
    entities: dict[str, list[GoldSpan]] = defaultdict(list)
    for span in sample.spans:
        if span.identifier in MASKED_IDENTIFIERS and span.entity_id is not None:
            entities[span.entity_id].append(span)

    for mentions in entities.values():
        kind = "DIRECT" if any(m.identifier == "DIRECT" for m in mentions) else "QUASI"
        found = all(_is_masked(sample, words, m, masked) for m in mentions)
        for recall in (
            scores.recall[kind],
            scores.by_type.setdefault(f"{kind} {mentions[0].label}", Recall()),
        ):
            recall.total += 1
            recall.found += found


def _is_masked(
    sample: Sample, words: list[Span], mention: GoldSpan, masked: list[bool]
) -> bool:
    """Whether every word of the mention that matters overlaps a finding."""
    for start, end in words:
        if end <= mention.start or start >= mention.end:
            continue
        if sample.text[start:end].lower() in IGNORED_WORDS:
            continue
        if not any(masked[start:end]):
            return False
    return True


def _count_precision(
    sample: Sample, words: list[Span], masked: list[bool], counts: Counts
) -> None:
    """Add the sample's masked word tokens to the precision counts."""
    protected = [False] * len(sample.text)
    for span in sample.spans:
        if span.identifier in MASKED_IDENTIFIERS:
            protected[span.start : span.end] = [True] * (span.end - span.start)

    for start, end in words:
        if not any(masked[start:end]):
            continue
        if any(protected[start:end]):
            counts.tp += 1
        else:
            counts.fp += 1
