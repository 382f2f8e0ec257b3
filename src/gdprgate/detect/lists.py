"""Allow-lists and deny-lists that users configure.

An **allow-list** names values that are never reported (a company's own
support address, a product name that looks like a surname). A finding whose
text equals an entry, ignoring case and surrounding spaces, is dropped.

A **deny-list** names values that are always reported, with the entity to
report them as (a project code name, an internal customer number). Terms
are found case-insensitively on word boundaries and score 1.0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from gdprgate.detect.finding import Finding
from gdprgate.detect.patterns.base import VALIDATED_SCORE

SOURCE = "deny_list"


def _key(value: str) -> str:
    """The form in which values are compared: trimmed and case-folded."""
    return " ".join(value.split()).casefold()


class AllowList:
    """Values that are never reported."""

    def __init__(self, values: Iterable[str]) -> None:
        self._values = frozenset(_key(value) for value in values if value.strip())

    def __bool__(self) -> bool:
        return bool(self._values)

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and _key(value) in self._values

    def filter(self, text: str, findings: Iterable[Finding]) -> list[Finding]:
        """``findings`` without those whose text is on the list."""
        return [f for f in findings if _key(text[f.start : f.end]) not in self._values]


class DenyListLayer:
    """A detection layer that reports every occurrence of configured terms.

    ``terms`` are ``(entity, term)`` pairs.
    """

    name = "deny_list"

    def __init__(self, terms: Iterable[tuple[str, str]]) -> None:
        by_term: dict[str, str] = {}
        for entity, term in terms:
            if term.strip():
                by_term.setdefault(_key(term), entity)
        self._entities = by_term
        alternatives = sorted(by_term, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(r"\s+".join(map(re.escape, a.split())) for a in alternatives)
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if alternatives
            else None
        )

    def warm_up(self) -> None:
        """Nothing to load."""

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        """Every term occurrence in each text."""
        return [self.analyze(text) for text in texts]

    def analyze(self, text: str) -> list[Finding]:
        """Every term occurrence in one text."""
        if self._pattern is None:
            return []
        return [
            Finding(
                match.start(),
                match.end(),
                self._entities[_key(match.group())],
                VALIDATED_SCORE,
                SOURCE,
            )
            for match in self._pattern.finditer(text)
        ]
