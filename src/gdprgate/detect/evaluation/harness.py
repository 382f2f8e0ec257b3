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
from gdprgate.errors import DetectionError

Analyze = Callable[[str, str], Sequence[Finding]]
# Many texts of one language in, their findings out, in order.
AnalyzeBatch = Callable[[Sequence[str], str], Sequence[Sequence[Finding]]]
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Run:
    """The findings of each sample and the seconds each analysis took.

    A batch run times the whole batch only: ``seconds`` is empty and
    ``wall_seconds`` holds the time of every batch together.
    """

    predictions: tuple[tuple[Finding, ...], ...]
    seconds: tuple[float, ...]
    wall_seconds: float | None = None

    @property
    def median_ms(self) -> float:
        """Median milliseconds per sample (0 for a batch run)."""
        return statistics.median(self.seconds) * 1000 if self.seconds else 0.0

    @property
    def samples_per_second(self) -> float:
        """Samples analysed per second."""
        total = sum(self.seconds) if self.wall_seconds is None else self.wall_seconds
        return len(self.predictions) / total if total else 0.0


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


def run_batch(analyze: AnalyzeBatch, samples: Sequence[Sample]) -> Run:
    """Analyse the samples in batches, one per language; time the whole."""
    by_language: dict[str, list[int]] = {}
    for index, sample in enumerate(samples):
        by_language.setdefault(sample.language, []).append(index)
    predictions: list[tuple[Finding, ...]] = [() for _ in samples]
    started = time.perf_counter()
    for language, indexes in by_language.items():
        found = analyze([samples[i].text for i in indexes], language)
        if len(found) != len(indexes):
            msg = "the batch analyzer returned a wrong number of results"
            raise DetectionError(msg)
        for index, findings in zip(indexes, found, strict=True):
            predictions[index] = tuple(findings)
    return Run(tuple(predictions), (), time.perf_counter() - started)


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
