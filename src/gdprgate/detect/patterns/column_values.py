"""Values of table columns whose header says what they are.

"ropoku" under ``user``, "Wojciech" under ``first_name``, "Kraków" under
``city``: alone such a value is too short for a model or a pattern to
read, but its header names its type (see
:mod:`gdprgate.detect.patterns.table_columns`). A value is reported when it
looks like its type (letters for a name, a single token for a user name,
six digits for a phone) and says there is something ("n/a", "-", "NULL"
are no values; "Test" and "Private" are, but under ``last_name`` they are
surnames). Under a header that is unsure of its type (``name``,
``account``, ``address``, with no sure column beside it) a value counts
when it looks personal on its own, and is masked (fail closed): a user
name with a dot, an underscore or a digit ("okonkwo88", "wojtek.nowak"),
a whole name or a capitalised word the lexicon knows as a name
("Okonkwo"), a street address with a number ("12 Elm Road"). Dates of
birth are left to :mod:`gdprgate.detect.patterns.date_of_birth`, which
checks the date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import ClassVar

from gdprgate.detect.context_words import CONTEXT_LANGUAGES
from gdprgate.detect.finding import Finding
from gdprgate.detect.patterns.accounts import is_account_of_nobody
from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer
from gdprgate.detect.patterns.field_names import is_placeholder
from gdprgate.detect.patterns.scan import TextScan
from gdprgate.detect.patterns.table_columns import DATE_OF_BIRTH, column_cells

_LETTER = re.compile(r"[^\W\d_]")
# A person's name: words of letters with inner ".", "'", "-" ("J. R.",
# "O'Brien", "Müller-Lüdenscheid"), "," between surname and first name.
_PERSON = re.compile(r"[^\W\d_][^\W\d_.'’-]*(?:[.'’-]+[^\W\d_]*)*[.,]?")
_MAX_NAME_WORDS = 5
# A name whose header is unsure ("name") must read as a whole name.
_CAPITALISED = re.compile(r"[^\W\d_]*[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:[.'’-][^\W\d_]*)*\.?")
_USERNAME = re.compile(r"@?[\w][\w.+-]{0,62}")
# A user name under an unsure header: a lower-case letter, and a dot, an
# underscore or a digit ("okonkwo88", "anna.k"); "Savings" is none.
_USERNAME_MARK = re.compile(r"[._\d]")
_LOWER = re.compile(r"[^\W\d_A-ZÀ-ÖØ-Þ]")
# A street address under an unsure header: a number and a word of letters
# apart ("12 Elm Road", "Flat 3, 12 Elm Road"); "10.0.0.4" is none.
_STREET_NUMBER = re.compile(r"(?<![\w.:])\d{1,5}[a-zA-Z]?(?![\w.:])")
_STREET_WORD = re.compile(r"(?<![\w.])[^\W\d_]{2,}(?![\w.])")
_CODE_WORD_TEXT = "true false yes no none null nil undefined"
_CODE_WORDS = frozenset(_CODE_WORD_TEXT.split())
# Values of a user column that name no one: a permission ("ja",
# "limited"), a way to log in ("SSO"), a role ("reader"), in lower case.
_NOT_USER_TEXT = """
    ja nein oui non si sí sim não nie tak nej enabled disabled on off
    limited full all any read write readonly rw ro sso ldap saml oidc oauth
    oauth2 mfa 2fa kerberos local ad reader writer editor viewer owner
    member maintainer contributor developer moderator service ci cd bot
"""
_NOT_USER_WORDS = frozenset(_NOT_USER_TEXT.split())
_NAME_PARTS = re.compile(r"[\W\d_]+")
# Lower-case words inside a name: particles, not a name's end ("van", "de").
_PARTICLE_TEXT = "van von de der den del della di da dos das du le la ten ter bin al el"
_PARTICLES = frozenset(_PARTICLE_TEXT.split())
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE = re.compile(r"\+?[\d\s()./-]{6,30}")
_PHONE_DIGITS = 6
_IBAN = re.compile(r"[A-Za-z]{2}\d{2}(?:\ ?[A-Za-z0-9]){11,30}")
_MAX_LOCATION = 120


def _is_person(value: str, sure: bool) -> bool:
    """Words of letters; with an unsure header, two to four capitalised."""
    words = value.split()
    if not 0 < len(words) <= _MAX_NAME_WORDS:
        return False
    if not all(_PERSON.fullmatch(word) for word in words):
        return False
    if sure:
        return True
    if len(words) == 1:
        # A surname alone: "Okonkwo" under "name" (the lexicon knows it).
        # Imported here: the lexicon's module imports the recognizers.
        from gdprgate.detect.gate import load_lexicon

        word = words[0].rstrip(".,")
        return word[:1].isupper() and word.lower() in load_lexicon().names
    return 2 <= len(words) <= 4 and all(_CAPITALISED.fullmatch(w) for w in words)


def _looks_like_person(value: str) -> bool:
    """A name under ``name`` that only its table vouches for: no word in
    lower case that a lexicon knows ("Backup job", "build-bot"), and a part
    the lexicon knows as a name or a given name ("anna.k", "Per") or
    capitalised words none of them ordinary ("Okafor Nwosu")."""
    from gdprgate.detect.gate import load_lexicon

    if not _is_person(value, True):
        return False
    lexicon = load_lexicon()
    parts = [
        part
        for part in _NAME_PARTS.split(value)
        if part and part.lower() not in _PARTICLES
    ]
    if any(len(part) > 2 and part in lexicon.words for part in parts):
        return False  # a lower-case word: "job", "bot"
    if any(
        part.lower() in lexicon.names or part.lower() in lexicon.given for part in parts
    ):
        return True
    return bool(parts) and all(
        part[:1].isupper() and not lexicon.is_ordinary(part.lower()) for part in parts
    )


def _is_user_word(value: str) -> bool:
    """Whether a value of a user column is an ordinary word of a lexicon
    language or a permission, role or login method, no one's name."""
    from gdprgate.detect.gate import load_lexicon

    word = value.lstrip("@").lower()
    return word in _NOT_USER_WORDS or load_lexicon().is_ordinary(word)


def _is_username(value: str, sure: bool) -> bool:
    """One token with a letter, no e-mail address, no account of nobody,
    no ordinary word; with an unsure header, in lower case with a dot, an
    underscore or a digit."""
    if not sure and not (_LOWER.search(value) and _USERNAME_MARK.search(value)):
        return False
    return (
        _USERNAME.fullmatch(value) is not None
        and "@" not in value[1:]
        and _LETTER.search(value) is not None
        and value.lower() not in _CODE_WORDS
        and not is_account_of_nobody(value.lstrip("@"))
        and not _is_user_word(value)
    )


def _is_location(value: str, sure: bool) -> bool:
    """A place with a letter; with an unsure header, a street address."""
    if len(value) > _MAX_LOCATION or _LETTER.search(value) is None:
        return False
    if sure:
        return True
    return bool(_STREET_NUMBER.search(value) and _STREET_WORD.search(value))


def _is_phone(value: str, sure: bool) -> bool:
    digits = sum(c.isdigit() for c in value)
    return _PHONE.fullmatch(value) is not None and digits >= _PHONE_DIGITS


def _is_email(value: str, sure: bool) -> bool:
    return _EMAIL.fullmatch(value) is not None


def _is_iban(value: str, sure: bool) -> bool:
    return _IBAN.fullmatch(value) is not None


# What a value must look like to be taken for its column's type.
_SHAPES: dict[str, Callable[[str, bool], bool]] = {
    "PERSON": _is_person,
    "USERNAME": _is_username,
    "LOCATION": _is_location,
    "PHONE_NUMBER": _is_phone,
    "EMAIL_ADDRESS": _is_email,
    "IBAN_CODE": _is_iban,
}


def looks_like(entity: str, value: str, sure: bool) -> bool:
    """Whether ``value`` of a field whose name says ``entity`` (``sure``:
    the name says only that) looks like one and is no placeholder."""
    if entity not in _SHAPES or is_placeholder(value, entity):
        return False
    if entity == "PERSON" and not sure:
        return _looks_like_person(value)
    return _SHAPES[entity](value, sure)


class ColumnValueRecognizer(PatternRecognizer):
    """Every value of a column whose header names a person's name, a user
    name, a place, an e-mail address, a phone number or an IBAN.

    Unlike the other recognizers it reports several types: each value
    gets the type its header names.
    """

    name = "table_column"
    entity = "USERNAME"
    explanation = (
        "a value in a table column (CSV, TSV, Markdown, psql, SQL INSERT) "
        "whose header names its type: first_name, username, city, email, ..."
    )
    score = FORMAT_SCORE
    entities: ClassVar[frozenset[str]] = frozenset(_SHAPES)

    def analyze(
        self,
        text: str,
        languages: Sequence[str] = CONTEXT_LANGUAGES,
        scan: TextScan | None = None,
    ) -> list[Finding]:
        """The values of typed columns that look like their type."""
        findings = []
        for cell in column_cells(text, tuple(languages)):
            if cell.entity == DATE_OF_BIRTH:
                continue
            value = text[cell.start : cell.end]
            if is_placeholder(value, cell.entity):
                continue
            if cell.by_table and cell.entity == "PERSON":
                if not _looks_like_person(value):
                    continue
            elif not _SHAPES[cell.entity](value, cell.sure):
                continue
            findings.append(
                Finding(cell.start, cell.end, cell.entity, self.score, self.source)
            )
        return findings
