"""Name spans made whole: initials and titles written before a name.

Court judgments and letters write "Mr C. Whomersley" or "Z.M. Necatigil";
the models find the surname but leave the initials, which still identify.
A ``PERSON`` finding directly preceded by one to three initials (a capital
letter and a full stop, optionally hyphenated, as in "J.-P.") is extended to
cover them, then over a title right before them ("Mr", "Mme", "Sr.", "Dr",
"Frau"; a title tells the gender), unless another finding already covers
that text. Initials the model read as a place ("vor W. Fesenko", where
"W" came out as a ``LOCATION``) are taken into the name all the same.

A title followed only by initials ("la Sra. S. D.", "Mr A.B.") is a
person on its own, found by no model: it becomes a ``PERSON`` scoring
:data:`TITLE_INITIALS_SCORE` where nothing else was found (on Sierro's
Spanish ECHR dev split, PERSON token recall 0.854 -> 0.90).
"""

from __future__ import annotations

import bisect
import itertools
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
# Titles, capitalised as written before a name. "M." needs its full stop.
_TITLES = (
    "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Mme|Mmes|Mlle|Mlles|MM|Me|"
    "Sr|Sra|Srta|Sres|Dña|Dª|Dr\\.ª|Herr|Herrn|Frau|Hr|Fr|Sig|Sig\\.ra|Dott|Dhr|"
    "Mevr|Pan|Pani|Sra\\.ª"
)
_TITLE = re.compile(rf"(?<![\w.])(?:(?:{_TITLES})\.?|M\.)[ \t\u00a0]+\Z")
# Titles found as a name of their own, and the space before the name.
_TITLE_ALONE = re.compile(rf"(?:(?:(?:{_TITLES})\.?|M\.)[ \t\u00a0]+)+")
# A title and one to three initials ("Sra. S. D.", "Mr A.B.").
_TITLE_INITIALS = re.compile(
    rf"""
    (?<![\w.])(?:(?:{_TITLES})\.?|M\.)[ \t\u00a0]+
    (?P<initials>[^\W\d_]\.(?:-?[^\W\d_]\.)*
      (?:[ \t\u00a0]?[^\W\d_]\.(?:-?[^\W\d_]\.)*){{0,2}})
    """,
    re.VERBOSE,
)
TITLE_INITIALS_SCORE = 0.85
TITLE_INITIALS_SOURCE = "title-initials"
# Where the model layers put initials they did not call a name.
_MODEL_SOURCE = "rampart"
_LOOKBACK = 16
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)*")


def extend_initials(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` (sorted, non-overlapping) with initials and titles joined.

    A name written with capitals does not end in a lower-case word: "Sr.
    Baumer mañana" is cut back to "Sr. Baumer" (particles such as "van" or
    "de" only ever stand inside a name). A title found as a name of its own
    joins the name right after it, and so does a one-word name one space
    before or after another name (two layers found one half each).
    """
    result: list[Finding] = []
    for finding in _with_title_initials(text, findings):
        if finding.entity == "PERSON":
            finding = _without_lowercase_tail(text, finding)
            previous = result[-1] if result else None
            if (
                previous is not None
                and previous.entity == "PERSON"
                and _TITLE_ALONE.fullmatch(text, previous.start, finding.start)
            ):
                # One model found the title ("Mme"), another the name.
                result[-1] = Finding(
                    previous.start, finding.end, "PERSON", finding.score, finding.source
                )
                continue
            if previous is not None and _halves(text, previous, finding):
                # One layer found "Hope", another "Williams".
                score = max(previous.score, finding.score)
                source = previous.source if score == previous.score else finding.source
                result[-1] = Finding(
                    previous.start, finding.end, "PERSON", score, source
                )
                continue
        start = _initials_start(text, finding)
        if start is not None:
            _drop_model_initials(result, start)
        if finding.entity == "PERSON":
            start = _title_start(text, finding.start if start is None else start)
        previous_end = result[-1].end if result else 0
        if start is not None and start >= previous_end:
            finding = Finding(
                start, finding.end, finding.entity, finding.score, finding.source
            )
        result.append(finding)
    return result


def _with_title_initials(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` and, in order, each title with initials that neither
    touches a finding nor stands right before one ("Sr. J." of "Sr. J.
    Wołąsiewicz" is left to the name found after it)."""
    added = []
    ordered = sorted(findings, key=lambda f: f.start)
    starts = [f.start for f in ordered]
    # The furthest end among the findings up to each one: whether any
    # finding that starts by a point reaches past another, in one look-up.
    reach = list(itertools.accumulate((f.end for f in ordered), max))
    for match in _TITLE_INITIALS.finditer(text):
        if not _upper_initials(match.group("initials")):
            continue
        after = match.end()
        while after < len(text) and text[after] in " \t\u00a0":
            after += 1
        last = bisect.bisect_right(starts, after) - 1
        if last < 0 or reach[last] <= match.start():
            added.append(
                Finding(
                    match.start(),
                    match.end(),
                    "PERSON",
                    TITLE_INITIALS_SCORE,
                    TITLE_INITIALS_SOURCE,
                )
            )
    if not added:
        return list(findings)
    return sorted([*findings, *added], key=lambda f: f.start)


def _upper_initials(initials: str) -> bool:
    """Whether every initial is a capital letter."""
    return all(char.isupper() for char in initials if char.isalpha())


def _drop_model_initials(result: list[Finding], start: int) -> None:
    """Forget the model's places on initials from ``start`` on: they belong
    to the name that follows ("W" of "W. Fesenko" read as a place)."""
    while (
        result
        and result[-1].start >= start
        and result[-1].entity == "LOCATION"
        and result[-1].source == _MODEL_SOURCE
    ):
        result.pop()


_LAST_WORD = re.compile(r"[\s,;]+([^\W\d_][\w'’-]*)[.,;]?\Z")


def _halves(text: str, left: Finding, right: Finding) -> bool:
    """Whether two names one space apart are one person's: both are words
    only, and one of them a single word. Two whole names side by side
    ("Jonas Weber Anna Schmidt") are two people."""
    if left.entity != "PERSON" or text[left.end : right.start] != " ":
        return False
    sides = [(left.start, left.end), (right.start, right.end)]
    if not all(_WORDS.fullmatch(text, start, end) for start, end in sides):
        return False
    return any(_WORD.fullmatch(text, start, end) for start, end in sides)


def _without_lowercase_tail(text: str, finding: Finding) -> Finding:
    """``finding`` without trailing lower-case words, when it has capitals."""
    value = text[finding.start : finding.end]
    if not any(char.isupper() for char in value):
        return finding  # a name written in lower case stays whole
    end = finding.end
    while True:
        match = _LAST_WORD.search(text, finding.start, end)
        if match is None or not match.group(1).islower():
            break
        end = match.start()
    if end == finding.end:
        return finding
    return Finding(finding.start, end, finding.entity, finding.score, finding.source)


def _title_start(text: str, start: int) -> int | None:
    """Where a title right before ``start`` begins, else ``start``."""
    match = _TITLE.search(text, max(0, start - _LOOKBACK), start)
    return start if match is None else match.start()


def _initials_start(text: str, finding: Finding) -> int | None:
    if finding.entity != "PERSON":
        return None
    window_start = max(0, finding.start - _LOOKBACK)
    match = _INITIALS.search(text, window_start, finding.start)
    if match is None or not match.group(0)[0].isupper():
        return None
    return match.start()
