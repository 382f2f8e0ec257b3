"""The one result type every detection layer produces."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """A span of personal data found in a text.

    ``start`` and ``end`` are Python ``str`` indices (code points, not bytes),
    ``end`` exclusive, so ``text[start:end]`` is the detected value.
    ``entity`` is an upper-snake-case type following Presidio's names
    (``PERSON``, ``EMAIL_ADDRESS``, ...). ``score`` is in ``[0, 1]``.
    ``source`` names the recognizer or model that produced it.
    """

    start: int
    end: int
    entity: str
    score: float
    source: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            msg = f"a finding needs 0 <= start < end, got {self.start}..{self.end}"
            raise ValueError(msg)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Finding) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


class SpanIndex:
    """Findings sorted by start, asked which of them share a character with
    a span: by bisection over the starts and the furthest end reached so
    far, so a rule that asks once per match stays linear in long texts
    ("Von: Kühn, Sebastian" a thousand times)."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self._items = sorted(findings, key=lambda f: (f.start, f.end))
        self._starts = [f.start for f in self._items]
        self._reach = list(itertools.accumulate((f.end for f in self._items), max))

    def touches(self, start: int, end: int) -> bool:
        """Whether a finding shares a character with ``[start, end)``."""
        high = bisect.bisect_left(self._starts, end)
        return high > 0 and self._reach[high - 1] > start

    def touching(self, start: int, end: int) -> list[Finding]:
        """The findings that share a character with ``[start, end)``, in
        order of start."""
        index = bisect.bisect_left(self._starts, end) - 1
        found = []
        while index >= 0 and self._reach[index] > start:
            if self._items[index].end > start:
                found.append(self._items[index])
            index -= 1
        return found[::-1]
