"""Surrogates: a realistic fake of the same kind and shape for each value.

The fake for a value is drawn from a random generator seeded with a keyed
hash (HMAC-SHA256 under a sub-key of the tenant's data key) of the entity
type and the normalised value. So the same person becomes the same fake
person in every record, file and run under one key, and nobody without the
key can tell which fake stands for which value. A fake never equals the
value it replaces: after a few draws that do, the value is redacted.

Shapes kept: an IBAN stays a valid IBAN of the same country and grouping
(national check digits too), a card number keeps its first digit, length and
Luhn check, a phone number its country code, trunk prefix, punctuation and
digit width, a date its format (shifted by up to a year, see
:mod:`~gdprgate.datasets.surrogate_dates`), a name its titles, number of
words and case (see :mod:`~gdprgate.datasets.surrogate_names`).
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE
from stdnum import iban

from gdprgate.datasets.surrogate_dates import (
    fake_date,
    is_numeric_date,
    split_weekday,
    with_weekday,
)
from gdprgate.datasets.surrogate_names import fake_name
from gdprgate.datasets.writers import formula_like
from gdprgate.vault.normalize import normalize_value

SURROGATE_KEY_INFO = b"gdprgate surrogate v1"
_ATTEMPTS = 5
# Draws of a fake IBAN until its national check digits hold too (Spain's
# hold for about one draw in 121).
_IBAN_DRAWS = 2000
_DATES = frozenset({"DATE_TIME", "DATE_OF_BIRTH"})
_TRUNK = re.compile(r"[(（]\s*[0０]\s*[)）]")

LOCALES = {
    "en": "en_US",
    "de": "de_DE",
    "fr": "fr_FR",
    "es": "es_ES",
    "it": "it_IT",
    "nl": "nl_NL",
    "pl": "pl_PL",
    "pt": "pt_PT",
    "sv": "sv_SE",
    "da": "da_DK",
    "fi": "fi_FI",
}
_DIGIT = re.compile(r"\d")


def surrogate_key(data_key: bytes) -> bytes:
    """The sub-key surrogates are seeded with (HKDF-SHA256 of the data key)."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=SURROGATE_KEY_INFO
    )
    return hkdf.derive(data_key)


# Country domains of e-mail addresses and URLs, and their locales.
# Most are the language's own code; Austria, Sweden and Denmark are not.
_DOMAIN_LOCALES = {
    **{
        code: LOCALES[code] for code in ("de", "fr", "es", "it", "nl", "pl", "pt", "fi")
    },
    "at": LOCALES["de"],
    "se": LOCALES["sv"],
    "dk": LOCALES["da"],
}
_DOMAIN_END = re.compile(r"\.([a-z]{2,})(?:[/:?#]|\.?$)")
# Types drawn from the value's own domain, and types with no locale at all.
_BY_DOMAIN = frozenset({"EMAIL_ADDRESS", "URL"})
# Types whose fakes are made of words: a value without a letter (a date a
# model took for a place, "03/03/1987") keeps its layout instead.
_WORDY = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP", "USERNAME"})


def locale_for(language: str) -> str:
    """The Faker locale for a language code; US English when there is none."""
    return LOCALES.get(language.split("-")[0].lower(), "en_US")


def _locale_of(
    entity: str, value: str, language: str, locale_language: str | None
) -> str:
    if entity in _BY_DOMAIN:
        end = _DOMAIN_END.search(value.casefold())
        return _DOMAIN_LOCALES.get(end.group(1) if end else "", "en_US")
    return locale_for(locale_language or language)


def _by_shape(entity: str, value: str) -> str:
    """The type whose fake ``value`` gets: a type made of words only for a
    value with letters; a numeric date is a date whatever it was taken for."""
    if entity not in _WORDY or any(char.isalpha() for char in value):
        return entity
    if is_numeric_date(value):
        return "DATE_TIME"
    return "ID"


def _acceptable(entity: str, fake: str, value: str, normalized: str) -> bool:
    """Whether ``fake`` may stand for ``value``: not blank, not the value
    itself, and not starting like a spreadsheet formula unless the value
    does so too (a phone's "+" is kept; a fake of the tool's own never
    makes a CSV cell a formula that was none)."""
    if not fake.strip() or normalize_value(entity, fake) == normalized:
        return False
    return not formula_like(fake) or fake[:1] == value[:1]


def _seeded_as(entity: str) -> str:
    """The type a fake is seeded with. A date of birth is seeded as any
    date: whether the detector calls a date one depends on today (a date
    after today is no birth date) and on words around it, and the same date
    must have the same fake in every record and run."""
    return "DATE_TIME" if entity in _DATES else entity


class Surrogates:
    """Makes fakes for values; remembers recent ones (same input, same fake)."""

    def __init__(self, key: bytes, cache_size: int = 100_000) -> None:
        from faker import Faker

        self._key = key
        self._faker_class = Faker
        self._fakers: dict[str, Any] = {}
        self._cache: OrderedDict[tuple[str, str, str], str] = OrderedDict()
        self._cache_size = cache_size

    def make(
        self,
        entity: str,
        value: str,
        language: str = "en",
        *,
        locale_language: str | None = None,
    ) -> str:
        """The fake for ``value`` of type ``entity`` in a text of ``language``.

        ``language`` only reads a date's month names; names, places and
        organisations are drawn in the locale of ``locale_language`` (the
        run's, so a value has one fake in texts of every language; a name's
        words in the locale whose name lists hold them), ``language`` when
        it is not given. E-mail addresses and URLs take the locale of their
        country domain; numbers and identifiers have none.
        """
        if entity in _DATES:
            # "mardi 3 mars 1987" is moved as "3 mars 1987" is, and its
            # weekday made that of the new date.
            head, rest = split_weekday(value)
            if head:
                fake = self.make(entity, rest, language)
                return with_weekday(head, fake, locale_for(language)[:2])
        entity = _by_shape(entity, value)
        locale = _locale_of(entity, value, language, locale_language)
        normalized = normalize_value(entity, value)
        # A name's fake is made word by word from the value as written (so
        # it keeps its titles and each word's case); a value of fixed form
        # is drawn for its spelling (a phone keeps "00" or "+" and its
        # digits' width) from a seed of its normalised form, so every
        # spelling gets the same digits; same value, same fake.
        written = entity == "PERSON" or entity not in _FREE_FORM
        key = (_seeded_as(entity), locale, value if written else normalized)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._draw(entity, value, normalized, locale, language)
            self._cache[key] = cached
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return cached

    def _draw(
        self, entity: str, value: str, normalized: str, locale: str, language: str
    ) -> str:
        if entity == "PERSON":
            fake = fake_name(
                value,
                locale,
                lambda word_locale, role, word, attempt: self._faker(
                    word_locale, self._seed(f"PERSON:{role}", word, attempt)
                ),
            )
            if _acceptable(entity, fake, value, normalized):
                return fake
            return f"[{entity}]"
        for attempt in range(_ATTEMPTS):
            seed = self._seed(_seeded_as(entity), normalized, attempt)
            rng = random.Random(seed)
            if entity in _DATES:
                fake = fake_date(value, rng, locale_for(language)[:2])
            else:
                fake = _generator(entity)(value, rng, self._faker(locale, seed))
            if _acceptable(entity, fake, value, normalized):
                return fake
        return f"[{entity}]"

    def _seed(self, entity: str, normalized: str, attempt: int) -> int:
        message = f"{entity}\x1f{normalized}\x1f{attempt}".encode()
        digest = hmac.new(self._key, message, hashlib.sha256).digest()
        return int.from_bytes(digest[:8], "big")

    def _faker(self, locale: str, seed: int) -> Any:
        faker = self._fakers.get(locale)
        if faker is None:
            faker = self._faker_class(locale)
            self._fakers[locale] = faker
        faker.seed_instance(seed)
        return faker


# A generator gets the original value, a seeded random generator and a seeded
# Faker instance of the text's locale.
Generator = Callable[[str, random.Random, Any], str]


def _generator(entity: str) -> Generator:
    return _GENERATORS.get(entity, _shape)


def _email(value: str, rng: random.Random, faker: Any) -> str:
    user = str(faker.user_name())
    domain = str(faker.free_email_domain())
    return f"{user}@{domain}"


def _phone(value: str, rng: random.Random, faker: Any) -> str:
    # Keep "+" or "00" and the country code, or a national leading zero, and
    # a trunk prefix "(0)"; digits are written in the width of the original.
    plain = unicodedata.normalize("NFKC", value).lstrip()
    digits = re.sub(r"\D", "", plain)
    keep = 0
    if plain.startswith("+"):
        keep = _country_code_length(digits)
    elif plain.startswith("00"):
        keep = 2 + _country_code_length(digits[2:])
    elif plain.startswith("0"):
        keep = 1
    trunk = {i for m in _TRUNK.finditer(value) for i in range(m.start(), m.end())}
    out = []
    seen = 0
    first = True
    for index, char in enumerate(value):
        if char.isdecimal():
            seen += 1
            if seen > keep and index not in trunk:
                char = _like(char, str(rng.randint(1 if first else 0, 9)))
                first = False
        out.append(char)
    return "".join(out)


def _country_code_length(digits: str) -> int:
    """How many of ``digits`` (after "+") are the country code; 2 when
    none is known (country codes are prefix-free)."""
    for length in (1, 2, 3):
        if digits[:length].isdigit() and int(digits[:length]) in (
            COUNTRY_CODE_TO_REGION_CODE
        ):
            return length
    return 2


def _like(original: str, new: str) -> str:
    """``new`` (an ASCII digit) in the digits of ``original`` (full-width
    digits stay full-width)."""
    if original.isdecimal() and not original.isascii() and new.isdigit():
        return chr(ord(original) - unicodedata.digit(original) + int(new))
    return new


def _iban(value: str, rng: random.Random, faker: Any) -> str:
    compact = re.sub(r"[^0-9A-Za-z]", "", value).upper()
    if len(compact) < 5 or not compact[:2].isalpha():
        return _shape(value, rng, faker)
    country = compact[:2]
    # Redrawn until the national check digits (Spain, Belgium, Norway, ...)
    # hold as well as mod-97; deterministic, as the draws come from ``rng``.
    for _ in range(_IBAN_DRAWS):
        bban = "".join(_same_class(c, rng) for c in compact[4:])
        check = 98 - int(_iban_digits(bban + country + "00")) % 97
        fake = f"{country}{check:02d}{bban}"
        if iban.is_valid(fake):
            break
    return _regroup(value, fake)


def _iban_digits(text: str) -> str:
    return "".join(str(int(c, 36)) for c in text)


def _card(value: str, rng: random.Random, faker: Any) -> str:
    digits = [c for c in value if c.isdigit()]
    if len(digits) < 12:
        return _shape(value, rng, faker)
    body = digits[0] + "".join(str(rng.randint(0, 9)) for _ in digits[1:-1])
    return _regroup(value, body + _luhn_digit(body))


def _luhn_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char)
        if index % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return str((10 - total % 10) % 10)


def _regroup(original: str, compact: str) -> str:
    """``compact`` laid out with the separators of ``original``."""
    chars = iter(compact)
    out = [_like(c, next(chars)) if c.isalnum() else c for c in original]
    return "".join(out) + "".join(chars)


def _same_class(char: str, rng: random.Random) -> str:
    if char.isdigit():
        return str(rng.randint(0, 9))
    if char.isupper():
        return chr(rng.randint(ord("A"), ord("Z")))
    if char.islower():
        return chr(rng.randint(ord("a"), ord("z")))
    return char


def _shape(value: str, rng: random.Random, faker: Any) -> str:
    """Each letter and digit replaced by a random one of its kind."""
    return "".join(_same_class(c, rng) if c.isascii() else c for c in value)


def _location(value: str, rng: random.Random, faker: Any) -> str:
    if "," in value or "\n" in value:
        return str(faker.address()).replace("\n", ", ")
    if _DIGIT.search(value):
        return str(faker.street_address())
    return str(faker.city())


def _organization(value: str, rng: random.Random, faker: Any) -> str:
    return str(faker.company())


def _url(value: str, rng: random.Random, faker: Any) -> str:
    return str(faker.url())


def _ip(value: str, rng: random.Random, faker: Any) -> str:
    if ":" in value:
        return str(faker.ipv6())
    return str(faker.ipv4_public())


def _username(value: str, rng: random.Random, faker: Any) -> str:
    return str(faker.user_name())


def _age(value: str, rng: random.Random, faker: Any) -> str:
    return _DIGIT.sub(lambda _: str(rng.randint(0, 9)), value, count=0)


def _date(value: str, rng: random.Random, faker: Any) -> str:
    return fake_date(value, rng)


# Types whose fakes have a form of their own, not the layout of the value.
_FREE_FORM = frozenset(
    {
        "PERSON",
        "EMAIL_ADDRESS",
        "LOCATION",
        "ORGANIZATION",
        "URL",
        "IP_ADDRESS",
        "USERNAME",
        "AGE",
        "DATE_TIME",
        "DATE_OF_BIRTH",
    }
)

_GENERATORS: dict[str, Generator] = {
    "EMAIL_ADDRESS": _email,
    "PHONE_NUMBER": _phone,
    "IBAN_CODE": _iban,
    "CREDIT_CARD": _card,
    "LOCATION": _location,
    "ORGANIZATION": _organization,
    "URL": _url,
    "IP_ADDRESS": _ip,
    "USERNAME": _username,
    "AGE": _age,
    "DATE_TIME": _date,
    "DATE_OF_BIRTH": _date,
}
