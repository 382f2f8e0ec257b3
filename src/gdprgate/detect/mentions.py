"""Other mentions of a person or place already found: "… Wolfgang Kraus.
Kraus sagte …".

A text names a person in full once and by a part of the name after that
("Kraus sagte", "Sarah said"); the models read each mention on its own and
may miss the short ones, which then stay in clear beside a masked full
name. :func:`other_mentions` finds every other mention, written the same
way, of what was found: the whole value of each ``PERSON`` (and, when
asked, of each ``LOCATION``), and each capitalised part of a person's
name of three letters or more (titles and particles left out). A caller
that reads several texts of one record or request passes the values found
in the others (``values``), so a name found in one field is masked in
every field. GermEval dev PERSON 0.812/0.858 -> 0.809/0.860 (its texts
are single sentences); synth and TAB dev unchanged but for TAB dev token
precision 0.786 -> 0.783.

A part that is also an ordinary word of some language ("Will", "Rose",
"Kraus", German for "frizzy") counts inside a sentence, where its
capital letter marks a name; at a sentence's start, where it may be the
word, only before a lower-case word other than a pronoun, an article or
"to" ("Hope has exceeded targets", not "Will you" or "Hope to see you").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence, Set

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import NAME_PARTICLES, Lexicon
from gdprgate.detect.titles import LOWER_TITLE_RUN, TITLE_RUN, TITLE_WORDS

MENTION_SCORE = 0.8
MENTION_SOURCE = "mention"
# Entities whose other mentions the detector finds. Places are left out by
# default: on TAB dev, other mentions of places (mostly public ones, such
# as countries and courts' cities) cut token precision from 0.786 to 0.759;
# a caller that wants them passes ``entities``.
ENTITIES = frozenset({"PERSON"})
# Shortest name part that counts on its own.
MIN_PART = 3

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A chain of titles at a value's start, in any case.
_TITLES = re.compile(rf"{TITLE_RUN}|{LOWER_TITLE_RUN}")
# What ends a sentence before a mention: a full stop, "!", "?", a colon or
# a line break, then blanks and opening quotes or brackets.
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n])[\s\"'“„«(\[]*\Z")


def other_mentions(
    text: str,
    findings: Sequence[Finding],
    lexicon: Lexicon,
    values: Iterable[tuple[str, str]] = (),
    entities: Set[str] = ENTITIES,
) -> list[Finding]:
    """``findings`` and a finding for every other mention in ``text`` of
    what they found of ``entities`` or of ``values`` (``(entity, value)``
    pairs found elsewhere), sorted by start; see :class:`Mentions`."""
    pairs = [(f.entity, text[f.start : f.end]) for f in findings]
    return Mentions([*pairs, *values], lexicon, entities).find(text, findings)


class Mentions:
    """The values of ``entities`` among ``pairs`` (``(entity, value)``),
    made ready once to be looked for in many texts (the fields of one
    record: building them for each field cost time squared in the number
    of fields)."""

    def __init__(
        self,
        pairs: Iterable[tuple[str, str]],
        lexicon: Lexicon,
        entities: Set[str] = ENTITIES,
    ) -> None:
        self._targets = _targets(
            [(entity, value) for entity, value in pairs if entity in entities],
            lexicon,
        )
        self._by_first: dict[str, list[str]] = {}
        for value in sorted(self._targets, key=len, reverse=True):
            first = _WORD.match(value)
            if first is not None:
                self._by_first.setdefault(first.group(), []).append(value)

    def find(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        """``findings`` (not overlapping) and a finding for every mention in
        ``text`` of the values, sorted by start. The text is read once, word
        by word; each word that starts a value is tried against the values
        it starts, longest first."""
        ordered = sorted(findings, key=lambda f: f.start)
        if not self._targets:
            return ordered
        starts = [f.start for f in ordered]
        added: list[Finding] = []
        for word in _WORD.finditer(text):
            for value in self._by_first.get(word.group(), ()):
                start, end = word.start(), word.start() + len(value)
                if not text.startswith(value, start) or _runs_on(text, end):
                    continue
                entity, ordinary = self._targets[value]
                if (
                    _taken(ordered, starts, start, end)
                    or (added and added[-1].end > start)
                    or (
                        ordinary
                        and _opens_sentence(text, start)
                        and not _before_a_verb(text, end)
                    )
                ):
                    break
                found = Finding(start, end, entity, MENTION_SCORE, MENTION_SOURCE)
                added.append(found)
                break
        return sorted([*ordered, *added], key=lambda f: f.start)


def _runs_on(text: str, end: int) -> bool:
    """Whether a word goes on at ``end`` ("Krause" after "Kraus")."""
    after = text[end : end + 2]
    return bool(after) and (
        after[0].isalnum()
        or after[0] in "'’_"
        or (after[0] == "-" and after[1:2].isalnum())
    )


def _taken(
    ordered: Sequence[Finding], starts: Sequence[int], start: int, end: int
) -> bool:
    """Whether ``[start, end)`` shares a character with a finding of
    ``ordered`` (sorted, not overlapping; ``starts``: their starts)."""
    index = bisect.bisect_left(starts, end) - 1
    return index >= 0 and ordered[index].end > start


# Lower-case words after a sentence's first word that make it the word
# itself, not a name: "Will you", "May I", "Hope to", "Mark the box".
_WORD_USE_LIST = """
you i we they he she it me us them the a an to not be this that these
those your my our their his her its by of for up all some any one
"""
_WORD_USES = frozenset(_WORD_USE_LIST.split())
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _before_a_verb(text: str, end: int) -> bool:
    """Whether a lower-case word that can follow a subject comes after
    ``end`` ("Hope has", "Kraus sagte"): there a sentence's first word
    that names a person found elsewhere in the text is that person."""
    word = _NEXT_WORD.match(text, end)
    return (
        word is not None and word.group(1).islower() and word.group(1) not in _WORD_USES
    )


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or the text."""
    return _SENTENCE_START.search(text, max(0, start - 8), start) is not None


def _targets(
    pairs: Iterable[tuple[str, str]], lexicon: Lexicon
) -> dict[str, tuple[str, bool]]:
    """What to look for: each value and, for people, each name part, with
    its entity and whether it is also an ordinary word."""
    targets: dict[str, tuple[str, bool]] = {}
    for entity, value in pairs:
        value = value.strip(" \t\r\n.,;:!?\"'()[]")
        if entity == "PERSON" and value[:1].islower():
            # A lower-case title first ("de heer Smit"): the name after it.
            titles = _TITLES.match(value)
            value = value[titles.end() :] if titles else value
        words = _WORD.findall(value)
        if not words or not value[:1].isupper() or value.isupper():
            continue
        if len(value) >= MIN_PART:
            targets.setdefault(value, (entity, _ordinary(value, lexicon)))
        if entity != "PERSON" or len(words) < 2:
            continue
        # The name without its titles ("Anna van der Berg" of "Mevrouw Anna
        # van der Berg").
        titles = _TITLES.match(value)
        untitled = value[titles.end() :] if titles else value
        if untitled != value and " " in untitled and untitled[:1].isupper():
            targets.setdefault(untitled, (entity, False))
        for word in words:
            lower = word.lower()
            if (
                len(word) < MIN_PART
                or not word[:1].isupper()
                or word.isupper()
                or lower in TITLE_WORDS
                or lower in NAME_PARTICLES
            ):
                continue
            targets.setdefault(word, (entity, _ordinary(word, lexicon)))
    return targets


def _ordinary(value: str, lexicon: Lexicon) -> bool:
    """Whether a one-word ``value`` is also an ordinary word."""
    return " " not in value and value.lower() in lexicon.words
