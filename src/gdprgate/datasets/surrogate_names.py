"""Fake names made part by part, so that the parts of one person agree.

A name is read as a chain of titles ("Ms.", "Herr Prof. Dr."), kept as
written, and then its words: in a name of two or more words the last word is
the surname and the others are given names; a name of one word is a given
name when Faker knows it as one (in any of the scrub locales), else a
surname. Particles ("van", "de la") are kept, an initial becomes another
initial.

Each word's fake depends only on its role, the word itself (normalised),
its gender and the locale, never on the rest of the name: so "Annika
Vesterholm" -> "Lena Krüger", and "Annika" alone -> "Lena", "Ms.
Vesterholm" -> "Ms. Krüger", in every record under one key. A given name
keeps its gender where Faker's lists tell it, or else where a title does
("Frau", "Mme", "Sra.").
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache
from importlib import import_module
from typing import Any

from gdprgate.detect.titles import LOWER_TITLE_RUN, TITLE_RUN

# A seeded Faker for (locale, role, normalised word, attempt).
Seeded = Callable[[str, str, str, int], Any]

_TITLES = re.compile(rf"(?:{TITLE_RUN}|{LOWER_TITLE_RUN})")
_FEMALE = """
    ms mrs miss frau fr fräulein frl mme mmes mlle mlles madame mademoiselle
    mesdames sra srta sras señora señorita doña dña dª d.ª dr.ª sra.ª
    dott.ssa dottssa sig.ra sig.na signora signorina mevr mevrouw mw mej
    juffrouw pani panna senhora senhorita dona fru fröken frk dame lady
"""
_MALE = """
    mr herr herrn hr m monsieur messieurs sr señor don signor sig dhr meneer
    heer pan senhor sir lord
"""
_PARTICLE_WORDS = (
    "van von der den de del della di da das dos du la le ten ter zu af av y"
)
_FEMALE_TITLES = frozenset(_FEMALE.split())
_MALE_TITLES = frozenset(_MALE.split())
_PARTICLES = frozenset(_PARTICLE_WORDS.split())
_INITIAL = re.compile(r"[^\W\d_]\.?")
_ATTEMPTS = 5


def fake_name(value: str, locale: str, seeded: Seeded) -> str:
    """A fake for the person's name ``value``, titles kept as written; each
    word's fake is drawn in the locale whose name lists hold the word
    (``locale`` first), else in ``locale``."""
    title = _TITLES.match(value)
    head = title.group(0) if title else ""
    words = value[len(head) :].split()
    if not words:
        return value
    gender = _title_gender(head)
    roles = _roles(words)
    fakes = [
        word
        if role == "particle"
        else _fake_word(word, role, gender, _locale(word, role, locale), seeded)
        for word, role in zip(words, roles, strict=True)
    ]
    return head + " ".join(fakes)


def _roles(words: list[str]) -> list[str]:
    if len(words) == 1:
        return ["given" if _is_given(words[0]) else "surname"]
    roles = ["given"] * (len(words) - 1) + ["surname"]
    # The particles before the surname ("van der", "de la", "De" in "Anna
    # De Luca") are kept as written; lower-case ones anywhere.
    index = len(words) - 2
    while index > 0 and words[index].casefold() in _PARTICLES:
        roles[index] = "particle"
        index -= 1
    for index, word in enumerate(words[:-1]):
        if word.islower() and word in _PARTICLES:
            roles[index] = "particle"
    return roles


def _title_gender(titles: str) -> str | None:
    for title in titles.split():
        low = title.casefold().rstrip(".")
        if low in _FEMALE_TITLES:
            return "female"
        if low in _MALE_TITLES:
            return "male"
    return None


def _fake_word(
    word: str, role: str, gender: str | None, locale: str, seeded: Seeded
) -> str:
    low = word.casefold()
    if _INITIAL.fullmatch(word):
        return _fake_initial(word, seeded)
    # "Anna-Lena", "Müller-Lüdenscheid": each part on its own.
    if "-" in word.strip("-"):
        parts = word.split("-")
        return "-".join(
            _fake_word(p, role, gender, locale, seeded) if p else p for p in parts
        )
    # A surname's fake does not depend on the title before it.
    gender = _given_gender(low) or gender if role == "given" else None
    for attempt in range(_ATTEMPTS):
        faker = seeded(locale, f"{role}:{gender or ''}", low, attempt)
        fake = str(_draw(faker, role, gender))
        if fake.casefold() != low:
            return _same_case(word, fake)
    return _same_case(word, fake)


def _draw(faker: Any, role: str, gender: str | None) -> Any:
    if role == "surname":
        # Faker's surnames may bring particles ("de Koning", "van Dijk"):
        # the word is replaced by a word, the value's particles stay alone.
        words = str(faker.last_name()).split()
        while len(words) > 1 and words[0].casefold() in _PARTICLES:
            words.pop(0)
        return " ".join(words)
    if gender == "female":
        name = faker.first_name_female()
    elif gender == "male":
        name = faker.first_name_male()
    else:
        name = faker.first_name()
    # One word for one word: "Klaus Peter" is written "Klaus-Peter".
    return "-".join(str(name).split())


def _fake_initial(word: str, seeded: Seeded) -> str:
    faker = seeded("en_US", "initial", word[0].casefold(), 0)
    rng = random.Random(faker.random.random())
    letters = [c for c in "ABCDEFGHIJKLMNOPRSTUVWZ" if c != word[0].upper()]
    return _same_case(word[0], rng.choice(letters)) + word[1:]


def _same_case(original: str, fake: str) -> str:
    if original.isupper() and len(original) > 1:
        return fake.upper()
    if original.islower():
        return fake.lower()
    return fake


def _locale(word: str, role: str, fallback: str) -> str:
    """The locale a word of ``role`` is faked in: the first of ``fallback``
    and the scrub locales whose name lists hold the word, else
    ``fallback``. It depends on the word alone, never on the text around
    it, so a name has one fake in texts of every language."""
    low = word.casefold()
    known = _names_by_locale()
    for locale in (fallback, *known):
        given, surnames = known.get(locale, (frozenset(), frozenset()))
        if low in (surnames if role == "surname" else given):
            return locale
    return fallback


def _is_given(word: str) -> bool:
    female, male = _given_names()
    low = word.casefold()
    return low in female or low in male


def _given_gender(low: str) -> str | None:
    female, male = _given_names()
    if low in female and low not in male:
        return "female"
    if low in male and low not in female:
        return "male"
    return None


@cache
def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """The female and the male given names Faker knows in the scrub locales."""
    from gdprgate.datasets.surrogate import LOCALES

    female: set[str] = set()
    male: set[str] = set()
    for locale in LOCALES.values():
        provider = import_module(f"faker.providers.person.{locale}").Provider
        female.update(n.casefold() for n in getattr(provider, "first_names_female", ()))
        male.update(n.casefold() for n in getattr(provider, "first_names_male", ()))
    return frozenset(female), frozenset(male)


@cache
def _names_by_locale() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """The given names and the surnames Faker knows in each scrub locale,
    case-folded, in the order of the locales."""
    from gdprgate.datasets.surrogate import LOCALES

    known: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for locale in LOCALES.values():
        provider = import_module(f"faker.providers.person.{locale}").Provider
        given = [
            *getattr(provider, "first_names_female", ()),
            *getattr(provider, "first_names_male", ()),
            *getattr(provider, "first_names", ()),
        ]
        surnames = getattr(provider, "last_names", ())
        known[locale] = (
            frozenset(str(n).casefold() for n in given),
            frozenset(str(n).casefold() for n in surnames),
        )
    return known
