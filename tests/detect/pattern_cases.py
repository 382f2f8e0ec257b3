"""Shared helper of the recognizer tables: expected values become exact spans."""

from __future__ import annotations

from gdprgate.detect.patterns.base import PatternRecognizer

MIN_SCORE = 0.5


def spans_of(text: str, values: list[str]) -> list[tuple[int, int]]:
    """The exact ``(start, end)`` of each value, searched left to right."""
    spans: list[tuple[int, int]] = []
    position = 0
    for value in values:
        start = text.index(value, position)
        spans.append((start, start + len(value)))
        position = start + len(value)
    return spans


def reported(recognizer: PatternRecognizer, text: str) -> list[tuple[int, int]]:
    """Spans the recognizer reports at or above the default ``min_score``."""
    return [(f.start, f.end) for f in recognizer.analyze(text) if f.score >= MIN_SCORE]
