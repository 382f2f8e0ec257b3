"""The evaluation package exports exactly its intended names."""

from __future__ import annotations

import gdprgate.detect.evaluation as evaluation


def test_evaluation_exports_are_locked() -> None:
    assert sorted(evaluation.__all__) == sorted(
        [
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
    )
    for name in evaluation.__all__:
        assert getattr(evaluation, name) is not None
