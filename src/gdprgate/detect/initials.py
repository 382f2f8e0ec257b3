"""Initials that stand for a person: "el acusado J.M.G.R.", "Dr. Lutz
Vollmerhaus (LV) ... LV eröffnet die Sitzung".

Judgments shorten the parties to their initials, and minutes shorten the
people present; the initials identify as the name would, to whoever knows
the case or the meeting, and no model reads them as a name.

- :func:`party_initials`: a chain of initials with full stops ("J.M.G.R.",
  "A. B.") right after a word for a party of a case or a patient ("el
  acusado", "the defendant", "der Angeklagte", "la víctima") is a
  ``PERSON``. Without such a word a chain of initials is as often an
  abbreviation ("S.A.", "U.K.", "z.B.") and stays.
- :func:`defined_initials`: a text that writes a name and then its
  initials in brackets ("Dr. Lutz Vollmerhaus (LV)", "Frau Prochnow (KP)")
  defines them: the bracket and every other use of the initials as a word
  ("LV eröffnet die Sitzung") are that person. The initials count when
  they are two to four capitals that end in the first letter of the
  name's last word ("(KP)" after "Prochnow"), so a party or a role after a
  name ("Anna Schmidt (SPD)", "(CEO)") stays. Initials listed as an
  attendee ("Present: JW, PK"; see :mod:`gdprgate.detect.attendees`)
  count as defined too; those a model found alone do not (an acronym).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from gdprgate.detect.attendees import ATTENDEE_SOURCE
from gdprgate.detect.finding import Finding

INITIALS_SCORE = 0.8
PARTY_SOURCE = "party-initials"
DEFINED_SOURCE = "defined-initials"

# Words for a party of a case, a witness, a victim or a patient, in the
# nine languages (any case: German capitalises them).
_PARTY_LIST = """
accused defendant claimant applicant appellant respondent witness victim
minor patient complainant child pupil
angeklagte angeklagter angeklagten beschuldigte beschuldigter beschuldigten
zeuge zeugin opfer kläger klägerin beklagte beklagter patient patientin
betroffene betroffener
prévenu prévenue accusé accusée témoin victime mineur mineure requérant
requérante plaignant plaignante patiente
acusado acusada demandante demandado demandada testigo víctima menor
investigado investigada denunciante denunciado denunciada recurrente paciente
imputato imputata indagato indagata testimone vittima minore ricorrente
paziente
verdachte getuige slachtoffer eiser eiseres gedaagde patiënt
arguido arguida réu ré testemunha vítima requerente
oskarżony oskarżona oskarżonego świadek pokrzywdzony pokrzywdzona małoletni
małoletnia pacjent pacjentka
tilltalade tilltalad målsägande vittne
"""
_PARTY = "|".join(sorted(set(_PARTY_LIST.split()), key=len, reverse=True))
# A party word, blanks, and a chain of one to five initials with full
# stops, a blank between them or none ("J.M.G.R.", "A. B.", "J.-P.").
_PARTY_INITIALS = re.compile(
    rf"""
    (?<![\w-])(?i:{_PARTY})[ \t\u00a0]+
    (?P<initials>[^\W\d_a-zß-ÿ]\.(?:[ \u00a0]?-?[^\W\d_a-zß-ÿ]\.){{0,4}})
    (?![\w])
    """,
    re.VERBOSE,
)
# Initials in brackets right after a name: two to four capitals.
_BRACKETED = re.compile(r"[ \t\u00a0]*\((?P<initials>[A-ZÀ-ÖØ-Þ]{2,4})\)")
_LAST_WORD = re.compile(r"([^\W\d_])[\w'’]*(?:-[\w'’]+)*[ \t.]*\Z")
_INITIALS_ONLY = re.compile(r"[A-ZÀ-ÖØ-Þ]{2,4}\Z")
# The same chain, then a bracket that opens right before an age: "der
# Angeklagte R.B. (52)".
_PARTY_INITIALS_BRACKET = re.compile(
    _PARTY_INITIALS.pattern + r"[ \t\u00a0]*\(\Z", re.VERBOSE
)


def ends_on_party_initials(before: str) -> bool:
    """Whether ``before`` ends on a party word, its initials and an
    opening bracket: "El acusado J.M.G.R. (", not "die U.S. (" (no party
    word names the initials)."""
    return _PARTY_INITIALS_BRACKET.search(before) is not None


def party_initials(text: str) -> list[Finding]:
    """Every chain of initials after a party word in ``text`` (see the
    module doc)."""
    return [
        Finding(*match.span("initials"), "PERSON", INITIALS_SCORE, PARTY_SOURCE)
        for match in _PARTY_INITIALS.finditer(text)
    ]


def defined_initials(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` (not overlapping) and a ``PERSON`` for the initials
    each name defines and every other use of them in ``text`` (see the
    module doc), where no finding is; sorted by start."""
    ordered = sorted(findings, key=lambda f: f.start)
    defined: set[str] = set()
    added: list[Finding] = []
    for finding in ordered:
        if finding.entity != "PERSON":
            continue
        value = text[finding.start : finding.end]
        if _INITIALS_ONLY.match(value):
            # Listed as an attendee; a model's acronym ("EU") is no name.
            if finding.source == ATTENDEE_SOURCE:
                defined.add(value)
            continue
        bracket = _BRACKETED.match(text, finding.end)
        last = _LAST_WORD.search(value)
        if bracket is None or last is None:
            continue
        initials = bracket.group("initials")
        if initials[-1] == last.group(1).upper():
            defined.add(initials)
    if not defined:
        return ordered
    starts = [f.start for f in ordered]
    uses = re.compile(
        r"(?<![\w.-])(?:"
        + "|".join(re.escape(i) for i in sorted(defined, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for use in uses.finditer(text):
        start, end = use.span()
        index = bisect.bisect_left(starts, end) - 1
        if index >= 0 and ordered[index].end > start:
            continue
        added.append(Finding(start, end, "PERSON", INITIALS_SCORE, DEFINED_SOURCE))
    return sorted([*ordered, *added], key=lambda f: f.start)
