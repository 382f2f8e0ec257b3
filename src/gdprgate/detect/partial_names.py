"""Half-masked names grow over the rest of the same name (fail closed).

A name masked in part is worse than one missed: the masked half says a
name stood there and the other half gives it away. A review of fictional
texts found ``PERSON`` spans that stop inside a name:

- a hyphen: "Kerkeling-Brandt" found as "Brandt", "Mbappé-Konaté" as
  "-Konaté";
- a login: "a.hossain" found as "hossain", "priya.k" as "priya" (a dotted
  word in lower case with no blank in it is one token, so one value);
- particles in capitals or after a title: "VAN DER BERG" found as "DER
  BERG", "sig. Lo Russo" and "Sra. De los Santos" as the surname alone,
  "Herr v. Hagen" as "Hagen", "Dr. Ernst-August v. Hagen" as two names;
- a given name that is a place too: "Paris Jourdain" found as "Paris".

:func:`extend_partial_names` grows each ``PERSON`` over such a part:

- a capitalised word joined by a hyphen, when neither it nor the adjoining
  word of the name is an ordinary word (a span that begins with the hyphen
  always takes the word before): German compounds stay as they were
  ("Olympia-Tickets", "Tante-Emma-Laden");
- the whole dotted lower-case token it sits in (not in an e-mail address);
- particles before it in capitals, or capitalised or abbreviated ("v.")
  after a title; the particles between two names ("Ernst-August v.
  Hagen"), but no preposition ("Flöte zu Hindi");
- after a lone given name of three letters or more that no capitalised
  word but a title precedes ("San Antonio Spurs" stays), a capitalised
  word on the same line that is no frequent word, place or given name, and
  in German no ordinary word.

Measured against the branch point on the dev sets: GermEval PERSON P/R
0.810/0.907 -> 0.810/0.908, TAB, synth and ECHR unchanged; the review
corpus (corpus5) lost 6 of its 94 leaks with no new one, and the corpus of
texts without personal data gained no finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon
from gdprgate.detect.titles import title_run_start

_PERSON = "PERSON"
_WORD_BEFORE_HYPHEN = re.compile(r"(?<![\w'’.-])[^\W\d_][^\W\d_'’]*-\Z")
_WORD_AFTER_HYPHEN = re.compile(r"-[^\W\d_][^\W\d_'’]*(?![\w-])")
_WORD_BEFORE_DASHED = re.compile(r"(?<![\w'’.-])[^\W\d_][^\W\d_'’]*\Z")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"[^\W\d_]+\Z")
# A login: lower-case letters in groups joined by dots or underscores.
_LOGIN = re.compile(r"[^\W\d_A-Z]+(?:[._][^\W\d_A-Z]+)+")
_LOGIN_CHARS = re.compile(r"[\w.]")
_LONGEST_LOGIN = 64
# Particles in capitals ("VAN DER", "DE LA", "VON"), after which comes the
# surname in capitals.
_UPPER_PARTICLES = re.compile(
    r"(?<![\w'’.-])(?:(?:VAN|VON|DER|DEN|DE|DI|DA|DEL|DELLA|DOS|DAS|DO|DU|"
    r"LA|LE|LO|LOS|LAS|TER|TEN|ZU|ZUR)[ \t]+)+\Z"
)
# Particles as written after a title or between a given name and a
# surname: capitalised ("Lo", "De los", "Della") or abbreviated ("v.").
_TITLED_PARTICLES = re.compile(
    r"(?<![\w'’.-])(?:(?:[Vv]an|[Vv]on|[Dd]er|[Dd]en|[Dd]e|[Dd]i|[Dd]a|[Dd]el|"
    r"[Dd]ella|[Dd]ello|[Dd]os|[Dd]as|[Dd]o|[Dd]u|[Ll]a|[Ll]e|[Ll]o|[Ll]os|"
    r"[Ll]as|[Tt]er|[Tt]en|[Zz]u|[Zz]ur|[Vv]\.|[Vv]\.[ \t]?d\.)[ \t]+)+\Z"
)
_LOOKBACK = 24
# Particles that are prepositions too ("Flöte zu Hindi"): between two
# names they join nothing.
_NOT_JOINING = frozenset({"zu", "zur", "de", "di", "da", "la", "le"})
_SHORTEST_GIVEN = 3
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+\Z")
# The capitalised word after a lone given name on the same line.
_NEXT_NAME = re.compile(r"[ \t]+(?P<word>[A-ZÀ-ÖØ-Þ][^\W\d_A-ZÀ-ÖØ-Þ]{2,})(?![\w'’.-])")


def extend_partial_names(
    text: str, findings: Sequence[Finding], lexicon: Lexicon, language: str = "en"
) -> list[Finding]:
    """``findings`` with each ``PERSON`` grown over the rest of its name
    (see the module doc) and persons that now touch joined into one."""
    grown = [
        _grown(text, f, lexicon, language) if f.entity == _PERSON else f
        for f in sorted(findings, key=lambda f: f.start)
    ]
    return _joined(text, grown)


def _grown(text: str, finding: Finding, lexicon: Lexicon, language: str) -> Finding:
    start, end = finding.start, finding.end
    start, end = _over_hyphens(text, start, end, lexicon)
    start, end = _over_login(text, start, end)
    start = _over_particles(text, start)
    end = _over_surname(text, start, end, lexicon, language)
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding(start, end, _PERSON, finding.score, finding.source)


def _over_hyphens(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int]:
    """A span that begins with the hyphen takes the word before it
    ("-Konaté"); otherwise a half is taken when neither it nor the
    adjoining word of the name is an ordinary word: "Olympia-Tickets" and
    "Konfetti-Schnipsel" are compounds, not names."""
    window = max(0, start - _LOOKBACK)
    if text[start : start + 1] == "-":
        before = _WORD_BEFORE_DASHED.search(text, window, start)
        if before is not None and before.group().istitle():
            start = before.start()
    else:
        before = _WORD_BEFORE_HYPHEN.search(text, window, start)
        first = _FIRST_WORD.match(text, start)
        if (
            before is not None
            and first is not None
            and _name_half(before.group()[:-1], lexicon)
            and _name_half(first.group(), lexicon)
        ):
            start = before.start()
    after = _WORD_AFTER_HYPHEN.match(text, end)
    last = _LAST_WORD.search(text, max(start, end - _LOOKBACK), end)
    if (
        after is not None
        and last is not None
        and _name_half(after.group()[1:], lexicon)
        and _name_half(last.group(), lexicon)
        and (
            after.group()[1:].lower() not in lexicon.words
            or after.group()[1:].lower() in lexicon.people
        )
    ):
        end = after.end()
    return start, end


def _name_half(word: str, lexicon: Lexicon) -> bool:
    """A capitalised word, no acronym, that is no ordinary word."""
    return word.istitle() and not lexicon.is_ordinary(word.lower())


def _over_login(text: str, start: int, end: int) -> tuple[int, int]:
    # A login is short: the scan stops after a few dozen characters, so
    # that a long run of letters costs linear time, not quadratic.
    left = start
    while left > max(0, start - _LONGEST_LOGIN) and _LOGIN_CHARS.match(text, left - 1):
        left -= 1
    right = end
    while right < min(len(text), end + _LONGEST_LOGIN) and _LOGIN_CHARS.match(
        text, right
    ):
        right += 1
    if (left > 0 and _LOGIN_CHARS.match(text, left - 1)) or (
        right < len(text) and _LOGIN_CHARS.match(text, right)
    ):
        return start, end
    token = text[left:right].rstrip(".")
    login = _LOGIN.fullmatch(token)
    if login is None or "@" in text[max(0, left - 1) : right + 1]:
        return start, end
    return min(start, left), max(end, left + len(token))


def _over_particles(text: str, start: int) -> int:
    window = max(0, start - _LOOKBACK)
    upper = _UPPER_PARTICLES.search(text, window, start)
    if upper is not None and text[start : start + 2].isupper():
        return upper.start()
    titled = _TITLED_PARTICLES.search(text, window, start)
    if (
        titled is not None
        and text[start : start + 1].isupper()
        and title_run_start(text, titled.start()) is not None
    ):
        return titled.start()
    return start


def _over_surname(
    text: str, start: int, end: int, lexicon: Lexicon, language: str
) -> int:
    """After a lone given name ("Paris"), the capitalised word that follows
    on the same line when it is no frequent word, no place and no given
    name of its own."""
    name = text[start:end]
    if (
        not name.istitle()
        or len(name) < _SHORTEST_GIVEN
        or " " in name
        or name.lower() not in lexicon.given
        or _after_capital(text, start)
    ):
        return end
    after = _NEXT_NAME.match(text, end)
    if after is None:
        return end
    word = after.group("word").lower()
    if (
        word in lexicon.frequent
        or word in lexicon.places
        or word in lexicon.given
        or word in lexicon.local_words
        # German capitalises its nouns: the word must be no word at all.
        or (language == "de" and lexicon.is_ordinary(word))
    ):
        return end
    return after.end()


def _after_capital(text: str, start: int) -> bool:
    """Whether a capitalised word, no title, stands right before ``start``
    ("San Antonio Spurs": "Antonio" is inside a longer name)."""
    before = _WORD_BEFORE.search(text, max(0, start - _LOOKBACK), start)
    return (
        before is not None
        and before.group(1)[0].isupper()
        and title_run_start(text, start) is None
    )


def _joined(text: str, findings: list[Finding]) -> list[Finding]:
    """Persons that overlap, or that only particles part ("Ernst-August v.
    Hagen"), become one; other findings a grown person covers are kept."""
    result: list[Finding] = []
    last_person = -1  # where the last person stands in ``result``
    for finding in findings:
        if finding.entity != _PERSON:
            result.append(finding)
            continue
        last = result[last_person] if last_person >= 0 else None
        if last is not None and _touch(text, last, finding):
            result[last_person] = Finding(
                last.start,
                max(last.end, finding.end),
                _PERSON,
                max(last.score, finding.score),
                last.source,
            )
            continue
        last_person = len(result)
        result.append(finding)
    return result


def _touch(text: str, left: Finding, right: Finding) -> bool:
    if right.start <= left.end:
        return True
    gap = text[left.end : right.start]
    if not text[right.start : right.start + 1].isupper():
        return False
    if gap.strip(" \t") in _NOT_JOINING:
        return False
    particles = _TITLED_PARTICLES.search(" " + gap.lstrip(" \t"))
    return gap[:1] in " \t" and particles is not None and particles.start() <= 1
