"""Running analyzers over samples: one at a time and in batches."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from gdprgate.detect import Finding
from gdprgate.detect.evaluation import Sample, run_analyzer, run_batch
from gdprgate.errors import DetectionError


def _sample(text: str, language: str) -> Sample:
    return Sample(text=text, language=language, spans=(), tokens=((0, len(text)),))


SAMPLES = [
    _sample("Anna Quast", "de"),
    _sample("Bo Lindqvist", "sv"),
    _sample("Carla Moreira", "de"),
    _sample("Dara Okafor", "sv"),
]


def _first_word(text: str, language: str) -> list[Finding]:
    end = text.index(" ")
    return [Finding(0, end, f"NAME_{language.upper()}", 1.0, "test")]


def test_run_batch_groups_by_language_and_keeps_sample_order() -> None:
    calls: list[tuple[str, int]] = []

    def batch(texts: Sequence[str], language: str) -> list[list[Finding]]:
        calls.append((language, len(texts)))
        return [_first_word(text, language) for text in texts]

    run = run_batch(batch, SAMPLES)
    assert sorted(calls) == [("de", 2), ("sv", 2)]
    assert run.predictions == run_analyzer(_first_word, SAMPLES).predictions
    assert [p[0].entity for p in run.predictions] == [
        "NAME_DE", "NAME_SV", "NAME_DE", "NAME_SV",
    ]  # fmt: skip
    assert run.seconds == ()
    assert run.median_ms == 0.0
    assert run.wall_seconds is not None
    assert run.samples_per_second == pytest.approx(4 / run.wall_seconds)


def test_run_batch_refuses_a_short_answer() -> None:
    def short(texts: Sequence[str], language: str) -> list[list[Finding]]:
        return [[] for _ in texts[1:]]

    with pytest.raises(DetectionError, match="wrong number of results"):
        run_batch(short, SAMPLES)
