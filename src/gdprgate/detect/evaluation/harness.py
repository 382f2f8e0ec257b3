"""Running a detector over a dataset and scoring what it found.

The detector is any function ``analyze(text, language) -> findings``, so
gdprgate's :class:`~gdprgate.detect.Detector` and other systems (the
Presidio bench) are run and scored the same way. Each sample is analysed on
its own and timed, so the report can give the time per sample.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gdprgate.detect.evaluation.error_kinds import ErrorKinds, classify_errors
from gdprgate.detect.evaluation.mapping import MAPPINGS, EntityMapping
from gdprgate.detect.evaluation.metrics import TokenScores, score_tokens
from gdprgate.detect.evaluation.sample import Dataset, Sample
from gdprgate.detect.evaluation.tab_measures import TabScores, score_tab
from gdprgate.detect.finding import Finding

Analyze = Callable[[str, str], Sequence[Finding]]
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Run:
    """The findings of each sample and the seconds each analysis took."""

    predictions: tuple[tuple[Finding, ...], ...]
    seconds: tuple[float, ...]

    @property
    def median_ms(self) -> float:
        """Median milliseconds per sample."""
        return statistics.median(self.seconds) * 1000 if self.seconds else 0.0

    @property
    def samples_per_second(self) -> float:
        """Samples analysed per second, one after the other."""
        total = sum(self.seconds)
        return len(self.seconds) / total if total else 0.0


@dataclass(frozen=True)
class DatasetReport:
    """Every measure of one system on one dataset.

    ``dropped`` counts findings of entities the mapping does not score.
    ``tab`` is set for the ``tab`` format only.
    """

    dataset: str
    format: str
    split: str | None
    samples: int
    tokens: TokenScores
    errors: ErrorKinds
    dropped: Counter[str]
    tab: TabScores | None
    median_ms: float
    samples_per_second: float


def run_analyzer(
    analyze: Analyze, samples: Sequence[Sample], progress: Progress | None = None
) -> Run:
    """Analyse each sample in its language; time each call."""
    predictions: list[tuple[Finding, ...]] = []
    seconds: list[float] = []
    for sample in samples:
        started = time.perf_counter()
        found = tuple(analyze(sample.text, sample.language))
        seconds.append(time.perf_counter() - started)
        predictions.append(found)
        if progress is not None:
            progress(1)
    return Run(tuple(predictions), tuple(seconds))


def score_run(
    dataset: Dataset, run: Run, mapping: EntityMapping | None = None
) -> DatasetReport:
    """The report of ``run`` on ``dataset`` (mapping: the format's own)."""
    mapping = mapping or MAPPINGS[dataset.format]
    samples = dataset.samples
    dropped: Counter[str] = Counter(
        finding.entity
        for findings in run.predictions
        for finding in findings
        if mapping.system_label(finding.entity) is None
    )
    return DatasetReport(
        dataset=dataset.name,
        format=dataset.format,
        split=dataset.split,
        samples=len(samples),
        tokens=score_tokens(samples, run.predictions, mapping),
        errors=classify_errors(samples, run.predictions, mapping),
        dropped=dropped,
        tab=score_tab(samples, run.predictions) if dataset.format == "tab" else None,
        median_ms=run.median_ms,
        samples_per_second=run.samples_per_second,
    )


def evaluate(
    dataset: Dataset, analyze: Analyze, progress: Progress | None = None
) -> DatasetReport:
    """Run ``analyze`` over ``dataset`` and score it."""
    return score_run(dataset, run_analyzer(analyze, dataset.samples, progress))
