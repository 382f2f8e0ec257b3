"""The shape every pattern recognizer shares.

A recognizer declares its regular expressions, a validation hook (a checksum
or a parser) and the score its validated findings get. Candidates the hook
rejects are dropped, never kept at a lower score.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from gdprgate.detect.finding import Finding

# Every finding that passed validation scores 1.0. Model layers cap their
# scores below that, so a validated pattern wins every overlap against a model.
VALIDATED_SCORE = 1.0


class PatternRecognizer:
    """Finds one entity type with declared patterns and a validation hook.

    Subclasses set ``name``, ``entity``, ``patterns`` and ``explanation`` and
    usually override :meth:`validate`. A pattern's first capturing group, when
    it has one, is the span; otherwise the whole match is.
    """

    name: ClassVar[str]
    entity: ClassVar[str]
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = ()
    explanation: ClassVar[str] = ""
    score: ClassVar[float] = VALIDATED_SCORE

    @property
    def source(self) -> str:
        """The ``source`` written into every finding of this recognizer."""
        return f"pattern:{self.name}"

    def analyze(self, text: str) -> list[Finding]:
        """Validated, non-overlapping spans of this entity, in text order."""
        spans: set[tuple[int, int]] = set()
        for start, end in self.candidates(text):
            span = self.refine(text, start, end)
            if span is not None:
                spans.add(span)

        # Two patterns (or regions) can match nested or crossing spans of the
        # same value: the longest one stays.
        kept: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            if all(end <= other[0] or other[1] <= start for other in kept):
                kept.append((start, end))

        kept.sort()
        return [Finding(s, e, self.entity, self.score, self.source) for s, e in kept]

    def candidates(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans the declared patterns match, before validation."""
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                group = 1 if pattern.groups else 0
                yield match.start(group), match.end(group)

    def refine(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The validated span for a candidate, or ``None`` to drop it.

        The default keeps the candidate as it is when :meth:`validate`
        accepts its value; recognizers whose matches can run long (IBANs)
        override this to trim first.
        """
        if end <= start or not self.validate(text[start:end]):
            return None
        return start, end

    def validate(self, value: str) -> bool:
        """Whether a candidate value is real (checksum, parser, ...)."""
        return True
