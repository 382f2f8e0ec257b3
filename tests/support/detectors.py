"""Small detectors for tests of the parts around detection."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from gdprgate.detect import Finding
from gdprgate.errors import DetectionError


class KnownValuesDetector:
    """Finds exact occurrences of known values; nothing else."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = dict(values)
        self.calls = 0

    def analyze(self, text: str, language: str | None = None) -> list[Finding]:
        found: list[Finding] = []
        for value, entity in self.values.items():
            start = text.find(value)
            while start != -1:
                end = start + len(value)
                if not any(f.start < end and start < f.end for f in found):
                    found.append(Finding(start, end, entity, 1.0, "known"))
                start = text.find(value, end)
        return sorted(found, key=lambda f: f.start)

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None, scope: str = ""
    ) -> list[list[Finding]]:
        self.calls += 1
        return [self.analyze(text, language) for text in texts]


class FailingDetector:
    """A detector whose model layer always breaks."""

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None, scope: str = ""
    ) -> list[list[Finding]]:
        raise DetectionError("the test layer failed")


class EmailDetector:
    """Finds e-mail addresses with a plain pattern (for load tests)."""

    pattern = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None, scope: str = ""
    ) -> list[list[Finding]]:
        return [
            [
                Finding(m.start(), m.end(), "EMAIL_ADDRESS", 1.0, "email")
                for m in self.pattern.finditer(text)
            ]
            for text in texts
        ]
