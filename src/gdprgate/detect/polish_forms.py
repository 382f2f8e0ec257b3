"""Polish names in their inflected cases: "od Piotra Zielińskiego".

Polish declines names after most prepositions and verbs: "Piotr
Zieliński" is "Piotra Zielińskiego" after "od" (genitive), "Piotrowi
Zielińskiemu" after "dziękuję" (dative), "z Piotrem Zielińskim"
(instrumental), "o Piotrze Zielińskim" (locative). Faker lists the
nominative only, so the lexicon (see :mod:`gdprgate.detect.gate`) takes
the forms this module makes from the Polish given names and surnames it
knows, and from :data:`POLISH_GIVEN`: common Polish given names and
diminutives ("Kasia", "Tomek") Faker's short Polish list lacks, and from
:data:`POLISH_SURNAMES`.

The forms follow the regular patterns; a wrong form of a rare name only
adds a string no text holds:

* a given name or surname ending in a consonant takes -a, -owi, -em (-iem
  after k and g) and a locative -e with the stem's last consonant softened
  ("Piotrze", "Robercie", "Pawle") or -u after k, g, ch and the soft
  consonants ("Marku", "Tomaszu"); a fleeting e drops ("Marek" → "Marka",
  "Paweł" → "Pawła", "Kacper" → "Kacpra");
* one ending in -y or -i declines as an adjective ("Jerzy" → "Jerzego",
  "Jerzemu", "Jerzym");
* one ending in -a takes -y or -i, a dative and locative -e with the same
  softening ("Joannie", "Agnieszce") or -i, -ę, -ą and a vocative ("Kasiu",
  "Joanno");
* a surname in -ski, -cki or -dzki declines as an adjective and has a
  feminine ("Zielińskiego", "Zielińskiemu", "Zielińskim", "Zielińska",
  "Zielińskiej", "Zielińską", "Zielińskich").
"""

from __future__ import annotations

from collections.abc import Iterable

# Common Polish given names Faker's pl_PL list lacks ("Anna", the
# commonest, among them), and diminutives (nominative, lower case).
_GIVEN_LIST = """
małgorzata katarzyna joanna magdalena barbara beata marta aleksandra
paulina karolina natalia weronika zofia zuzanna maja alicja wiktoria
emilia hanna halina jadwiga grażyna bożena danuta teresa irena iwona
renata izabela dominika patrycja kinga marzena jolanta wanda stanisława
genowefa agata martyna oliwia łucja helena jagoda edyta milena
henryk zbigniew ryszard zenon lech bogdan bogusław czesław mirosław
jarosław wiesław zdzisław sławomir władysław leszek waldemar roman
eugeniusz edward zygmunt tadeusz krzysztof janusz jacek wincenty
anna maria julia marian mieczysław

kasia gosia basia ola asia ania zosia madzia magda agnieszka kaśka
ewka jola iza ela ula hania marysia zuzia wika emilka julka karolcia
tomek kuba bartek michałek piotrek jaś staś wojtek maciek krzyś
grzesiek franek janek jurek marcinek olek kamilek rysiek zbyszek
józek darek mirek sławek leszek arek adaś antek szymek igorek
"""
POLISH_GIVEN = frozenset(_GIVEN_LIST.split())
# The commonest Polish surname, missing from Faker's pl_PL lists.
POLISH_SURNAMES = frozenset({"nowak"})

_ADJECTIVE_SURNAME = ("ski", "cki", "dzki")
# The locative -e softens the consonant before it: "Piotr" → "Piotrze".
_SOFTENED = {
    "r": "rze",
    "t": "cie",
    "d": "dzie",
    "n": "nie",
    "m": "mie",
    "b": "bie",
    "p": "pie",
    "f": "fie",
    "w": "wie",
    "s": "sie",
    "z": "zie",
    "ł": "le",
    "st": "ście",
    "sł": "śle",
}
# Consonants after which the locative of a masculine noun is -u.
_U_LOCATIVE = ("k", "g", "ch", "sz", "cz", "rz", "ż", "c", "dz", "j", "l")
# The soft consonants written with an accent; before a vowel "si", "ci"...
_SOFT = {"ś": "si", "ć": "ci", "ń": "ni", "ź": "zi", "dź": "dzi"}
# Consonants that keep -y, not -i, in the genitive of an -a noun.
_HARDENED = ("cz", "sz", "rz", "ż", "c", "dz")
# Fleeting e before these endings: "Marek" → "Marka", "Kacper" → "Kacpra".
_FLEETING = ("ek", "eł", "der", "per", "ter", "ec")


def given_name_forms(name: str) -> set[str]:
    """The inflected forms of the lower-case Polish given name ``name``
    (without the nominative itself)."""
    if name.endswith("a"):
        return _a_forms(name[:-1])
    if name.endswith(("y", "i")):
        return _adjective_forms(name)
    if name.endswith("o"):
        return _consonant_forms(name[:-1])
    if name[-1:].isalpha():
        return _consonant_forms(name)
    return set()


def surname_forms(name: str) -> set[str]:
    """The inflected forms of the lower-case Polish surname ``name``
    (and, for an adjective, the feminine's)."""
    if name.endswith(_ADJECTIVE_SURNAME):
        stem = name[:-1]
        endings = ("iego", "iemu", "im", "a", "iej", "ą", "ich")
        return {stem + ending for ending in endings}
    return given_name_forms(name)


def polish_forms(given: Iterable[str], surnames: Iterable[str]) -> set[str]:
    """The inflected forms of every given name and surname (lower case)."""
    forms: set[str] = set()
    for name in given:
        forms |= given_name_forms(name)
    for name in surnames:
        forms |= surname_forms(name)
    return forms


def _consonant_forms(name: str) -> set[str]:
    """Forms of a noun ending in a consonant: "Nowak", "Paweł", "Jaś"."""
    stem = name
    for soft, before_vowel in _SOFT.items():
        if stem.endswith(soft):
            stem = stem[: -len(soft)] + before_vowel
            return {stem + "a", stem + "owi", stem + "em", stem + "u"}
    if stem.endswith(_FLEETING) and len(stem) > 4:
        stem = stem[:-2] + stem[-1]
    instrumental = "iem" if stem.endswith(("k", "g")) else "em"
    forms = {stem + "a", stem + "owi", stem + instrumental}
    if stem.endswith(_U_LOCATIVE):
        forms.add(stem + "u")
    else:
        forms.add(_softened(stem))
    return forms


def _adjective_forms(name: str) -> set[str]:
    """Forms of a name that declines as an adjective: "Jerzy", "Antoni"."""
    stem = name[:-1] if name.endswith("y") else name
    return {stem + "ego", stem + "emu", name + "m"}


def _a_forms(stem: str) -> set[str]:
    """Forms of a noun ending in -a: "Joanna", "Kasia", "Kuba", "Duda"."""
    forms = {stem + "ę", stem + "ą", stem + "o"}
    if stem.endswith("i") and stem[-2:-1] in ("s", "z", "c", "n"):
        # "Kasia": the i only softens; "Kasi", "Kasiu".
        return forms | {stem, stem + "u"}
    if stem.endswith("i"):
        return forms | {stem + "i"}
    if stem.endswith("j"):
        return forms | {stem[:-1] + "i"}
    if stem.endswith(("k", "g")):
        dative = stem[:-1] + ("ce" if stem.endswith("k") else "dze")
        return forms | {stem + "i", dative}
    if stem.endswith("l"):
        return forms | {stem + "i", stem + "u"}
    if stem.endswith(_HARDENED):
        return forms | {stem + "y"}
    return forms | {stem + "y", _softened(stem)}


def _softened(stem: str) -> str:
    """``stem`` with the locative -e and its last consonant softened."""
    for hard in sorted(_SOFTENED, key=len, reverse=True):
        if stem.endswith(hard):
            return stem[: -len(hard)] + _SOFTENED[hard]
    return stem + "e"
