"""The work a scrub worker does: find personal data in a batch of texts.

Workers (processes of the local pool, or Ray actors) build the detector once
and then only turn texts into spans; everything that needs a key or the
store happens in the driver. Spans are plain tuples, cheap to send back.
"""

from __future__ import annotations

from collections.abc import Sequence

from gdprgate.detect import (
    Detector,
    DetectorConfig,
    Finding,
    build_detector,
    guess_language,
)
from gdprgate.detect.language import normalize_language

# (start, end, entity): offsets are Python str indices, end exclusive.
Span = tuple[int, int, str]
# The language a text was read in, and the spans found in it.
Detected = tuple[str, list[Span]]


def new_detector(config: DetectorConfig) -> Detector:
    """A detector with every model loaded."""
    detector = build_detector(config)
    detector.warm_up()
    return detector


def detect_texts(
    detector: Detector, texts: Sequence[str], language: str | None
) -> list[Detected]:
    """The language and the spans of each text, in order.

    Each language's texts go to the detector as one batch, with the
    language guessed here, so no text is guessed twice.
    """
    languages = [
        normalize_language(language) if language else guess_language(text)
        for text in texts
    ]
    positions: dict[str, list[int]] = {}
    for position, lang in enumerate(languages):
        positions.setdefault(lang, []).append(position)
    found: list[list[Finding]] = [[] for _ in texts]
    for lang, group in positions.items():
        results = detector.analyze_batch([texts[i] for i in group], lang)
        for position, findings in zip(group, results, strict=True):
            found[position] = findings
    return [
        (lang, [(f.start, f.end, f.entity) for f in findings])
        for lang, findings in zip(languages, found, strict=True)
    ]
