"""Scoring detectors on public PII and NER datasets.

Reads the formats of presidio-research (``presidio``), the Text
Anonymization Benchmark (``tab``), GermEval 2014 (``germeval``), Universal
NER (``uner``) and Sierro's French/Spanish ECHR files (``echr-tsv``), runs
any ``analyze(text, language)`` function over them and reports token-level
precision, recall, F1 and F2 per entity and overall, TAB's own measures, and
what kind each error is. ``docs/evaluation.md`` describes the measures and
the entity mapping.

Offsets everywhere are Python ``str`` indices (code points), end exclusive.
"""

from gdprgate.detect.evaluation.datasets import FORMATS, load_datasets
from gdprgate.detect.evaluation.harness import (
    Analyze,
    AnalyzeBatch,
    DatasetReport,
    Run,
    evaluate,
    run_analyzer,
    run_batch,
    score_run,
)
from gdprgate.detect.evaluation.mapping import (
    MAPPINGS,
    PRESIDIO_ENTITIES,
    EntityMapping,
    rename_presidio,
)
from gdprgate.detect.evaluation.metrics import Counts, TokenScores, f_beta
from gdprgate.detect.evaluation.report import render_errors, render_report, report_dict
from gdprgate.detect.evaluation.sample import Dataset, GoldSpan, Sample
from gdprgate.detect.evaluation.tab_measures import TabScores

__all__ = [
    "FORMATS",
    "MAPPINGS",
    "PRESIDIO_ENTITIES",
    "Analyze",
    "AnalyzeBatch",
    "Counts",
    "Dataset",
    "DatasetReport",
    "EntityMapping",
    "GoldSpan",
    "Run",
    "Sample",
    "TabScores",
    "TokenScores",
    "evaluate",
    "f_beta",
    "load_datasets",
    "rename_presidio",
    "render_errors",
    "render_report",
    "report_dict",
    "run_analyzer",
    "run_batch",
    "score_run",
]
