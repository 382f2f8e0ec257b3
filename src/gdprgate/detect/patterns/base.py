"""The shape every pattern recognizer shares.

A recognizer declares its regular expressions, a validation hook (a checksum
or a parser), context words and the score its findings get. Candidates the
hook rejects are dropped, never kept at a lower score, with one exception:
a recognizer that sets ``named_by`` keeps a failing candidate right after a
word of that context key (a mistyped number after the card's own name,
"dowód osobisty ABC123450") at :data:`FORMAT_SCORE`.

Scores, for a candidate that passed validation:

- ``score`` (1.0 unless set) when no context is needed, or when a word of
  the recognizer's ``context`` key stands near it;
- ``base_score(value)`` otherwise: ``score_without_context`` when the
  recognizer sets it. Recognizers that only mean something in context (a
  passport number, a date of birth) set it under the default ``min_score``;
  weakly checked numbers (nine digits and mod 11) set it there too;
- :data:`NEGATIVE_SCORE` when only a word of the ``negative`` key (order,
  invoice, version, ISBN, ...) stands near it, or any such word at all for
  recognizers that set ``negative_first`` ("3 Jahre" after "vor" is no age).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar

from gdprgate.detect.context import DEFAULT_WINDOW, Surroundings
from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding
from gdprgate.detect.patterns.scan import Feature, Start, TextScan

# Every finding that passed validation scores 1.0. Model layers cap their
# scores below that, so a validated pattern wins every overlap against a model.
VALIDATED_SCORE = 1.0
# What a candidate scores without the context it needs: under the default
# ``min_score`` of 0.5, so it is dropped unless a user lowers the bar.
CONTEXT_NEEDED_SCORE = 0.3
# A format that is evidence on its own, but weaker than a checksum.
FORMAT_SCORE = 0.85
# A checksum that one random number in ten or a hundred passes.
WEAK_SCORE = 0.6
NEGATIVE_SCORE = 0.2

# Where a number may start and end: not inside a longer run of digits,
# letters or a dotted/dashed code (``v1.2.3``, ``2024-0042``, ``+49``). A
# comma only counts after a digit (``3,14159``): after a word it separates
# the fields of a CSV line (``Steuer-ID,86574281392``).
NUMBER_START = r"(?<![\w./+-])(?<!\d[,\ ])"
NUMBER_END = r"(?![\w]|[\ .,/-]\d)"


class PatternRecognizer:
    """Finds one entity type with declared patterns and a validation hook.

    Subclasses set ``name``, ``entity``, ``patterns`` and ``explanation`` and
    usually override :meth:`validate`. A pattern's first capturing group, when
    it has one, is the span, unless ``whole_match`` says the groups only
    tie parts of the pattern together; otherwise the whole match is.

    Two declarations only save time, and must never change a finding:
    ``needs`` names the features of :class:`TextScan` without which no
    candidate could pass, and ``starts_at`` says with what character at
    the start of a word every match of every pattern begins, so the
    patterns are tried at those places only.
    """

    name: ClassVar[str]
    entity: ClassVar[str]
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = ()
    explanation: ClassVar[str] = ""
    score: ClassVar[float] = VALIDATED_SCORE
    score_without_context: ClassVar[float | None] = None
    context: ClassVar[str | None] = None
    negative: ClassVar[str | None] = None
    context_window: ClassVar[tuple[int, int]] = DEFAULT_WINDOW
    whole_match: ClassVar[bool] = False
    negative_first: ClassVar[bool] = False
    needs: ClassVar[Feature] = Feature.NONE
    starts_at: ClassVar[Start | None] = None
    named_by: ClassVar[str | None] = None
    named_reach: ClassVar[tuple[int, int]] = (3, 0)

    @property
    def source(self) -> str:
        """The ``source`` written into every finding of this recognizer."""
        return f"pattern:{self.name}"

    def analyze(
        self,
        text: str,
        languages: Sequence[str] = CONTEXT_LANGUAGES,
        scan: TextScan | None = None,
    ) -> list[Finding]:
        """Validated, non-overlapping spans of this entity, in text order.

        ``languages`` are the languages whose context words count; ``scan``
        is the text's :class:`TextScan` when the caller has one.
        """
        if scan is None:
            scan = TextScan.of(text)
        if self.needs not in scan.features:
            return []

        spans: set[tuple[int, int]] = set()
        for start, end in self.candidates(text, scan):
            span = self.refine(text, start, end)
            if span is not None:
                spans.add(span)
        if not spans:
            return []

        kept = longest_first(spans)
        entity, source = self.entity, self.source
        return [
            Finding(s, e, entity, self.context_score(text, s, e, languages), source)
            for s, e in kept
        ]

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """Spans the declared patterns match, before validation."""
        for pattern in self.patterns_for(scan):
            group = 1 if pattern.groups and not self.whole_match else 0
            matches = (
                pattern.finditer(text)
                if self.starts_at is None
                else matches_at(pattern, text, scan.starts(self.starts_at))
            )
            for match in matches:
                yield match.start(group), match.end(group)

    def patterns_for(self, scan: TextScan) -> Sequence[re.Pattern[str]]:
        """The declared patterns that can match a text with ``scan``."""
        return self.patterns

    def refine(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The validated span for a candidate, or ``None`` to drop it.

        The default keeps the candidate as it is when :meth:`validate`
        accepts its value; recognizers whose matches can run long (IBANs)
        override this to trim first.
        """
        if end <= start:
            return None
        if self.validate(text[start:end]) or self.named(text, start, end):
            return start, end
        return None

    def named(self, text: str, start: int, end: int) -> bool:
        """Whether a word of the ``named_by`` key stands right before the
        span, within ``named_reach`` words."""
        if self.named_by is None:
            return False
        return Surroundings(text, start, end, self.named_reach).has(self.named_by)

    def validate(self, value: str) -> bool:
        """Whether a candidate value is real (checksum, parser, ...)."""
        return True

    def base_score(self, value: str) -> float:
        """The score of a validated value with no context word near it."""
        if self.score_without_context is None:
            return self.score
        return self.score_without_context

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """The score of the span ``[start, end)`` given the words around it;
        :data:`FORMAT_SCORE` for a failing value kept by ``named_by``."""
        if self.named_by is not None and not self.validate(text[start:end]):
            return FORMAT_SCORE
        base = self.base_score(text[start:end])
        around = Surroundings(text, start, end, self.context_window)
        context, negative = self.context, self.negative
        if (
            self.negative_first
            and negative is not None
            and around.has(negative, languages)
        ):
            return min(base, NEGATIVE_SCORE)
        if base < self.score and context is not None and around.has(context, languages):
            return self.score
        if negative is not None and around.has(negative, languages):
            return min(base, NEGATIVE_SCORE)
        return base


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Sequence[int]
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, when matches begin at ``starts``.

    ``starts`` are in order and hold every offset where a match of
    ``pattern`` (which never matches the empty string) can begin. Trying
    the pattern there is what ``finditer`` does at every offset: the look
    behind sees the text before the offset, and the next try starts where
    the last match ended.
    """
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = pattern.match(text, start)
        if match is not None:
            resume = match.end()
            yield match


_SEPARATORS = re.compile(r"[\s./-]")


def compact(value: str) -> str:
    """``value`` without spaces, dots, slashes and dashes."""
    return _SEPARATORS.sub("", value)


def number_pattern(body: str) -> re.Pattern[str]:
    """A verbose pattern for ``body`` that stays clear of longer numbers."""
    return re.compile(NUMBER_START + "(?:" + body + ")" + NUMBER_END, re.VERBOSE)


def longest_first(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, sorted, the longer kept where two overlap.

    Two patterns (or regions) can match nested or crossing spans of the same
    value. Kept spans never overlap, so only the neighbours in start order
    of a new span need checking: linear-logarithmic, not quadratic.
    """
    starts: list[int] = []
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        index = bisect.bisect_left(starts, start)
        if index > 0 and kept[index - 1][1] > start:
            continue
        if index < len(kept) and kept[index][0] < end:
            continue
        starts.insert(index, start)
        kept.insert(index, (start, end))
    return kept
