"""Turning overlapping findings from every layer into one clean list.

The ordering, most preferred first:

1. **Score bucket**, higher first. A bucket is a tenth of the score range
   (``int(score * 10)``), so 0.91 and 0.99 tie while 1.0, the score of a
   validated pattern, sits alone at the top.
2. **Length**, longer first: within a bucket the span that covers more wins.
3. **Score**, higher first.
4. **Start**, earlier first, then entity and source names, so the result
   never depends on input order.

Findings are taken greedily in that order and kept when they share no
character with a finding already kept. Nothing is ever merged here: two
findings of the same value with text between them stay two findings, and the
text between them stays untouched.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from gdprgate.detect.finding import Finding


def score_bucket(score: float) -> int:
    """The tenth of ``[0, 1]`` a score falls in; 1.0 is bucket 10."""
    return min(int(score * 10 + 1e-9), 10)


def priority(finding: Finding) -> tuple[int, int, float, int, str, str]:
    """Sort key of a finding: smaller sorts first and wins overlaps."""
    return (
        -score_bucket(finding.score),
        -len(finding),
        -finding.score,
        finding.start,
        finding.entity,
        finding.source,
    )


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Non-overlapping findings, sorted by start; see the module for the rule."""
    starts: list[int] = []
    kept: list[Finding] = []
    for finding in sorted(set(findings), key=priority):
        index = bisect.bisect_left(starts, finding.start)

        # Only the neighbours in start order can overlap a new span, because
        # the kept spans never overlap each other.
        if index > 0 and kept[index - 1].end > finding.start:
            continue
        if index < len(kept) and kept[index].start < finding.end:
            continue

        starts.insert(index, finding.start)
        kept.insert(index, finding)
    return kept
