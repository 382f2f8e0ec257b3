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

# A seeded Faker of the locale for (role, normalised word, attempt).
Seeded = Callable[[str, str, int], Any]

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
    """A fake for the person's name ``value``, titles kept as written."""
    title = _TITLES.match(value)
    head = title.group(0) if title else ""
    words = value[len(head) :].split()
    if not words:
        return value
    gender = _title_gender(head)
    roles = _roles(words)
    fakes = [
        _fake_word(word, role, gender, locale, seeded)
        for word, role in zip(words, roles, strict=True)
    ]
    return head + " ".join(fakes)


def _roles(words: list[str]) -> list[str]:
    if len(words) == 1:
        return ["given" if _is_given(words[0]) else "surname"]
    return ["given"] * (len(words) - 1) + ["surname"]


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
    if low in _PARTICLES and word.islower() and role == "given":
        return word
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
        faker = seeded(f"{role}:{gender or ''}", low, attempt)
        fake = str(_draw(faker, role, gender))
        if fake.casefold() != low:
            return _same_case(word, fake)
    return _same_case(word, fake)


def _draw(faker: Any, role: str, gender: str | None) -> Any:
    if role == "surname":
        return faker.last_name()
    if gender == "female":
        return faker.first_name_female()
    if gender == "male":
        return faker.first_name_male()
    return faker.first_name()


def _fake_initial(word: str, seeded: Seeded) -> str:
    rng = random.Random(seeded("initial", word[0].casefold(), 0).random.random())
    letters = [c for c in "ABCDEFGHIJKLMNOPRSTUVWZ" if c != word[0].upper()]
    return _same_case(word[0], rng.choice(letters)) + word[1:]


def _same_case(original: str, fake: str) -> str:
    if original.isupper() and len(original) > 1:
        return fake.upper()
    if original.islower():
        return fake.lower()
    return fake


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
