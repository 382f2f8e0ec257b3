"""Names the model misses: a known given name before a surname.

Rampart reads text in lower case and, in German news or court text, often
passes over "Wolfgang Kraus" or "Max Herbst". A capitalised word that is a
given name Faker knows for a European locale, and is not an ordinary word
of any of the lexicon's languages ("Will", "May" and "Hope" are;
"Wolfgang" is not), followed by a capitalised surname, is a ``PERSON``
scoring :data:`PAIR_SCORE` (below Rampart's confident names). Between the
two may stand further given names, initials ("W.") and particles ("von
der", "de la", "van"). The surname may be hyphenated and may not be an
ordinary word ("Florence Cathedral") or an abbreviation in capitals.

The rule only adds to what the other layers found: a name that touches
nothing found becomes a finding; one that touches only ``PERSON`` findings
joins them into one ("Wolfgang Amadeus" and a model's "Mozart"); one that
touches anything else ("Max Planck" inside an organisation) is dropped
(see :func:`add_rule_names`).

A ``PERSON`` that another layer found and that ends in a given name, even
one that is also an ordinary word ("Hans", "Per", "Sam"), is extended over
the surname that follows ("Hans Meier"); one right after a given name is
extended over it ("Per Lindqvist"), where nothing else was found there (see
:meth:`NameRules.extend_given_names`): the model has already said a name
stands there, and its other half must not leak.

The rules also name the speaker of a quotation ('", sagte Pfister.'; see
:mod:`gdprgate.detect.speakers`), a name with a particle no model read
("Hanneke de Vries"; :mod:`gdprgate.detect.particle_names`), a given
name that the words before it make a person ("spoke to Lily";
:mod:`gdprgate.detect.addressed_names`), a given name alone in lower case
after such words or opening a sentence before its verb ("die lisa", "Sem
is ziek"; :mod:`gdprgate.detect.bare_given_names`) and initials after a
party word ("el acusado J.M.G.R."; :mod:`gdprgate.detect.initials`);
their names are added the same way. A given name that is also a word
("Will") is a pair with a surname that is a person's name only ("Will
Summers"), and a given name in the cell of a row of values beside a cell
found as a name is one too ("30213,Wojciech,Nowicki"; see
:meth:`NameRules.extend_given_names`).

Tried and left out, as they found almost nothing on the dev splits that
Rampart had not: a role word before a surname ("Trainer Rummenigge"), and
the surname of a found name used again alone (which also carried Rampart's
mistakes on: "Viernheimer Dreieck" as a name made every "Dreieck" one).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Container, Sequence

from gdprgate.detect.addressed_names import addressed_names
from gdprgate.detect.attendees import listed_people
from gdprgate.detect.bare_given_names import (
    everyday,
    initialled_given_names,
    lower_given_names,
    opening_given_names,
)
from gdprgate.detect.common_names import MORE_GIVEN
from gdprgate.detect.finding import Finding, SpanIndex
from gdprgate.detect.gate import (
    CAPITALISED_NOUNS,
    GERMAN_ARTICLE_PARTICLES,
    Lexicon,
    german_noun,
)
from gdprgate.detect.initials import party_initials
from gdprgate.detect.particle_names import particle_names
from gdprgate.detect.signoffs import signed_names
from gdprgate.detect.speakers import quoted_speakers
from gdprgate.detect.transcripts import titled_names, transcript_speakers

PAIR_SCORE = 0.7
PAIR_SOURCE = "given-name"
CELL_SOURCE = "given-name-cell"

# Given names that are also names of months.
_CALENDAR_LIST = """
april may june july august january march september october november december
mai juni juli januar februar märz oktober dezember
avril juin juillet août mars abril mayo junio julio agosto
aprile maggio giugno luglio agosto
"""
_CALENDAR = frozenset(_CALENDAR_LIST.split())
# Given names that are also the word for "according to", which opens many
# sentences right before a name ("Segundo Joaquim Tavares, ...").
_ACCORDING_TO = frozenset({"segundo", "secondo"})

_PARTICLE_LIST = """
von van der den de del della dei di da das dos du la le zu zur af ten ter
bin ibn al el
"""
_PARTICLES = frozenset(_PARTICLE_LIST.split())

_LETTERS = r"[^\W\d_]+"
# A capitalised word, or two joined by a hyphen or an apostrophe (O'Neill).
_NAME_WORD = re.compile(rf"{_LETTERS}(?:[-'’]{_LETTERS})*")
_INITIAL = re.compile(r"[^\W\d_]\.")
_GAP = re.compile(r"[ \t]+")
_ANY_WORD = re.compile(_LETTERS)
# A model's types that may be a name mistyped, and the models.
_MISTYPED = frozenset({"LOCATION", "ORGANIZATION"})
_MODEL_SOURCES = frozenset({"rampart", "spacy"})
# A cell of a row of values: what stands between delimiters, and the
# given name of the cell right before or after a position.
_DELIMITERS = ",;\t|"
_CELL_BEFORE = re.compile(
    rf"(?:^|[{_DELIMITERS}])[ ]*(?P<name>{_LETTERS})[ ]*[,;\t|]\Z", re.M
)
_CELL_AFTER = re.compile(rf"[,;\t|][ ]*(?P<name>{_LETTERS})[ ]*(?=[,;\t|]|$)", re.M)
# A name word one blank after a position.
_NEXT_NAME_WORD = re.compile(rf"[ \t]({_LETTERS}(?:-{_LETTERS})*)(?![\w'’])")
# The word right before a position, separated from it by spaces only.
_WORD_BEFORE = re.compile(rf"({_LETTERS})[ \t]+\Z")


class NameRules:
    """The rule of the module doc, with its word lists."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._given = lexicon.given
        self._ordinary = lexicon.words

    def given_name_pairs(
        self, text: str, without_case: bool = False, language: str = ""
    ) -> list[Finding]:
        """Every given name followed by a surname in ``text``, and every
        speaker named after a quotation (see :mod:`gdprgate.detect.speakers`),
        given name after a greeting (:mod:`gdprgate.detect.signoffs`) or
        speaker of a chat line (:mod:`gdprgate.detect.transcripts`) or
        person listed after a label such as "Present:"
        (:mod:`gdprgate.detect.attendees`) that is not part of such a name;
        in a text ``without_case`` (``text`` is then its recased view), also
        a title before a surname."""
        pairs = _apart_from(
            self._pairs(text, language),
            particle_names(text, language, self._lexicon, self._is_any_given),
        )
        starts = [p.start for p in pairs]
        reach = list(itertools.accumulate((p.end for p in pairs), max))

        def apart(speaker: Finding) -> bool:
            last = bisect.bisect_left(starts, speaker.end) - 1
            return last < 0 or reach[last] <= speaker.start

        lexicon = self._lexicon
        others = [
            *quoted_speakers(text, lexicon),
            *signed_names(text, lexicon),
            *transcript_speakers(text, lexicon, without_case),
            *listed_people(text, lexicon),
            *addressed_names(text, language, lexicon, without_case),
            *lower_given_names(text, language, lexicon, without_case),
            *opening_given_names(text, language, lexicon, without_case),
            *party_initials(text),
            *initialled_given_names(text, language, lexicon),
            *(titled_names(text, lexicon) if without_case else ()),
        ]
        # By start: one chosen before overlaps ``other`` when it reaches
        # past its start, so the furthest end tells (linear; a check of
        # every chosen one was quadratic in a chat of many speakers).
        chosen: list[Finding] = []
        reached = -1
        for other in sorted(others, key=lambda f: (f.start, -f.end)):
            if apart(other) and reached <= other.start:
                chosen.append(other)
                reached = max(reached, other.end)
        return sorted([*pairs, *chosen], key=lambda f: f.start)

    def _pairs(self, text: str, language: str) -> list[Finding]:
        """Every given name followed by a surname in a ``language`` ``text``."""
        found: list[Finding] = []
        position = 0
        for match in _NAME_WORD.finditer(text):
            if match.start() < position:
                continue
            if self._is_given(match.group(), text, match.start()):
                end = self._surname_end(text, match.end(), language)
            elif self._is_any_given(match.group()) and not _after_handle_mark(
                text, match.start()
            ):
                # A given name that is also a word ("Will") before a surname
                # that is a name only ("Summers").
                end = self._plain_surname_end(text, match.end())
            else:
                continue
            if end is not None:
                found.append(
                    Finding(match.start(), end, "PERSON", PAIR_SCORE, PAIR_SOURCE)
                )
                position = end
        return found

    def extend_given_names(
        self, text: str, findings: Sequence[Finding], language: str = ""
    ) -> list[Finding]:
        """``findings`` with each ``PERSON`` that ends in a given name
        extended over the surname right after it ("Hans" + "Meier"), and
        each preceded by a given name extended over it ("Per" +
        "Lindqvist"), where no other finding is; then a ``PERSON`` for each
        given name in the cell of a row beside a cell found as a name."""
        taken = SpanIndex(findings)
        result: list[Finding] = []
        for finding in findings:
            start, end = finding.start, finding.end
            if finding.entity == "PERSON":
                words = list(_NAME_WORD.finditer(text, start, end))
                if words and self._is_any_given(words[-1].group()):
                    after = self._surname_end(text, end, language)
                    if after is not None and not taken.touches(end, after):
                        end = after
                before = _WORD_BEFORE.search(text, max(0, start - 40), start)
                if (
                    before is not None
                    and (
                        self._is_any_given(before.group(1))
                        or self._unknown_before_double(
                            before.group(1), text[start:end], language
                        )
                    )
                    and not taken.touches(before.start(1), start)
                    and (
                        before.start(1) == 0 or not text[before.start(1) - 1].isalnum()
                    )
                ):
                    start = before.start(1)
            if (start, end) == (finding.start, finding.end):
                result.append(finding)
            else:
                result.append(
                    Finding(start, end, "PERSON", finding.score, finding.source)
                )
        return result + self._cell_given_names(text, result)

    def _cell_given_names(
        self, text: str, findings: Sequence[Finding]
    ) -> list[Finding]:
        """A ``PERSON`` for each cell of a delimited row ("30213,Wojciech,
        Nowicki") that is a given name right before or after a cell that is
        a ``PERSON`` finding whole, where nothing was found."""
        taken = SpanIndex(findings)
        added: list[Finding] = []
        added_starts: set[int] = set()
        for finding in findings:
            if finding.entity != "PERSON" or not _whole_cell(
                text, finding.start, finding.end
            ):
                continue
            for cell in (
                _CELL_BEFORE.search(text, max(0, finding.start - 60), finding.start),
                _CELL_AFTER.match(text, finding.end),
            ):
                if cell is None or taken.touches(*cell.span("name")):
                    continue
                if (
                    self._is_any_given(cell.group("name"))
                    and cell.start("name") not in added_starts
                ):
                    added_starts.add(cell.start("name"))
                    added.append(
                        Finding(*cell.span("name"), "PERSON", PAIR_SCORE, CELL_SOURCE)
                    )
        return added

    def _unknown_before_double(self, word: str, name: str, language: str) -> bool:
        """Whether capitalised ``word`` right before a double surname
        ``name`` ("Grietje" of "oma Grietje Dijkstra-Postma") is a given
        name the lexicon lacks: no everyday word of ``language`` (see
        :func:`gdprgate.detect.bare_given_names.everyday`), no place and no
        acronym, in a language that writes its nouns in lower case (a
        title, "Wethouder", may be taken in: fail closed)."""
        lower = word.lower()
        return (
            language not in CAPITALISED_NOUNS
            and len(word) >= 3
            and word[0].isupper()
            and word[1:].islower()
            and "-" in name
            and name[:1].isupper()
            and not everyday(lower, language, self._lexicon)
            and lower not in self._lexicon.places
        )

    def _is_any_given(self, word: str) -> bool:
        """A capitalised given name, ordinary word or not ("Hans", "Per")."""
        return (
            word[0].isupper()
            and not (len(word) > 1 and word.isupper())
            and (word.lower() in self._given or word.lower() in MORE_GIVEN)
            and word.lower() not in _CALENDAR
            and word.lower() not in _ACCORDING_TO
        )

    def _is_given(self, word: str, text: str, start: int) -> bool:
        """A capitalised given name that is not also an ordinary word; a
        hyphenated one ("Jean-Baptiste") when every part is a given name."""
        if not word[0].isupper() or (len(word) > 1 and word.isupper()):
            return False
        if _after_handle_mark(text, start):
            return False
        parts = word.lower().split("-")
        if len(parts) > 1:
            return all(part in self._given for part in parts)
        first = parts[0]
        return (
            first in self._given
            and first not in self._ordinary
            and first not in _CALENDAR
        )

    def _surname_end(self, text: str, position: int, language: str) -> int | None:
        """Where the name that starts before ``position`` ends, if a surname
        follows (more given names, initials and particles may come first).
        In a German text a lone article is no particle (see
        :data:`GERMAN_ARTICLE_PARTICLES`)."""
        end: int | None = None
        german = language in CAPITALISED_NOUNS
        article, particles = False, 0
        for _ in range(4):
            gap = _GAP.match(text, position)
            if gap is None:
                return end
            position = gap.end()
            initial = _INITIAL.match(text, position)
            if initial is not None and initial.group()[0].isupper():
                position = initial.end()
                continue
            word = _NAME_WORD.match(text, position)
            if word is None:
                return end
            value = word.group()
            if value.lower() in _PARTICLES and value[0].islower():
                # A lone German article before a noun: "Kurt Miller den
                # PSA-Test" ("Jan den Uyl" stays one name).
                article = german and not particles and value in GERMAN_ARTICLE_PARTICLES
                particles += 1
                position = word.end()
                continue
            if article and german_noun(value, self._lexicon):
                return end
            article, particles = False, 0
            if not self._is_surname(value):
                return end
            end = position = word.end()
            if value.lower() not in self._given:
                return end
        return end

    def _plain_surname_end(self, text: str, position: int) -> int | None:
        """The end of the word one blank after ``position`` when it is a
        capitalised surname that is a person's name only: no ordinary
        word, no place, no given name and not among the most frequent
        words of a language."""
        word = _NEXT_NAME_WORD.match(text, position)
        if word is None:
            return None
        value, lexicon = word.group(1), self._lexicon
        lower = value.lower()
        if not value[0].isupper() or value.isupper():
            return None
        if (
            lower not in lexicon.people
            or lower in lexicon.words
            or lower in lexicon.places
            or lower in lexicon.given
            or lower in lexicon.frequent_names
        ):
            return None
        return word.end(1)

    def _is_surname(self, word: str) -> bool:
        """A capitalised word that is not an ordinary word or an acronym."""
        if not word[0].isupper() or word.isupper():
            return False
        return word.lower() not in self._ordinary


def add_rule_names(
    findings: Sequence[Finding],
    names: Sequence[Finding],
    text: str = "",
    frequent: frozenset[str] = frozenset(),
    people: Container[str] = frozenset(),
) -> list[Finding]:
    """``findings`` with the rule's ``names`` added (see the module doc).

    A model's place or organisation made of lower-case words before the
    name and the name ("oskarżonego Jana Kowalskiego" read as a place)
    gives way to the name: the model took a noun into the name and
    mistook its type (see :func:`_mistyped`; needs ``text``). A word of
    ``frequent`` ("the corner of") keeps the model's finding.
    A model's place or organisation inside a name with a particle gives
    way too, the whole name only when it ends in a name of ``people`` (see
    :func:`_surname_read_as_place`).
    ``findings`` must not overlap; neither does the result.
    """
    # Kept sorted by start, with the starts beside: the findings a name
    # touches are one run of neighbours, found by bisection, so a text of
    # many names costs names x log(findings), not names x findings. Each
    # finding carries its place in the answer (the given findings in their
    # order, then each added or joined name after them).
    given = sorted(enumerate(findings), key=lambda item: (item[1].start, item[1].end))
    rank = [number for number, _ in given]
    result = [finding for _, finding in given]
    starts = [f.start for f in result]
    lists = (result, starts, rank)
    added = len(result)
    for name in names:
        low, high = _run(result, starts, name)
        touching = [
            f for f in result[low:high] if f.start < name.end and name.start < f.end
        ]
        if (
            touching
            and text
            and all(_mistyped(text, f, name, frequent) for f in touching)
        ):
            _replace(lists, (low, high), touching, (name, added))
            added += 1
            continue
        places = [
            f
            for f in touching
            if text and _surname_read_as_place(text, f, name, people)
        ]
        if places:
            _replace(lists, (low, high), places, None)
            low, high = _run(result, starts, name)
            touching = [f for f in touching if f not in places]
        if any(f.entity != "PERSON" for f in touching):
            continue
        if touching:
            best = max([*touching, name], key=lambda f: (f.score, f.end - f.start))
            name = Finding(
                min(name.start, *(f.start for f in touching)),
                max(name.end, *(f.end for f in touching)),
                "PERSON",
                best.score,
                best.source,
            )
        _replace(lists, (low, high), touching, (name, added))
        added += 1
    return [f for _, f in sorted(zip(rank, result, strict=True), key=lambda p: p[0])]


def _run(result: list[Finding], starts: list[int], name: Finding) -> tuple[int, int]:
    """The positions ``[low, high)`` of ``result`` (sorted, not overlapping)
    that may share a character with ``name``: those that start inside it,
    and the ones before it that reach into it."""
    low = bisect.bisect_left(starts, name.start)
    while low > 0 and result[low - 1].end > name.start:
        low -= 1
    return low, bisect.bisect_left(starts, name.end, lo=low)


def _replace(
    lists: tuple[list[Finding], list[int], list[int]],
    run: tuple[int, int],
    old: Sequence[Finding],
    new: tuple[Finding, int] | None,
) -> None:
    """Take ``old`` out of the run ``[low, high)`` of the sorted findings,
    their starts and their ranks, and put ``new`` (a finding and its rank)
    in, keeping all three in order of start."""
    result, starts, rank = lists
    low, high = run
    kept = [
        (f, r)
        for f, r in zip(result[low:high], rank[low:high], strict=True)
        if f not in old
    ]
    if new is not None:
        kept.append(new)
    kept.sort(key=lambda item: (item[0].start, item[0].end))
    result[low:high] = [f for f, _ in kept]
    starts[low:high] = [f.start for f, _ in kept]
    rank[low:high] = [r for _, r in kept]


def _mistyped(
    text: str, finding: Finding, name: Finding, frequent: frozenset[str]
) -> bool:
    """Whether ``finding`` is a model's place or organisation made of
    lower-case words, none of them ``frequent``, and the rule's ``name``."""
    if finding.entity not in _MISTYPED or finding.source not in _MODEL_SOURCES:
        return False
    if not (finding.start < name.start and name.end == finding.end):
        return False
    # The name is written with capitals, and before it stand one or two
    # words and nothing else: in text without case, or before a house
    # number ("389 king alexander lady frere"), the place is a place.
    if not text[name.start : name.start + 1].isupper():
        return False
    before = text[finding.start : name.start]
    rest = _ANY_WORD.findall(text, finding.start, name.start)
    return (
        0 < len(rest) <= 2
        and len(before.split()) == len(rest)
        and all(word.islower() and word not in frequent for word in rest)
    )


def _surname_read_as_place(
    text: str, finding: Finding, name: Finding, people: Container[str]
) -> bool:
    """Whether ``finding`` is a model's place or organisation inside a
    rule's ``name`` that holds a particle: the model read the surname as a
    place ("Leyen" of "Karl von der Leyen"). One that is the whole name
    gives way only when the name ends in a person's name of ``people``
    ("Rui dos Santos"; not "Miranda do Douro")."""
    if finding.entity not in _MISTYPED or finding.source not in _MODEL_SOURCES:
        return False
    if not (name.start <= finding.start and finding.end <= name.end):
        return False
    words = _ANY_WORD.findall(text, name.start, name.end)
    if not any(word.islower() and word in _PARTICLES for word in words):
        return False
    return finding.start > name.start or words[-1].lower() in people


def _after_handle_mark(text: str, start: int) -> bool:
    """Whether the word at ``start`` is part of a handle, a path or a longer
    word ("@Wolfgang", "x-Max", "/Anna")."""
    return start > 0 and text[start - 1] in "-'’@#./\\_"


def _whole_cell(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a whole cell, with a delimiter on one side
    at least and a delimiter or the line's end on the other."""
    before = text[max(0, start - 20) : start].rstrip(" ")[-1:]
    after = text[end : end + 20].lstrip(" ")[:1]
    edges = (before or "\n", after or "\n")
    return all(edge in _DELIMITERS or edge in "\r\n" for edge in edges) and any(
        edge in _DELIMITERS for edge in edges
    )


def _apart_from(first: Sequence[Finding], more: Sequence[Finding]) -> list[Finding]:
    """``first`` and those of ``more`` that touch none of them, by start."""
    index = SpanIndex(first)
    kept = [m for m in more if not index.touches(m.start, m.end)]
    return sorted([*first, *kept], key=lambda f: f.start)
