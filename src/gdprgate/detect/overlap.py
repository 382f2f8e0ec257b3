"""Turning overlapping findings from every layer into one clean list.

The ordering, most preferred first:

1. **Score bucket**, higher first. A bucket is a tenth of the score range
   (``int(score * 10)``), so 0.91 and 0.99 tie while 1.0, the score of a
   validated pattern, sits alone at the top.
2. **Length**, longer first: within a bucket the span that covers more wins.
3. **Score**, higher first.
4. **Start**, earlier first, then entity and source names, so the result
   never depends on input order.

Findings are taken greedily in that order. A finding that shares no
character with one already kept is kept whole; one that does keeps the parts
no kept finding covers (fail closed: a longer span that lost to a better one
must not leave its other words in clear), except, when it lost to its own
kind, parts made only of connecting words ("and" in "Anna and Anna").
Nothing is ever merged here: two
findings of the same value with text between them stay two findings, and the
text between them stays untouched.

Before that, :func:`prefer_people` settles one disagreement between models:
a spaCy organisation or place inside a Rampart ``PERSON`` gives way; and
:func:`join_places` makes places that share characters one place (the one
merge: an address read whole by a pattern and in pieces by a model).
After it, :func:`places_read_as_people` gives a one-word ``PERSON`` that
is a known place and no known person's name its right type.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Set

from gdprgate.detect.finding import Finding
from gdprgate.detect.lists import SOURCE as DENY_SOURCE
from gdprgate.detect.speakers import SPEECH_VERBS

# Who reads a person better than whom: spaCy's small English pipeline calls
# many people organisations or places ("Trump", "Kipling"); Rampart, trained
# on people's names, is right about them more often.
PERSON_SOURCE = "rampart"
TYPE_SOURCE = "spacy"
_PLACE_OR_BODY = frozenset({"ORGANIZATION", "LOCATION"})
_MODELS = frozenset({PERSON_SOURCE, TYPE_SOURCE})
_NAMED = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})


def prefer_people(findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` without spaCy organisations and places that lie inside
    a Rampart ``PERSON``, and without model findings inside a ``USERNAME``
    the pattern read; run before :func:`resolve_overlaps`.

    On the presidio-research synth data PERSON recall rose from 0.885 to
    0.922 (precision 0.819 to 0.810), on TAB dev from 0.946 to 0.968; no
    overall score moved.
    """
    found = list(findings)
    handles = [f for f in found if f.entity == "USERNAME" and f.source not in _MODELS]
    if handles:
        # A handle the pattern read whole ("@jane_doe") is a username, not
        # a model's name inside it.
        found = [
            f
            for f in found
            if not (
                f.source in _MODELS
                and any(h.start <= f.start and f.end <= h.end for h in handles)
            )
        ]
    people = [f for f in found if f.entity == "PERSON" and f.source == PERSON_SOURCE]
    if not people:
        return found
    return [
        f
        for f in found
        if not (
            f.source == TYPE_SOURCE
            and f.entity in _PLACE_OR_BODY
            and any(p.start <= f.start and f.end <= p.end for p in people)
        )
    ]


def places_read_as_people(
    text: str, findings: Iterable[Finding], places: Set[str], people: Set[str]
) -> list[Finding]:
    """``findings`` with each ``PERSON`` of one capitalised word that is a
    known place and no known name of a person (``places``, ``people``: lower
    case) made a ``LOCATION``: it stays masked, as what it is. A word right
    after a verb of saying ("sagte Schönberg") is left to the models; so
    are deny-listed terms.

    Models read a country or town after a title-like word as a surname
    ("der Republik Zypern", "Stadtrat von Düren"). On GermEval dev PERSON
    precision rose from 0.785 to 0.800 (recall 0.850 to 0.847);
    presidio-research synth 0.813 to 0.819; Sierro's Spanish ECHR dev split
    0.600 to 0.649; TAB dev was unchanged. Dropping frequent words of the
    text's language that Faker lists as no name there ("in der 3. Liga")
    was tried and left out: Faker's lists lack everyday names ("Anna" in
    Italian and Polish, "Andrea", "Vogel"), which would have gone in clear.
    """
    result = []
    for finding in findings:
        word = text[finding.start : finding.end]
        lower = word.lower()
        if (
            finding.entity == "PERSON"
            and finding.source != DENY_SOURCE
            and word[:1].isupper()
            and word.isalpha()
            and lower in places
            and lower not in people
            and _previous_word(text, finding.start).lower() not in SPEECH_VERBS
        ):
            finding = dataclasses.replace(finding, entity="LOCATION")
        result.append(finding)
    return result


# Code and markup that no name, place or organisation a spaCy pipeline
# reads holds: brackets, operators, a call ("median(xs", "get_user(user_id").
_CODE = re.compile(r"[\[\]{}=;|\\`]|\w\(|\)\w")
_EDGE_CHARS = "()[]{}<>\"'«»“”„ "


def model_noise(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` without a model's name or organisation that holds no
    letter (a lone "-" read as a name part), and with each spaCy name, place
    or organisation cut to what lies inside brackets or quotes at its edges
    ("(Orange" is "Orange"); one that still holds a character of code
    ("median(xs", "get_user(user_id") is dropped. Places keep their digits
    (a postcode, a house number)."""
    result = []
    for finding in findings:
        value = text[finding.start : finding.end]
        if finding.source in _MODELS and finding.entity in _NAMED:
            if finding.entity != "LOCATION" and not any(c.isalpha() for c in value):
                continue
            if finding.source == TYPE_SOURCE:
                inner = value.strip(_EDGE_CHARS)
                if not inner or _CODE.search(inner):
                    continue
                if inner != value:
                    start = finding.start + value.index(inner)
                    finding = dataclasses.replace(
                        finding, start=start, end=start + len(inner)
                    )
        result.append(finding)
    return result


def _previous_word(text: str, start: int) -> str:
    """The word before ``start``, with only spaces between ("" if none)."""
    before = text[max(0, start - 40) : start]
    stripped = before.rstrip(" \t\u00a0")
    if stripped == before and before:
        return ""
    words = stripped.split()
    return words[-1] if words else ""


def join_places(findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` with places that share characters joined into one.

    An address the street pattern reads whole ("Hauptstr. 5a") and a model
    reads in pieces ("Hauptstr", "80331 München") is one place: without
    the join the pieces would beat the pattern's span and leave it as a
    stray "5a". The joined place takes the best score and its source.
    """
    places = sorted(
        (f for f in findings if f.entity == "LOCATION"), key=lambda f: f.start
    )
    rest = [f for f in findings if f.entity != "LOCATION"]
    joined: list[list[Finding]] = []
    for place in places:
        if joined and place.start < max(f.end for f in joined[-1]):
            joined[-1].append(place)
        else:
            joined.append([place])
    for group in joined:
        best = max(group, key=lambda f: (f.score, f.source))
        start, end = group[0].start, max(f.end for f in group)
        rest.append(Finding(start, end, "LOCATION", best.score, best.source))
    return rest


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


def resolve_overlaps(
    findings: Iterable[Finding], text: str | None = None
) -> list[Finding]:
    """Non-overlapping findings, sorted by start; see the module for the rule.

    With ``text``, the uncovered rest of a losing finding is trimmed to its
    letters and digits before it is kept.
    """
    starts: list[int] = []
    kept: list[Finding] = []
    for finding in sorted(set(findings), key=priority):
        for piece in _uncovered(finding, starts, kept, text):
            index = bisect.bisect_left(starts, piece.start)
            starts.insert(index, piece.start)
            kept.insert(index, piece)
    return kept


def _uncovered(
    finding: Finding, starts: list[int], kept: list[Finding], text: str | None
) -> list[Finding]:
    """The parts of ``finding`` that no kept finding covers yet.

    Parts are kept only when a finding of another type beat this one: a
    surname must not go out in clear because a date next to it won the
    overlap. Only the neighbours in start order can overlap a new span, because the
    kept spans never overlap each other. A part must hold two letters or
    digits to be kept: a lone letter or a bracket is not worth a token.
    """
    index = bisect.bisect_left(starts, finding.start)
    if index > 0 and kept[index - 1].end > finding.start:
        index -= 1
    blockers = []
    while index < len(kept) and kept[index].start < finding.end:
        blockers.append(kept[index])
        index += 1
    if not blockers:
        return [finding]
    own_kind = all(blocker.entity == finding.entity for blocker in blockers)

    pieces = []
    cursor = finding.start
    for blocker in [*blockers, None]:
        end = finding.end if blocker is None else blocker.start
        if end > cursor:
            pieces.append((cursor, end))
        cursor = max(cursor, blocker.end) if blocker is not None else cursor
    if text is not None:
        pieces = [_trimmed(text, start, end) for start, end in pieces]
        if own_kind:
            # Beaten by its own kind, the longer span may be an over-reach
            # ("Anna and Anna": "and" is no name), but a word it holds beyond
            # the winner is part of the value ("Ottilie Brandstaetter" when
            # only "Ottilie" won): only connecting words are left out.
            pieces = [p for p in pieces if not _only_connectors(text, *p)]
    elif own_kind:
        return []
    return [
        Finding(start, end, finding.entity, finding.score, finding.source)
        for start, end in pieces
        if _worth_keeping(text, start, end)
    ]


_CONNECTOR_LIST = "and or und oder et ou y o e en of och og i with mit avec con & + /"
_CONNECTORS = frozenset(_CONNECTOR_LIST.split())


def _only_connectors(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds only words such as "and", "und"."""
    words = text[start:end].casefold().split()
    return all(word.strip(",.;:") in _CONNECTORS for word in words)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the spaces and punctuation at its edges."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _worth_keeping(text: str | None, start: int, end: int) -> bool:
    """Whether a remnant holds two letters or digits, or is an initial: a
    capital letter and its full stop ("D." of "Mme S. D." beside a model's
    "S" must not stay in clear)."""
    if text is None:
        return end - start >= 2
    value = text[start:end]
    initial = len(value) == 1 and value.isupper() and text[end : end + 1] == "."
    return initial or sum(char.isalnum() for char in value) >= 2
