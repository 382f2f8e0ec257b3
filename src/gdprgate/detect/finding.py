"""The one result type every detection layer produces."""

from __future__ import annotations

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
