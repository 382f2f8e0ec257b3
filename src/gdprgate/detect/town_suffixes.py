"""German town names keep their abbreviated river or region ("Freiburg i.
Br.", "Frankfurt a. M.", "Neumarkt i. d. OPf.").

An address found up to "Freiburg" left "i. Br." in clear: the part tells
which Freiburg, so it is part of the address. :func:`extend_town_suffixes`
grows a ``LOCATION`` that ends at a town (or inside such a suffix) over
the abbreviated suffix; a suffix alone is never a finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gdprgate.detect.finding import Finding

# "i. Br.", "a. M.", "a. d. Donau", "i. d. OPf.", "v. d. Höhe", "i.Brsg.":
# one or two one-letter abbreviations, then a capitalised word or its
# abbreviation.
_SUFFIX = re.compile(
    r"[ \t]+(?:[aiv]\.[ \t]?(?:d\.[ \t]?)?)[A-ZÄÖÜ][A-Za-zäöüß]{0,11}\.?(?![\w])"
)
_LOCATION = "LOCATION"
# How far inside a location its suffix may begin ("i. Br" of "Freiburg i. Br").
_INSIDE = 7


def extend_town_suffixes(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` with each ``LOCATION`` grown over a town suffix right
    after it or begun inside it."""
    result: list[Finding] = []
    for finding in findings:
        if finding.entity == _LOCATION:
            finding = _grown(text, finding)
        result.append(finding)
    return result


def _grown(text: str, finding: Finding) -> Finding:
    # The suffix starts at a blank right after the location or at one of
    # its last few characters ("Freiburg i. Br" stops inside the suffix).
    window = range(max(finding.start + 1, finding.end - _INSIDE), finding.end + 1)
    for start in window:
        if not text[start - 1].isalpha() or text[start : start + 1] not in (" ", "\t"):
            continue
        suffix = _SUFFIX.match(text, start)
        if suffix is not None and suffix.end() > finding.end:
            return Finding(
                finding.start, suffix.end(), _LOCATION, finding.score, finding.source
            )
    return finding
