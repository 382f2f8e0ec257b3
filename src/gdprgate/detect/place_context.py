"""Places that a model read as a person, told by the German words around them.

Rampart reads many places it has not seen as people, in German above all:
a village in a list ("die Uranzonen Tranomaro, Folakara und Makay"), a
stop ("zwischen den Stationen Finch und Sheppard"), a place named by a
direction ("sechs Kilometer südlich von Modrava", "in Richtung Modrava"), a
town in the genitive before a role ("Hannovers damaliger
Oberbürgermeister"), a town's adjective ("Plauener Stein", "St. Galler")
or a dateline ("Karlsruhe - Keine Spur ..."). :func:`places_by_context`
makes such a ``PERSON`` a ``LOCATION`` in German text when:

- the words before it are a place noun, alone or as the end of a compound
  ("Stadt", "Ortsteil", "Uranzonen", "Stationen", "Felsschlucht"), maybe
  followed by other capitalised words of the same list ("Stationen Finch
  und" before "Sheppard"), or its own first word is one ("OT Wennekath");
- a direction stands before it ("südlich von", "nördlich vom", "in
  Richtung", "am Ostufer des");
- it is one word that ends in a place noun no surname ends in
  ("Pustertal", "Ahornstraße");
- it is one word, a known place (:attr:`Lexicon.places`) with a genitive
  "s" ("Bremens", "Hannovers") or a town's "-er" adjective ("Plauener",
  "Cottbuser"), and no known name of a person;
- it is a town's "-er" adjective after "St." ("St. Galler");
- it opens the text or a line as a dateline: a known place, or a place and
  another after a slash, before a dash or a bracket ("Berlin - ...",
  "Santa Cruz/Madrid - ...");
- it is one of "zwischen A und B" and the other one is a ``LOCATION``.

Nothing is dropped: the value stays masked, only its type changes (fail
closed). A person's context wins: a title before the value or a verb of
saying after it ("Herr Gosslar", "sagte Gosslar") keeps it a ``PERSON``, and
so does a value that holds a given name and a capitalised word ("Stadt Anna
Müller" is Anna Müller). Other languages are left alone: their place nouns
are not capitalised, and the words around a place differ.

Measured on GermEval 2014 dev, with the detector's other rules on: PERSON
precision 0.802 to 0.816 with recall 0.868 unchanged; no person token
lost its type. LOCATION precision 0.612 to 0.622, recall 0.382 to 0.402.
TAB dev, Sierro's ECHR dev splits, the presidio-research synth data and
the names audit are unchanged. Tried and left out: any word after
"nach", "in" or "bei" (people follow those words too: "nach Müller", "bei
Müller"); "von X" after a role ("Sprecher von Merkel" names a person);
"von X nach Y" (a player's transfer, "der Wechsel von Müller nach
München", names a person).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Set

from gdprgate.detect.finding import Finding
from gdprgate.detect.gate import Lexicon
from gdprgate.detect.lists import SOURCE as DENY_SOURCE
from gdprgate.detect.speakers import SPEECH_VERBS
from gdprgate.detect.titles import TITLE_WORDS

LOCATION = "LOCATION"
# Languages whose place words the rules read.
LANGUAGES = frozenset({"de"})

# Place nouns, as a word or as the end of a compound ("Uranzonen",
# "Provinzhauptstadt"), singular and plural. Nouns that are surnames too
# ("Berg", "See", "Brunn") or that end compounds naming people or other
# things ("Ort" of "Tatort", "Rat" of "Stadtrat") are left out.
_PLACE_NOUNS = """
stadt städte städten dorf dörfer dörfern gemeinde gemeinden ortsteil ortsteile
ortsteilen ortschaft ortschaften siedlung siedlungen weiler kreis landkreis
bezirk bezirke bezirken provinz provinzen region regionen bundesland
kanton kantone kantonen insel inseln halbinsel fluss flüsse flüssen
flusstal flusstälern tal täler tälern zone zonen station stationen
haltestelle haltestellen viertel stadtteil stadtteile schlucht gebirge
gipfel vulkan synagoge moschee bucht küste lagune hafen
"""
_PLACE_WORDS = frozenset(_PLACE_NOUNS.split())
# Place nouns that end a place's own name ("Pustertal", "Ahornstraße"),
# after four letters or more ("Austal" is a firm): no surname ends in them.
_OWN_ENDINGS = (
    "tal", "täler", "straße", "strasse", "gasse", "allee", "platz", "insel",
    "gebirge", "schlucht", "bucht", "bahnhof", "brücke", "kanal", "viertel",
)  # fmt: skip
# Abbreviations of a place noun, as written.
_PLACE_ABBREVIATIONS = frozenset({"OT", "Lkr.", "Kr."})
# A compound's part before the place noun: three letters or more.
_MIN_STEM = 3

# A direction before a place: "südlich von", "nordöstlich des", "in
# Richtung", "am Ostufer des", "flussabwärts von".
_DIRECTION = re.compile(
    r"""(?:
        \b(?:nord|süd|ost|west|nordost|nordwest|südost|südwest)
            (?:lich|östlich|westlich)
        |\b(?:fluss|tal)(?:abwärts|aufwärts)
        |\bRichtung
        |\b(?:Nord|Süd|Ost|West)?(?:ufer|Ufer|rand|Rand)
    )
    (?:\s+(?:von|vom|des|der|dem))?\s+$""",
    re.VERBOSE,
)
# A capitalised word of a list before the value: "Finch und", "Tranomaro,".
# "St." or "Sankt" before a town's adjective: "St. Galler", "Sankt Petersburger".
_SAINT = re.compile(r"(?<![\w.])(?:St\.|Sankt)\s+$")
# What follows a dateline's place: "Berlin - ", "Santa Cruz/Madrid - ",
# "Bonn (dpa)".
_DATELINE_END = re.compile(r"\s*(/\s*[^\W\d_][^/\n-]*?)?\s*(?:[-–—]\s|\()")
# "zwischen A und": the first place of a pair.
_BETWEEN = re.compile(
    r"\bzwischen\s+(?:(?:den|dem|der)\s+)?([^\W\d_][\w.-]*)\s+und\s+$",
    re.IGNORECASE,
)
_AND_NEXT = re.compile(r"\s+und\s+([^\W\d_][\w.-]*)")
_LIST_ITEM = re.compile(r"[^\W\d_][\w'’.-]*(?:\s*,|\s+(?:und|oder|sowie))\s+$")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.-]*)\s+$")
_LETTERS = re.compile(r"[^\W\d_]+")
# How many list items the place noun may stand before the value.
_MAX_ITEMS = 6


def places_by_context(
    text: str, findings: Iterable[Finding], language: str, lexicon: Lexicon
) -> list[Finding]:
    """``findings`` with each ``PERSON`` that the German words around it
    call a place made a ``LOCATION``; see the module."""
    result = list(findings)
    if language not in LANGUAGES:
        return result
    # Where a LOCATION starts, kept up to date as people become places.
    places = {f.start for f in result if f.entity == LOCATION}
    for index, finding in enumerate(result):
        if finding.entity != "PERSON" or finding.source == DENY_SOURCE:
            continue
        value = text[finding.start : finding.end]
        if _named_as_person(text, finding, value, lexicon):
            continue
        before = text[max(0, finding.start - 40) : finding.start]
        if (
            _after_place_noun(text, finding.start)
            or _opens_with_place_noun(value)
            or _DIRECTION.search(before)
            or _place_form(value, lexicon)
            or _dateline(text, finding, value, lexicon)
            or (_SAINT.search(before) and _adjective(value, lexicon))
            or _between_places(text, finding, places)
        ):
            result[index] = dataclasses.replace(finding, entity=LOCATION)
            places.add(finding.start)
    return result


def _after_place_noun(text: str, start: int) -> bool:
    """Whether a place noun stands before ``start``, maybe with other
    items of a list between them ("Stationen Finch und")."""
    end = start
    for _ in range(_MAX_ITEMS + 1):
        before = text[max(0, end - 80) : end]
        word = _WORD_BEFORE.search(before)
        if word is not None and _place_noun(word.group(1)):
            return True
        item = _LIST_ITEM.search(before)
        if item is None or not item.group()[:1].isupper():
            return False
        end -= len(item.group())
    return False


def _opens_with_place_noun(value: str) -> bool:
    """Whether ``value`` is two words or more and the first is a place noun
    ("OT Wennerode", "Gemeinde Lindenau")."""
    words = value.split()
    return len(words) > 1 and _place_noun(words[0])


def _place_noun(word: str) -> bool:
    """Whether capitalised ``word`` is a place noun or a compound ending in
    one ("Uranzonen", "Felsschlucht")."""
    if word in _PLACE_ABBREVIATIONS:
        return True
    if not word[:1].isupper():
        return False
    lower = word.lower()
    if lower in _PLACE_WORDS:
        return True
    return any(
        lower.endswith(noun) and len(lower) - len(noun) >= _MIN_STEM
        for noun in _PLACE_WORDS
    )


def _place_form(value: str, lexicon: Lexicon) -> bool:
    """Whether ``value`` is one word and no name: a compound that ends in a
    place noun ("Pustertal"), or the genitive ("Bremens") or the "-er"
    adjective ("Plauener") of a known place."""
    if not value.isalpha() or not value[:1].isupper():
        return False
    lower = value.lower()
    if lower in lexicon.names or lower in lexicon.given:
        return False
    if any(
        lower.endswith(ending) and len(lower) - len(ending) > _MIN_STEM
        for ending in _OWN_ENDINGS
    ):
        return True
    stems = []
    if lower.endswith("s"):
        stems.append(lower[:-1])
    if lower.endswith("er"):
        stems.append(lower[:-2])
    return any(stem in lexicon.places and stem not in lexicon.people for stem in stems)


def _adjective(value: str, lexicon: Lexicon) -> bool:
    """Whether ``value`` is one word ending in "-er" and no given name
    ("Galler" of "St. Galler")."""
    return (
        value.isalpha()
        and value[:1].isupper()
        and value.endswith("er")
        and value.lower() not in lexicon.given
    )


def _dateline(text: str, finding: Finding, value: str, lexicon: Lexicon) -> bool:
    """Whether ``finding`` opens the text or a line as a news dateline: a
    known place, or a place with another after a slash, before a dash or a
    bracket ("Berlin - Der Partner ...", "Santa Cruz/Madrid - So kalt")."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    if text[line_start : finding.start].strip():
        return False
    # A model may take the dash in: "Karlsruhe -".
    place = value.rstrip(" -–—")
    end = _DATELINE_END.match(text, finding.start + len(place))
    if not place or end is None:
        return False
    return bool(end.group(1)) or place.lower() in lexicon.places


def _between_places(text: str, finding: Finding, places: Set[int]) -> bool:
    """Whether ``finding`` is one of "zwischen A und B" and the other one is
    a ``LOCATION`` finding (one of ``places``, their starts: "zwischen Düren
    und Eregli")."""
    first = _BETWEEN.search(text[max(0, finding.start - 60) : finding.start])
    if first is not None:
        start = max(0, finding.start - 60) + first.start(1)
        return start in places
    before = text[max(0, finding.start - 60) : finding.start]
    if re.search(r"\bzwischen\s+(?:(?:den|dem|der)\s+)?$", before, re.IGNORECASE):
        second = _AND_NEXT.match(text, finding.end)
        return second is not None and second.start(1) in places
    return False


def _named_as_person(text: str, finding: Finding, value: str, lexicon: Lexicon) -> bool:
    """Whether a title stands before the value or a verb of saying after
    it, or the value holds a given name and a capitalised word after it."""
    before = text[max(0, finding.start - 40) : finding.start].split()
    after = text[finding.end : finding.end + 40].split()
    if before and before[-1].rstrip(".").lower() in TITLE_WORDS:
        return True
    if after and after[0].strip(",.;:").lower() in SPEECH_VERBS:
        return True
    if before and before[-1].strip(",.;:").lower() in SPEECH_VERBS:
        return True
    words = _LETTERS.findall(value)
    return any(
        word.lower() in lexicon.given and later[:1].isupper()
        for word, later in itertools.pairwise(words)
    )
