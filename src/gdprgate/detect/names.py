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
from collections.abc import Callable, Sequence

from gdprgate.detect.common_names import COMMON_WORD_NAMES
from gdprgate.detect.finding import Finding
from gdprgate.detect.titles import TITLE, TITLE_RUN, title_run_start

_INITIALS = re.compile(
    r"""
    (?<![\w.])                         # not the tail of a word or abbreviation
    (?:[^\W\d_]\.(?:-?[^\W\d_]\.)*\s?){1,3}
    \Z
    """,
    re.VERBOSE,
)
# Titles found as a name of their own, and the space before the name.
_TITLE_ALONE = re.compile(TITLE_RUN)
# A title and one to three initials ("Sra. S. D.", "Mr A.B.").
_TITLE_INITIALS = re.compile(
    rf"""
    {TITLE}
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
# Initials, particles and a capitalised word: "J. van Dijk", "M. de la Torre".
_PARTICLE_WORDS = (
    "van|von|der|den|dem|de|del|della|delle|dei|degli|la|las|los|le|les|du|des|"
    "zu|di|da|do|dos|das|ter|ten|het|['’]t|['’]n|af|dal|dalla"
)
_INITIALS_PARTICLE = re.compile(
    rf"""
    (?<![\w.])
    (?P<initials>[^\W\d_]\.(?:-?[^\W\d_]\.)*
      (?:[ \t\u00a0]?[^\W\d_]\.(?:-?[^\W\d_]\.)*){{0,2}})
    (?:[ \t\u00a0]+(?i:{_PARTICLE_WORDS}))+
    [ \t\u00a0]+
    (?P<surname>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)
    """,
    re.VERBOSE,
)
INITIALS_PARTICLE_SCORE = 0.85
INITIALS_PARTICLE_SOURCE = "initials-particle"
# Words that join two names inside one model finding ("Berg en P. de Jong").
_CONNECTORS = frozenset(
    {"en", "and", "y", "e", "et", "und", "i", "och", "oraz", "ou", "o", "or", "og"}
)
# Findings never taken into a name: the deny list's and the patterns'.
_FIXED_SOURCES = frozenset({"deny_list"})
_PATTERN_PREFIX = "pattern"
# A capitalised word right before a position (a given name before a name).
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t\u00a0]+\Z")
# A name's last word that is one capital letter: an initial.
_LAST_INITIAL = re.compile(r"(?<=[\s.-])[^\W\d_]\Z")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)*")


def _is_common_word_name(word: str) -> bool:
    """Whether ``word`` is an English given name that is a common word."""
    return word.lower() in COMMON_WORD_NAMES


def extend_initials(
    text: str,
    findings: Sequence[Finding],
    is_name_word: Callable[[str], bool] = _is_common_word_name,
) -> list[Finding]:
    """``findings`` (sorted, non-overlapping) with initials and titles joined.

    Titles may come in a chain ("Herr Prof. Dr. Meier"); lower-case titles
    count before a name in lower case ("mr okafor"). Between a title and
    the name may stand up to two capitalised words for which
    ``is_name_word`` holds: given names that are also common words ("Prof.
    Will Hardy", "Mrs. May Henderson"). A name that ends in an initial
    takes its full stop ("Thomas K."). Initials, a particle and a
    capitalised word ("J. van Dijk", "M. de la Torre") are a name of their
    own (see :func:`_with_initials_particles`).

    A name written with capitals does not end in a lower-case word: "Sr.
    Baumer mañana" is cut back to "Sr. Baumer" (particles such as "van" or
    "de" only ever stand inside a name). A title found as a name of its own
    joins the name right after it, and so does a one-word name one space
    before or after another name (two layers found one half each).
    """
    result: list[Finding] = []
    joined = _with_initials_particles(text, findings)
    for finding in _with_title_initials(text, joined):
        if finding.entity == "PERSON":
            finding = _with_initial_stop(text, _without_lowercase_tail(text, finding))
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
            start = _title_start(
                text, finding.start if start is None else start, is_name_word
            )
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


# One initial of a run, with its hyphenated second ("J.-P.").
_ONE_INITIAL = re.compile(r"[^\W\d_]\.(?:-?[^\W\d_]\.)*")


def _capital_initials_start(match: re.Match[str]) -> int | None:
    """Where the initials of an ``_INITIALS_PARTICLE`` match start: at its
    first initial when all are capitals, or at the first of the capital
    initials that end it, after an abbreviation in lower case that the
    run took in ("t.n.v. P. de Haan": "ten name van", then the name), but
    not the capital of an abbreviation of two letters ("z. B. der");
    ``None`` when the last initial is no capital."""
    initials = match.group("initials")
    if _upper_initials(initials):
        return match.start("initials")
    start: int | None = None
    # A capital right after one lower-case letter is that abbreviation's
    # second half ("z. B. der Master": zum Beispiel), no one's initial.
    after_letter = False
    for initial in _ONE_INITIAL.finditer(initials):
        value = initial.group()
        if not _upper_initials(value):
            start = None
            after_letter = sum(char.isalpha() for char in value) == 1
            continue
        if start is None and not after_letter:
            start = match.start("initials") + initial.start()
        after_letter = False
    return start


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


def _title_start(
    text: str, start: int, is_name_word: Callable[[str], bool]
) -> int | None:
    """Where a chain of titles right before ``start`` begins, also over up
    to two capitalised name words between ("Prof. Will Hardy"); else
    ``start``. Lower-case titles count before a lower-case name."""
    found = title_run_start(text, start, lower=text[start : start + 1].islower())
    if found is not None:
        return found
    position = start
    for _ in range(2):
        word = _WORD_BEFORE.search(text, max(0, position - _LOOKBACK), position)
        if word is None or not word.group(1)[:1].isupper():
            return start
        if word.group(1).isupper() or not is_name_word(word.group(1)):
            return start
        position = word.start(1)
        found = title_run_start(text, position)
        if found is not None:
            return found
    return start


def _with_initial_stop(text: str, finding: Finding) -> Finding:
    """``finding`` with the full stop of an initial it ends in ("Thomas
    K" of "Thomas K. wurde")."""
    if (
        text[finding.end : finding.end + 1] != "."
        or _LAST_INITIAL.search(text, finding.start, finding.end) is None
    ):
        return finding
    return Finding(
        finding.start, finding.end + 1, finding.entity, finding.score, finding.source
    )


def _with_initials_particles(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` (sorted) with each run of initials, particles and a
    capitalised word ("J. van Dijk", "A. van der Berg", "J.-P. de La
    Fontaine") as one ``PERSON``: the models see the initials apart from
    the surname, or read "Berg en P. de Jong" as a place.

    ``PERSON`` findings it touches join it; a model's place or organisation
    it touches is dropped when what that finding holds besides such names
    is only connecting words ("en", "and", "y"). A name touching a
    pattern's or the deny list's finding, or any other, is left out.
    """
    names = [
        (start, match.end())
        for match in _INITIALS_PARTICLE.finditer(text)
        if (start := _capital_initials_start(match)) is not None
        and match.group("surname")[:1].isupper()
        # A heading in capitals ("I. LES CIRCONSTANCES DE L'ESPÈCE") is
        # no name: particles and surname are written as names are.
        and not _in_capitals(match.group()[len(match.group("initials")) :])
    ]
    if not names:
        return list(findings)
    ordered = sorted(findings, key=lambda f: (f.start, f.end))
    # One sweep over names and findings, both in text order: a finding
    # left behind (ending before a name) is final, so the work stays linear.
    result: list[Finding] = []
    index = 0
    for start, end in names:
        while index < len(ordered) and ordered[index].end <= start:
            result.append(ordered[index])
            index += 1
        stop = index
        while stop < len(ordered) and ordered[stop].start < end:
            stop += 1
        # What a name before this one made may reach into it.
        earlier = [f for f in result[-2:] if f.end > start]
        touching = earlier + ordered[index:stop]
        if any(_blocks(text, f, names) for f in touching):
            continue
        people = [f for f in touching if f.entity == "PERSON"]
        best = max(people, key=lambda f: f.score, default=None)
        if earlier:
            result = result[: len(result) - len(earlier)]
        index = stop
        result.append(
            Finding(
                min([start, *(f.start for f in people)]),
                max([end, *(f.end for f in people)]),
                "PERSON",
                INITIALS_PARTICLE_SCORE if best is None else best.score,
                INITIALS_PARTICLE_SOURCE if best is None else best.source,
            )
        )
    result.extend(ordered[index:])
    return sorted(result, key=lambda f: f.start)


def _in_capitals(words: str) -> bool:
    """Whether ``words`` hold a word of two letters or more in capitals."""
    return any(len(word) > 1 and word.isupper() for word in words.split())


def _blocks(text: str, finding: Finding, names: Sequence[tuple[int, int]]) -> bool:
    """Whether ``finding`` keeps a name of initials and particles out."""
    if finding.source in _FIXED_SOURCES or finding.source.startswith(_PATTERN_PREFIX):
        return True
    return finding.entity != "PERSON" and not _connects(text, finding, names)


def _connects(text: str, finding: Finding, names: Sequence[tuple[int, int]]) -> bool:
    """Whether ``finding`` holds nothing but ``names`` and connecting words."""
    rest = list(text[finding.start : finding.end])
    # ``names`` are in text order and apart: only those around the finding.
    first = max(0, bisect.bisect_left(names, (finding.start,)) - 1)
    last = bisect.bisect_left(names, (finding.end,))
    for start, end in names[first:last]:
        for index in range(max(start, finding.start), min(end, finding.end)):
            rest[index - finding.start] = " "
    return all(word.lower() in _CONNECTORS for word in "".join(rest).split())


def _initials_start(text: str, finding: Finding) -> int | None:
    """Where the initials right before a ``PERSON`` start ("J. R. R." of
    "J. R. R. Tolkien"); ``None`` when there are none. Every initial is a
    capital: a dotted abbreviation with a lower-case letter ("Z.n." for
    "Zustand nach", "i.V.") is no part of the name after it."""
    if finding.entity != "PERSON":
        return None
    window_start = max(0, finding.start - _LOOKBACK)
    match = _INITIALS.search(text, window_start, finding.start)
    if match is None or not _upper_initials(match.group(0)):
        return None
    return match.start()


# Particles inside one person's name, in lower case, one or two of them:
# "Maria da Conceição Ferreira", "Jan van der Berg".
_INNER_PARTICLES = re.compile(
    r"[ \t]+(?:(?:da|de|do|dos|das|del|della|di|du|van|von|der|den|ter|la|le)"
    r"[ \t]+){1,2}\Z"
)
# The conjunction of Catalan and Spanish double surnames ("Puig i Ferrer",
# "Ortega y Gasset").
_SURNAME_AND = re.compile(r"[ \t]+[iy][ \t]+\Z")
_SURNAME_AND_LANGUAGES = frozenset({"es", "ca"})
_ONE_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*\Z")


def join_split_names(
    text: str,
    findings: Sequence[Finding],
    language: str = "",
    is_given: Callable[[str], bool] = lambda word: False,
) -> list[Finding]:
    """``findings`` (sorted, not overlapping) with two ``PERSON`` findings
    joined into one where only particles in lower case stand between them
    ("Maria" + "da" + "Conceição Ferreira"), or, in Spanish and Catalan,
    "i" or "y" before a one-word surname that ``is_given`` does not call
    a given name ("Montserrat Puig" + "i" + "Ferrer"; not "Juan y Pedro").
    The models read such a name as two people."""
    result: list[Finding] = []
    for finding in findings:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.entity == finding.entity == "PERSON"
            and _split(text, previous, finding, language, is_given)
        ):
            best = max(previous, finding, key=lambda f: f.score)
            result[-1] = Finding(
                previous.start, finding.end, "PERSON", best.score, best.source
            )
            continue
        result.append(finding)
    return result


def _split(
    text: str,
    left: Finding,
    right: Finding,
    language: str,
    is_given: Callable[[str], bool],
) -> bool:
    """Whether ``left`` and ``right`` are two halves of one name (see
    :func:`join_split_names`)."""
    gap = text[left.end : right.start]
    if len(gap) > 16 or not text[right.start : right.start + 1].isupper():
        return False
    if not text[left.start : left.start + 1].isupper():
        return False
    if _INNER_PARTICLES.match(gap) is not None:
        return True
    surname = text[right.start : right.end]
    return (
        language in _SURNAME_AND_LANGUAGES
        and _SURNAME_AND.match(gap) is not None
        and " " in text[left.start : left.end]
        and _ONE_WORD.match(surname) is not None
        and not is_given(surname)
    )
