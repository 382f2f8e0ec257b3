"""Organisations and places that a model read as a person.

Rampart, trained on people's names, reads many named bodies and places as
people: a club ("FC Carl Zeiss Jena", "Borussia Mönchengladbach"), a firm
("Franzis Verlag", "Läpple AG"), a school ("Matthew Humberstone School"), a
church ("Kirche St. Peter") or a mill ("Weitinger Mühle"). Often it marks
only the part that looks like a name ("Paul Haupt" of "Verlag Paul Haupt").

:func:`bodies_read_as_people` reads the words right next to such a
``PERSON`` (and the first and last word inside it): a club's abbreviation or
a legal form makes it an ``ORGANIZATION``, and so does a head noun such as
"Verlag", "School" or "Universidad de"; a place's head noun ("Straße",
"Mühle", "River") or a saint's name after a church word ("Klosterkirche
St. Johann Baptist") makes it a ``LOCATION``. Where the telling word is
next to the span it joins the span ("FC" + "Carl Zeiss Jena"). A club's
abbreviation or a legal form next to a ``LOCATION`` makes it an
``ORGANIZATION`` too ("SC Paderborn", "Hamburg-Holstein AG"). In German
text, a compound that ends in a body's noun names one too
("Spielzeughersteller Mattel", "Rockband", "Architektenbüro"); elsewhere
it is no cue ("husband" ends in "band"). GermEval dev PERSON precision
0.809 to 0.810 (one span).

Nothing is ever dropped or shortened: the value stays masked, only its type
changes (fail closed). A person read as a body may pass a policy that
keeps organisations or places in clear, and the subject index leaves
organisations out, so a ``PERSON`` keeps its type when it holds a given
name and a capitalised word ("Paul Haupt" of "Verlag Paul Haupt", "Carl
Zeiss Jena", "Federico Chiesa"), starts with a title ("Mr Smith School"),
holds a known person's name before a club's abbreviation or a legal form
("SK Gupta", "Kessler Brandt AG"), or has two words beside a head noun
alone ("Oluwaseun Adeyemi Foundation"). A
person's context wins: a title before the name ("Herr Paul Haupt") or a
verb of saying after it ("Paul Haupt sagte") keeps it a ``PERSON``; so do
deny-listed terms.

Measured on GermEval 2014 dev: PERSON precision 0.798 to 0.823 (recall
0.851 to 0.850; with the people kept as above, the gain is about 0.005),
LOCATION precision 0.593 to 0.615 and recall 0.378 to 0.391; ORGANIZATION,
which the German pipeline never found, 69 tokens at precision 0.957. On the
presidio-research synth data PERSON precision 0.819 to 0.826 and
ORGANIZATION F2 0.428 to 0.458 (ALL F2 0.890 unchanged); TAB dev, Sierro's
ECHR dev splits and the names audit kept their PERSON recall. Tried and
left out: a word after "in", "nach" or "bei" as a place (few cases, and
people follow those words too); "Stiftung" before a name (it is also "the
founding of"); "Werke" after one ("Kádárs Werke" are his works)."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterable, Set

from gdprgate.detect.finding import Finding
from gdprgate.detect.lists import SOURCE as DENY_SOURCE
from gdprgate.detect.speakers import SPEECH_VERBS
from gdprgate.detect.titles import TITLE_WORDS

ORGANIZATION = "ORGANIZATION"
LOCATION = "LOCATION"

# Abbreviations that open a sports club's or society's name, as written.
_CLUB_ABBREVIATIONS = """
FC SC SV VfL VfB VfR TSV TuS TuRa SpVgg ESV FSV TSG SSV BSC KSV ASV
AC AS ACF CF CD UD RC
IF IK BK AIK GIF IFK FF
KS GKS LKS MKS FK NK SK AV
"""
# Words that open a club's name ("Borussia Mönchengladbach").
_CLUB_WORDS = """
Borussia Eintracht Fortuna Alemannia Arminia Hertha Hansa Werder Preußen
Dynamo Dinamo Lokomotive Lok Kickers Energie Rot-Weiss Rot-Weiß Blau-Weiß
Schwarz-Weiß Sporting Olympique Racing Athletic Atlético Deportivo
"""
# Words that close a club's name ("Leeds United").
_CLUB_ENDINGS = "United Rovers Wanderers Hotspur Albion"

# Legal forms, in the nine languages; blanks stand for any blanks.
_LEGAL_FORMS = """
AG GmbH gGmbH mbH KG KGaA OHG GbR UG e.V. e.G. SE
Ltd Ltd. plc PLC Inc Inc. LLC LLP Corp Corp. Corporation Incorporated Co.
SA S.A. SAS S.A.S. SARL S.à_r.l. SpA S.p.A. Srl S.r.l. SRL SL S.L. S.L.U.
BV B.V. NV N.V. AB ASA ApS A/S Oy Oyj Lda Ltda sp._z_o.o. S.K.A.
&_Co. &_Co._KG &_Co_KG &_Partner &_Partners &_Söhne &_Sons
"""
# Nouns that name a body after its name ("Franzis Verlag", "Hansa
# Tonstudio", "Matthew Humberstone School").
_BODIES_AFTER = """
Verlag Stiftung Universität Hochschule Gymnasium Schule Akademie Institut
Museum Theater Klinik Klinikum Tonstudio Studio Studios Gruppe
Holding Brauerei Versicherung Versicherungen Reederei
School College University Institute Museum Theatre Hotel Hospital Clinic
Group Holdings Partners Associates Foundation Orchestra Records Publishing
Surveys Consulting Technologies Industries Enterprises Airlines Motors
Laboratories Academy Society
Universitet Förlag Stiftelse Gruppen Universiteit Groep
"""
# Nouns that name a body before its name ("Verlag Paul Haupt",
# "Universidad de Castellón"); a "de", "of" ... may follow them.
_BODIES_BEFORE = """
Verlag Bankhaus Firma Universität Hochschule Gymnasium Akademie
Institut Klinik Hotel Kanzlei
University Université Universidad Università Universiteit Universidade
Uniwersytet Hogeschool Politechnika
Banque Banco Banca Musée Museo Museu Muzeum Théâtre Teatro Teatr
Lycée École Colegio Escuela Liceo Scuola Escola Szkoła
Fondation Fundación Fondazione Fundação Stichting Fundacja
Éditions Editorial Edizioni Editora Uitgeverij Wydawnictwo
Groupe Grupo Gruppo Grupa Société Sociedad Società Sociedade Spółka
"""
# German nouns that name a body before its name, alone or as the end of a
# compound ("Spielzeughersteller Mattel", "Rockband Fold Zandura",
# "Architektenbüro Skidmore"); German text only ("husband" ends in "band").
_GERMAN_BODIES = """
hersteller konzern unternehmen band büro team verein klub club partei
sender label kette marke versicherer autobauer riese
"""
# Of these, the ones that name a body alone too ("Team Ellerstina").
_GERMAN_BODIES_ALONE = frozenset(
    {"Hersteller", "Konzern", "Konzerns", "Team", "Teams", "Partei"}
)
_CONNECTORS = "de del della di du des do da dos das of for für van von z ze"

# Nouns that name a place after its name ("Weitinger Mühle"). Those that
# are surnames too ("Berg", "See", "Church", "Plaza") are left out: "A. van
# der Berg" is a person.
_PLACES_AFTER = """
Straße Strasse Str. Gasse Allee Platz Kirche Kapelle Dom Mühle Brücke
Bahnhof Schloss Kloster Hafen Insel Gebirge
Street Road Avenue Boulevard Square Cathedral Abbey River Valley Station
Airport Mountains Island Canyon Creek
Rue Église Chapelle Calle Iglesia Via Piazza Chiesa Straat Kerk
Plein Ulica Kościół Rua Igreja Gatan Kyrka
"""

# A saint's name is a church or a place after these words ("Klosterkirche
# St. Johann Baptist"); German compounds count by their ending.
_SAINTS = "St. Sankt Saint Sainte San Santa Santo São Sant' Hl. S."
_CHURCH_ENDINGS = (
    "kirche kapelle dom münster kloster basilika kathedrale abtei stift "
    "church chapel cathedral abbey basilica église chapelle cathédrale "
    "basilique abbaye iglesia capilla catedral ermita chiesa cappella "
    "duomo kerk kapel kościół kaplica katedra igreja capela kyrka kapell"
)

_BLANK = r"[ \t\u00a0]+"
_LETTERS = re.compile(r"[^\W\d_]+")
# A word ends at a blank, a punctuation mark or a sentence's full stop.
_WORD_END = r"(?=[\s,;:!?)\]\"'»“”/]|\.(?:\s|$)|$)"


def _alternation(listed: str) -> str:
    """The words of ``listed``, longest first, escaped, with ``_`` for
    blanks."""
    words = sorted(set(listed.split()), key=len, reverse=True)
    return "|".join(re.escape(word).replace("_", _BLANK) for word in words)


def _after(listed: str) -> re.Pattern[str]:
    """A pattern for a word of ``listed`` right after a span's end."""
    return re.compile(rf"{_BLANK}({_alternation(listed)}){_WORD_END}")


def _before(listed: str, connectors: bool = False) -> re.Pattern[str]:
    """A pattern for a word of ``listed`` right before a span's start,
    optionally followed by a connecting word ("Universidad de")."""
    link = _BLANK
    if connectors:
        link = rf"{_BLANK}(?:(?:{_alternation(_CONNECTORS)}){_BLANK}|d['’])?"
    return re.compile(rf"(?<![\w.])(?:{_alternation(listed)}){link}$")


_CLUB_BEFORE = _before(_CLUB_ABBREVIATIONS + _CLUB_WORDS)
_CLUB_AFTER = _after(_CLUB_ENDINGS)
_LEGAL_AFTER = _after(_LEGAL_FORMS)
_BODY_AFTER = _after(_BODIES_AFTER)
_BODY_BEFORE = _before(_BODIES_BEFORE, connectors=True)
_PLACE_AFTER = _after(_PLACES_AFTER)
_SAINT_BEFORE = _before(_SAINTS)
_CHURCH = re.compile(
    rf"(?:{'|'.join(_CHURCH_ENDINGS.split())})(?:{_BLANK}(?:de|di|of|du|des))?"
    rf"{_BLANK}$",
    re.IGNORECASE,
)

_GERMAN_BODY_BEFORE = re.compile(
    rf"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]{{2,}}(?:{'|'.join(_GERMAN_BODIES.split())})"
    rf"|{'|'.join(_GERMAN_BODIES_ALONE)}){_BLANK}$"
)
_CLUB_FIRST = frozenset((_CLUB_ABBREVIATIONS + _CLUB_WORDS).split())
_BODY_LAST = frozenset((_LEGAL_FORMS + _BODIES_AFTER + _CLUB_ENDINGS).split())
_PLACE_LAST = frozenset(_PLACES_AFTER.split())
_SAINT_FIRST = frozenset(_SAINTS.split())


def bodies_read_as_people(
    text: str,
    findings: Iterable[Finding],
    given: Set[str] = frozenset(),
    people: Set[str] = frozenset(),
    language: str | None = None,
) -> list[Finding]:
    """``findings``, sorted by start, with each ``PERSON`` that its words
    or the words next to it call an organisation or a place retyped, and
    widened over the telling word next to it; see the module. A ``PERSON``
    that holds a full name (a given name of ``given``, lower case, and a
    capitalised word after it) stays a person rather than become an
    organisation. German compounds count as head nouns in German text
    (``language`` "de") only."""
    german = language == "de"
    result = sorted(findings, key=lambda f: f.start)
    starts = [f.start for f in result]
    for index, finding in enumerate(result):
        if finding.source == DENY_SOURCE or finding.entity not in (
            "PERSON",
            LOCATION,
        ):
            continue
        retyped = _retyped(text, finding, german)
        if retyped is None or _spoken_of_as_person(text, retyped):
            continue
        if finding.entity == "PERSON" and _stays_person(
            text[finding.start : finding.end],
            retyped.entity,
            _by_head_noun(text, finding, german),
            given,
            people,
        ):
            continue
        if not _free(result, starts, index, retyped):
            retyped = dataclasses.replace(retyped, start=finding.start, end=finding.end)
        result[index] = retyped
    return result


def _retyped(text: str, finding: Finding, german: bool = False) -> Finding | None:
    """``finding`` with the type and span its context gives it, or None
    when the context says nothing."""
    start, end = finding.start, finding.end
    words = text[start:end].split()
    caps = not any(char.islower() for char in text[start:end])
    before = text[max(0, start - 60) : start]

    # Abbreviations and legal forms tell a body in any finding, but not in
    # text written in capitals ("KNOWN AS JOHN SMITH").
    if not caps:
        club = _CLUB_BEFORE.search(before)
        if club:
            return _as(finding, ORGANIZATION, start - len(club.group()), end)
        legal = _LEGAL_AFTER.match(text, end) or _CLUB_AFTER.match(text, end)
        if legal:
            return _as(finding, ORGANIZATION, start, legal.end())
        if words[0] in _CLUB_FIRST or (len(words) > 1 and words[-1] in _BODY_LAST):
            return _as(finding, ORGANIZATION, start, end)
    if finding.entity != "PERSON":
        return None

    # Head nouns: a body's, then a place's.
    body = _BODY_BEFORE.search(before)
    if body:
        return _as(finding, ORGANIZATION, start - len(body.group()), end)
    if german and _GERMAN_BODY_BEFORE.search(before):
        return _as(finding, ORGANIZATION, start, end)
    head = _BODY_AFTER.match(text, end)
    if head:
        return _as(finding, ORGANIZATION, start, head.end())
    return _place(text, finding, words)


def _place(text: str, finding: Finding, words: list[str]) -> Finding | None:
    """``finding`` as a ``LOCATION`` when a place noun or a church's saint
    tells one, else None."""
    start, end = finding.start, finding.end
    before = text[max(0, start - 60) : start]

    place = _PLACE_AFTER.match(text, end)
    if place:
        return _as(finding, LOCATION, start, place.end())
    if len(words) > 1 and words[-1] in _PLACE_LAST:
        return _as(finding, LOCATION, start, end)

    # A saint's name is a place after a church word: "Kirche St. Peter".
    saint = _SAINT_BEFORE.search(before)
    if saint and _CHURCH.search(before[: len(before) - len(saint.group())]):
        return _as(finding, LOCATION, start - len(saint.group()), end)
    if len(words) > 1 and words[0] in _SAINT_FIRST and _CHURCH.search(before):
        return _as(finding, LOCATION, start, end)
    return None


def _as(finding: Finding, entity: str, start: int, end: int) -> Finding:
    """``finding`` as ``entity`` over ``[start, end)``, never shorter."""
    return dataclasses.replace(
        finding,
        entity=entity,
        start=min(start, finding.start),
        end=max(end, finding.end),
    )


def _stays_person(
    value: str, entity: str, head_noun: bool, given: Set[str], people: Set[str]
) -> bool:
    """Whether a ``PERSON`` over ``value`` keeps its type rather than
    become ``entity``: it holds a full name (:func:`_full_name`) or starts
    with a title ("Mr Smith School", "Frau Schulze AG"); or, to become an
    organisation, it holds a known person's name ("SK Gupta": "SK" is also
    a club's abbreviation; "Kessler Brandt AG"), or two words or more
    before or after a body's head noun ("Oluwaseun Adeyemi Foundation").
    Fail closed: a person read as a body may pass a policy that keeps
    organisations or places in clear, and the subject index leaves
    organisations out."""
    words = _LETTERS.findall(value)
    if not words or _full_name(value, given):
        return True
    if words[0].lower() in TITLE_WORDS:
        return True
    if entity != ORGANIZATION:
        return False
    if head_noun and len(words) >= 2:
        return True
    return any(word.lower() in people for word in words if not word.isupper())


def _by_head_noun(text: str, finding: Finding, german: bool = False) -> bool:
    """Whether only a body's head noun ("Foundation", "Verlag") next to
    ``finding`` calls it a body, no club word or legal form."""
    start, end = finding.start, finding.end
    before = text[max(0, start - 60) : start]
    if _CLUB_BEFORE.search(before) or _LEGAL_AFTER.match(text, end):
        return False
    if _CLUB_AFTER.match(text, end):
        return False
    if german and _GERMAN_BODY_BEFORE.search(before):
        return True
    return bool(_BODY_BEFORE.search(before) or _BODY_AFTER.match(text, end))


def _full_name(value: str, given: Set[str]) -> bool:
    """Whether ``value`` holds a given name followed by a capitalised word
    ("Paul Haupt" of "Verlag Paul Haupt").

    A firm named after a person names that person: a policy that lets
    organisations through in clear, and the subject index, which leaves
    organisations out, would both lose them. Such a name stays a
    ``PERSON`` (fail closed)."""
    words = _LETTERS.findall(value)
    return any(
        word.lower() in given and after[:1].isupper()
        for word, after in itertools.pairwise(words)
    )


def _spoken_of_as_person(text: str, finding: Finding) -> bool:
    """Whether a title stands before ``finding`` ("Herr Paul Haupt") or a
    verb of saying after it ("Paul Haupt sagte")."""
    before = text[max(0, finding.start - 40) : finding.start].split()
    after = text[finding.end : finding.end + 40].split()
    title = bool(before) and before[-1].rstrip(".").lower() in TITLE_WORDS
    said = bool(after) and after[0].strip(",.;:").lower() in SPEECH_VERBS
    return title or said


def _free(
    findings: list[Finding], starts: list[int], index: int, wider: Finding
) -> bool:
    """Whether ``wider``, which replaces ``findings[index]``, overlaps no
    other finding (``starts``: their starts, in order)."""
    first = max(0, bisect.bisect_left(starts, wider.start) - 1)
    last = bisect.bisect_right(starts, wider.end)
    return not any(
        other.overlaps(wider)
        for position, other in enumerate(findings[first:last], start=first)
        if position != index
    )
