"""Text written without case: all in lower case, or all in capitals.

Chat messages are often typed in lower case ("hi, this is anna lindqvist",
or with a phone keyboard's capital at the start of a sentence)
and forms or headings in capitals ("NAME: ANNA LINDQVIST"). Capitals then
say nothing about which words are names, and every rule that reads them
(the name scorer, the name rules, unsure words of the model) would pass
over every name. For such a text the Rampart layer keeps the model's own
choice instead of the scorer's (see :mod:`gdprgate.detect.rampart`), and
the name rules read a *recased* copy: known names capitalised (and the
commonest given names and surnames, where they stand together: "marco
rossi"), every other word in lower case, with the same length so offsets
fit the original.
"""

from __future__ import annotations

import itertools
import re

from gdprgate.detect.common_names import COMMON_WORD_NAMES
from gdprgate.detect.gate import NAME_PARTICLES, Lexicon, caseless

__all__ = ["caseless", "names_in_capitals_titled", "plain_name", "recased"]

_WORD = re.compile(r"[^\W\d_]+")


def plain_name(lower: str, lexicon: Lexicon) -> bool:
    """Whether lower-cased ``lower`` is a known name and nothing else: no
    ordinary word, none of a language's most frequent words ("mark",
    "bill", "page", "grace") and no word on the list of common-word names
    ("hunter", "baker"). Without capitals nothing else tells them apart."""
    return (
        lower in lexicon.names
        and lower not in lexicon.words
        and lower not in lexicon.common_names
        and lower not in COMMON_WORD_NAMES
    )


def recased(text: str, lexicon: Lexicon) -> str:
    """``text`` with each plain name (see :func:`plain_name`) and each
    word of a name pair (see :func:`name_only`) capitalised and every
    other word in lower case; the same length as ``text``.

    A word whose case forms differ in length ("ß" in capitals) is kept as
    it is.
    """
    paired = _paired_names(text, lexicon)

    def recase(match: re.Match[str]) -> str:
        word = match.group()
        lower = word.lower()
        if len(lower) != len(word):
            return word
        if match.start() in paired or plain_name(lower, lexicon):
            first = lower[0].upper()
            return word if len(first) != 1 else first + lower[1:]
        return lower

    return _WORD.sub(recase, text)


def name_only(lower: str, lexicon: Lexicon) -> bool:
    """Whether lower-cased ``lower`` is a person's name that is frequent,
    where it is, only as a name: "rossi", "andersson", "silva", "marco"
    (among the most frequent words of Italian or Swedish because people
    bear them), not "mark" or "page" (frequent where they are no name),
    no ordinary or stop word and no common-word name ("hunter")."""
    return (
        lower in lexicon.people
        and lower not in lexicon.words
        and lower not in COMMON_WORD_NAMES
        and lower not in lexicon.local_words
    )


def _paired_names(text: str, lexicon: Lexicon) -> set[int]:
    """Starts of the words of each given name followed by a surname, both
    names only (see :func:`name_only`), with one space between: in text
    without case, "marco rossi" and "lars andersson" are names although
    each word is among its language's most frequent."""
    words = list(_WORD.finditer(text))
    starts: set[int] = set()
    for first, second in itertools.pairwise(words):
        given, surname = first.group().lower(), second.group().lower()
        if (
            text[first.end() : second.start()] == " "
            and given in lexicon.given
            and name_only(given, lexicon)
            and name_only(surname, lexicon)
        ):
            starts.update((first.start(), second.start()))
    return starts


def names_in_capitals_titled(text: str, lexicon: Lexicon) -> str:
    """``text`` with names in capitals written as names ("GERD HARTUNG"
    -> "Gerd Hartung"); the same length.

    In text that has case, a name in capitals is written for emphasis or
    in a form. A run of two words or more in capitals counts as a name
    when one of its words is a plain given name (see :func:`plain_name`)
    and none is an ordinary word (a particle such as "VAN" may stand
    between): acronyms ("SPD", "WM") and shouted phrases ("BITTE NICHT",
    "MARK PAGE") keep their capitals.
    """
    chars = list(text)
    for run in _capital_runs(text):
        lowers = [text[start:end].lower() for start, end in run]
        if any(
            len(low) != end - start
            for low, (start, end) in zip(lowers, run, strict=True)
        ):
            continue
        if not any(
            low in lexicon.given and plain_name(low, lexicon) for low in lowers
        ) or any(
            low not in NAME_PARTICLES and lexicon.is_ordinary(low) for low in lowers
        ):
            continue
        for (start, end), low in zip(run, lowers, strict=True):
            name = low if low in NAME_PARTICLES else low[0].upper() + low[1:]
            if len(name) == end - start:
                chars[start:end] = name
    return "".join(chars)


def _capital_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of two or more words in capitals (two letters or more each)
    with one space or hyphen between neighbours."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < 2 or not word.isupper():
            current = []
            continue
        if current and text[current[-1][1] : match.start()] not in (" ", "-"):
            current = []
        if not current:
            runs.append(current)
        current.append(match.span())
    return [run for run in runs if len(run) >= 2]
