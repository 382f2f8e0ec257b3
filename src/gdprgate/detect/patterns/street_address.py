"""Street addresses: a street, a house number and optionally postcode and place."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    FORMAT_SCORE,
    PatternRecognizer,
)


def _by_first_letter(words: str) -> str:
    """The alternation ``words``, the words of each first letter grouped.

    Only the words of one first letter can match at any place (no
    character matches two of these letters when case is ignored), so
    ``re`` tries a few words instead of all of them, still in their order.
    """
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


_UPPER = r"A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ"
# House numbers are written with ASCII digits: "\d" would also take the
# digits of other scripts, and ``str.isdigit`` superscripts ("rue Pa²").
_DIGITS = "0123456789"
_NUMBER = r"[0-9]{1,4}[a-zA-Z]?(?:\ ?[-/]\ ?[0-9]{1,4}[a-zA-Z]?)?"
# "number" before it: "n. 12", "nº 5", "n.º 50", "no 7".
_NUMBER_WORD = r"(?:[nN](?:\.?[º°ªo]\.?|\.)\ ?)"
# A floor and side after it, in Spain and Portugal: "3º izq.", "2.º Esq.",
# and the door letter glued to the floor: "2ºA" (folded "2oA").
# The detector folds "º" and "ª" to "o" and "a" (see detect/width.py).
_FLOOR = (
    r"(?:,?\ [0-9]{1,2}\.?(?:[º°ª]|[oa](?=[A-H]?(?![\w])))"
    r"(?:\ ?(?i:izq(?:da|uierda)?|dcha|dch|der(?:echa)?|dto|dt|esq|fte|frente)"
    r"(?![\w])\.?|\ ?[A-H](?![\w]))?)?"
)
# The flat after the house number elsewhere: the Danish floor and side
# ("2. th.", "st. tv."), the Swedish flat ("lgh 1102"), the Polish one
# ("84/92 m. 15") and the Spanish door ("pta. 12"). On 156 hand-written
# letters, forms and reports (fictional), these and the English "Flat 3,"
# were 6 of the 9 addresses left partly outside their finding.
_FLAT = (
    r"(?:,?\ (?:[0-9]{1,2}\.?|st\.|kl\.)\ ?(?:th|tv|mf)\.?(?![\w])"
    r"|,?\ lgh\.?\ ?[0-9]{3,4}(?![\w])"
    r"|\ m\.?\ ?[0-9]{1,4}(?![\w])"
    r"|,\ (?:pta|puerta|esc|escalera)\.?\ ?[0-9]{1,3}[A-Z]?(?![\w]))?"
)
_SUFFIXES = _by_first_letter(
    r"straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee"
    r"|straat|laan|gracht|plein|kade|singel|dijk|steeg|markt"
    r"|gatan|vägen|gränd|torget|gade|vej|stræde|katu|kuja|polku"
)
# Streets named by a suffix: Hauptstraße, Kalverstraat, Drottninggatan,
# Nørregade; "Berliner Straße" and "Am Markt" too. Alone the suffix is a
# word ("Platz 1" is a first place), and after one or two letters part of
# one ("Spring 2024"): a compound needs three letters before the suffix.
# Only "Markt" names a street alone, in small towns ("Markt 12"). The
# Finnish "-tie" ends many Dutch and French words ("Sectie 4", "Partie 2"):
# only a genitive in "-n" takes it (Mannerheimintie, Sahantie), and not
# the few such words of our languages (garantie, intentie, competentie).
_SUFFIX_STREET = (
    rf"(?:[{_UPPER}][\w'’-]+\ (?=[{_UPPER}])[\w'’-]*?"
    rf"|[{_UPPER}][\w'’-]{{2,}}?"
    r"|(?=Markt\ [0-9]{1,3}(?![0-9])))"
    rf"(?:(?i:{_SUFFIXES})"
    r"|(?<=[^\W\d_]{3}[aeiouyäö]n)(?<!aran)(?<!nten)(?<!eten)tie)"
    rf"\ ?{_NUMBER_WORD}?{_NUMBER}{_FLAT}"
)
_PARTICLE = r"(?:de|del|della|dei|di|da|do|dos|das|du|des|la|le|les|los|las|y|e)"
# Streets named after a word for "street": rue de la Paix, Calle Mayor,
# Via Roma, Rua Augusta, ul. Marszałkowska; the house number before or after.
# The Portuguese "R." for "Rua" only in capitals and before "da", "do",
# "de": alone it is an initial ("R. Silva 12").
_STREET_WORDS = _by_first_letter(
    r"rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|cours"
    r"|calle|c/|avda\.|avenida|plaza|paseo|camino|carrer|via|viale|piazza"
    r"|piazzale|corso|largo|vicolo|rua|travessa|praça|ulica|ul\.|al\.|aleja"
    r"|plac|osiedle|os\.|trav\.|lg\.|pç\.|estrada|estr\."
)
# Building, staircase, floor and flat before a French street: "Bât. C,
# esc. 2, 3e étage, 14 avenue Foch"; each part ends with its comma. At most
# five parts, so that "Bât. C, " repeated is read a few parts ahead per
# place tried, not to its end (10,000 repeats took 25 s unbounded).
_FR_BUILDING = (
    r"(?:(?:(?i:bât(?:iment)?)\.?\ [A-Z0-9]{1,3}"
    r"|(?i:esc(?:alier)?)\.?\ [A-Z0-9]{1,3}"
    r"|[0-9]{1,2}(?:e|er|ème|ᵉ)\ (?i:étage)"
    r"|(?i:app(?:ar)?t(?:ement)?)\.?\ [0-9A-Z]{1,4}"
    r"|(?i:porte)\ [0-9A-Z]{1,4}),\ ){0,5}"
)
_PREFIX_STREET = (
    rf"{_FR_BUILDING}(?:{_NUMBER},?\ )?"
    rf"(?:(?i:{_STREET_WORDS})|R\.(?=\ d[aoe]s?\ ))"
    rf"(?:\ ?(?:{_PARTICLE}\ |[ldLD]['’])|\ ?[{_UPPER}][\w'’.-]*){{1,6}}"
    rf"(?:,?\ {_NUMBER_WORD}?{_NUMBER}{_FLOOR}{_FLAT})?"
)
# English: "221B Baker Street", "10 Downing St", "Flat 3, 27 Mill Road" and
# the same in capitals, the way forms and labels print it ("4 TANNERY YARD").
_ENGLISH_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Place"
    "|Crescent|Terrace|Gardens|Square|Boulevard|Blvd|Row|Grove|Mews|Yard|Walk"
    "|Rise|Hill|Park|View"
)
_ENGLISH_UNIT = (
    r"(?:(?:Flat|Apartment|Apt\.?|Unit|Suite|FLAT|UNIT)\ (?:[0-9]{1,4}[A-Z]?,?\ )?)"
)
# The types that are ordinary words of names and titles too ("10 Theme
# Park", "3 Silent Hill", "5 Star View", "2 Big Walk"), and every type in
# capitals ("STEP 4 RESET VIEW"): alone, with no flat or unit before and
# no postcode or town after, such a street needs an address word near. On
# 28 hand-written titles, products and steps (fictional) the new types
# took 11 as streets; the flats, units and capitals of the address tests
# all have a unit or a town.
_WEAK_ENGLISH_TYPES = "Yard|Walk|Rise|Hill|Park|View"
_WEAK_ENGLISH = re.compile(
    rf"{_NUMBER}\ (?:[{_UPPER}][\w'-]*\ ){{1,3}}"
    rf"(?:{_WEAK_ENGLISH_TYPES}|{_ENGLISH_TYPES.upper()}|"
    rf"{_WEAK_ENGLISH_TYPES.upper()})\.?"
)
_ENGLISH_STREET = (
    rf"{_ENGLISH_UNIT}?{_NUMBER}\ (?:[{_UPPER}][\w'-]*\ ){{1,3}}"
    rf"(?:{_ENGLISH_TYPES}|{_ENGLISH_TYPES.upper()})\b\.?"
)
_POSTCODE = (
    r"(?:[0-9]{5}|[0-9]{4}(?:\ ?[A-Z]{2})?|[0-9]{2}-[0-9]{3}|[0-9]{4}-[0-9]{3}"
    r"|[0-9]{3}\ [0-9]{2}|[A-Z]{1,2}[0-9][A-Z0-9]?\ [0-9][A-Z]{2})"
)
# A Danish postal district after the town: "København N", "Aarhus C".
_PLACE = (
    rf"[{_UPPER}][\w'’-]+(?:[\ -][{_UPPER}][\w'’-]+)?"
    r"(?:\ (?:[NS][VØ]?|[KVCØ])(?![\w]))?"
)
# ", 10115 Berlin", ", London NW1 6XE" or ", Paris".
# ", 10115 Berlin", ", London NW1 6XE", ", Paris", " - 20121 Milano (MI)"
# with the Italian province, or " i Västerås" after a Swedish street.
_TAIL = (
    rf"(?:(?:,?\ |\ -\ )(?:{_POSTCODE}\ {_PLACE}(?:\ \([A-Z]{{2}}\))?"
    rf"|{_PLACE}\ [A-Z]{{1,2}}[0-9][A-Z0-9]?\ [0-9][A-Z]{{2}})"
    rf"|\ i\ {_PLACE})?"
)
_ADDRESS = re.compile(
    rf"(?<![\w-])(?:{_SUFFIX_STREET}|{_PREFIX_STREET}|{_ENGLISH_STREET}){_TAIL}"
    r"(?![\w-])"
)


def starts_address(text: str, position: int) -> bool:
    """Whether a street address begins at ``position`` ("12, rue de la Paix")."""
    return _ADDRESS.match(text, position) is not None


class StreetAddressRecognizer(PatternRecognizer):
    """A street with a house number, the way it is written in its country."""

    name = "street_address"
    entity = "LOCATION"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_ADDRESS,)
    explanation = "a street word or suffix with a house number"
    score = FORMAT_SCORE
    context = "address"

    def refine(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Trim trailing spaces and commas; keep only spans with a number."""
        while end > start and text[end - 1] in " ,.":
            end -= 1
        return super().refine(text, start, end)

    def validate(self, value: str) -> bool:
        """A house number (an ASCII digit) is what makes it an address."""
        return any(char in _DIGITS for char in value)

    def base_score(self, value: str) -> float:
        """An English street of an everyday word ("Park", "Hill") or in
        capitals, alone, needs an address word near; the rest stand alone."""
        if _WEAK_ENGLISH.fullmatch(value):
            return CONTEXT_NEEDED_SCORE
        return FORMAT_SCORE
