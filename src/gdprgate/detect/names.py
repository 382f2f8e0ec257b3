"""Name spans made whole: initials written before a detected surname.

Court judgments and letters write "Mr C. Whomersley" or "Z.M. Necatigil";
the models find the surname but leave the initials, which still identify.
A ``PERSON`` finding directly preceded by one to three initials (a capital
letter and a full stop, optionally hyphenated, as in "J.-P.") is extended to
cover them, unless another finding already covers that text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gdprgate.detect.finding import Finding

_INITIALS = re.compile(
    r"""
    (?<![\w.])                         # not the tail of a word or abbreviation
    (?:[^\W\d_]\.(?:-?[^\W\d_]\.)*\s?){1,3}
    \Z
    """,
    re.VERBOSE,
)
_LOOKBACK = 16


def extend_initials(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` (sorted, non-overlapping) with initials joined to names."""
    result: list[Finding] = []
    for finding in findings:
        start = _initials_start(text, finding)
        previous_end = result[-1].end if result else 0
        if start is not None and start >= previous_end:
            finding = Finding(
                start, finding.end, finding.entity, finding.score, finding.source
            )
        result.append(finding)
    return result


def _initials_start(text: str, finding: Finding) -> int | None:
    if finding.entity != "PERSON":
        return None
    window_start = max(0, finding.start - _LOOKBACK)
    match = _INITIALS.search(text, window_start, finding.start)
    if match is None or not match.group(0)[0].isupper():
        return None
    return match.start()
