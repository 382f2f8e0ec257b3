"""A nickname in brackets inside a name: "M. (Marieke) Verhoeven".

Forms, bookings and letters give the name someone goes by in brackets
between the initials or given name and the surname: "Giuseppe (Peppe) La
Rosa", "A.M.J. (Annemiek) de Groot-Smeets". The layers read the halves
apart, or only the surname, and leave the initials, the nickname or a
capitalised particle ("La", "Di") outside every finding. On 186
hand-written letters and forms (fictional), such names were 3 of the 7
names left partly outside a finding.

:func:`join_nicknames` makes one ``PERSON`` of the initials or the word
before the bracket, the capitalised word in it, the particles and the
surname after it, when the first part is initials or a given name the
lexicon knows, the bracket holds a given name or no frequent word, and a
``PERSON`` finding already covers one of the parts (a town's name may be a
surname: "W.J.M. (Willem) van Rijswijk"). The bracket alone says nothing:
"Microsoft (Redmond) Office" holds no one, "Mitarbeiter (Adjutant) von
Hitlers" a noun and a role (GermEval dev).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gdprgate.detect.finding import Finding, SpanIndex
from gdprgate.detect.gate import Lexicon

_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ"
_NAME_WORD = rf"[{_UPPER}][^\W\d_]+(?:[-'’][{_UPPER}]?[^\W\d_]+)*"
# Particles in either case: "de", "van der", "'t", "La", "Di", "De".
_PARTICLE = rf"(?:[a-z]{{1,3}}|'t|’t|[{_UPPER}][a-z]?)"
_NICKNAMED = re.compile(
    rf"""
    (?<![\w.])
    (?P<head>(?:[{_UPPER}]\.[ \t]?){{1,4}}|{_NAME_WORD})
    [ \t]\((?P<nick>{_NAME_WORD})\)[ \t]
    (?P<tail>(?:{_PARTICLE}[ \t]){{0,3}}(?P<surname>{_NAME_WORD}))
    (?![\w'’])
    """,
    re.VERBOSE,
)


def join_nicknames(
    text: str, findings: Sequence[Finding], lexicon: Lexicon
) -> list[Finding]:
    """``findings`` with every nicknamed name (see the module doc) as one
    ``PERSON``, in place of the findings inside it."""
    if "(" not in text:
        return list(findings)
    people = SpanIndex(f for f in findings if f.entity == "PERSON")
    joined: list[Finding] = []
    for match in _NICKNAMED.finditer(text):
        if not _nickname(match, lexicon):
            continue
        start, end = match.start(), match.end()
        inside = people.touching(start, end)
        named = [
            f
            for f in inside
            if any(_covers(f, match, group) for group in ("head", "nick", "surname"))
        ]
        if not named:
            continue
        start, end = (
            min(start, *(f.start for f in inside)),
            max(end, *(f.end for f in inside)),
        )
        best = max(named, key=lambda f: f.score)
        joined.append(Finding(start, end, "PERSON", best.score, best.source))
    if not joined:
        return list(findings)
    taken = SpanIndex(joined)
    kept = [f for f in findings if not taken.touches(f.start, f.end)]
    return sorted(kept + joined, key=lambda f: (f.start, f.end))


def _nickname(match: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether ``match`` opens on initials or a given name, and its bracket
    holds a given name or no frequent word: "Mitarbeiter (Adjutant) von
    ..." opens on a noun."""
    head = match.group("head").strip()
    if not head.endswith(".") and head.lower() not in lexicon.given:
        return False
    nick = match.group("nick").lower()
    return nick in lexicon.given or nick not in lexicon.frequent


def _covers(finding: Finding, match: re.Match[str], group: str) -> bool:
    """Whether ``finding`` overlaps the ``group`` of ``match``."""
    return finding.start < match.end(group) and match.start(group) < finding.end
