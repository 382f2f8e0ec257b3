"""Ages: a number of years next to "aged", "years old", "Jahre alt", ...

A number after a comparison ("WHERE age > 30", "age >= 18") is a bound
in a query or a rule, no one's age.

Some ways of writing an age need no age word, because the shape says it:

- a suffix glued to the number: "34enne", "67yo", "67y/o";
- a unit in brackets after a person and no term: "Die Patientin (81 J.)",
  not "Laufzeit (10 J.)"; or abbreviated after a person and a comma:
  "Patientin, 34 J.,", "Sr. Martín, 54 a.,";
- a number in brackets right after a party's initials: "der Angeklagte
  R.B. (52)" (see :mod:`gdprgate.detect.initials`);
- after the models ran, a number in brackets or between commas right
  after a full name a model found, also one of ordinary words the lexicon
  cannot vouch for: "Uwe Nebel (58)" (see :func:`ages_after_full_names`);
- a number between commas or in brackets right after a name the lexicon
  knows or with a title near, with a title near or before a lower-case
  word: "Frau Brenner, 67, wohnt", "Mrs Brenner (67)", "Lena, 40, lives",
  not "Bananas, 6, apples";
- a number after "turns" ("wird", "fyller", "cumple", ...) that ends the
  clause, with someone who turns it: "sie wird 40!", not "Die Firma wird
  40.".

The duration words (``age_negative``) still win over every one of these,
but only over the number they quantify: a word with another number between
it and the age ("Frau Brenner, 67, seit 3 Jahren", "Mario, 34enne da 3
anni"), or a word right before another number ("seit 3"), speaks of that
other number, not of the age.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from gdprgate.detect.context import (
    Surroundings,
    context_pattern,
    window,
    word_right_before,
)
from gdprgate.detect.finding import Finding
from gdprgate.detect.patterns.base import (
    CONTEXT_NEEDED_SCORE,
    NEGATIVE_SCORE,
    PatternRecognizer,
)
from gdprgate.detect.patterns.scan import Start
from gdprgate.detect.patterns.street_address import starts_address

if TYPE_CHECKING:
    from gdprgate.detect.gate import Lexicon

# One to three digits, not part of a decimal, a date, a time or a code. A
# comma or colon after a word is a field separator ("age,34", "age:34").
# Nor after a comparison sign ("> 30", ">=18", "!= 30"); "=" alone assigns.
_AGE = re.compile(
    r"(?<![\w./-])(?<!\d[,:])(?<![<>]\ )(?<![<>])(?<![<>!]=\ )(?<![<>!]=)"
    r"\d{1,3}(?![\w]|[.,:/]\d|\ ?%)"
)
# Suffixes that make a number an age when glued to it.
_GLUED_SUFFIX = r"(?:enne|yo|y/o)(?![\w/-])"
_GLUED = re.compile(r"(?<![\w./-])(\d{1,3})" + f"(?={_GLUED_SUFFIX})")
_GLUED_AFTER = re.compile(_GLUED_SUFFIX)
# "(81 J.)", "(81 yrs)", "(81 år)": a unit of years in brackets.
_BRACKET_UNIT = re.compile(
    r"\ ?(?:J|Jr|y|yrs?|år|ans|años|anos|anni|jaar|jr|lat)\.?\)", re.IGNORECASE
)
# "34 J.", "54 a.", "67 yrs": a unit of years, abbreviated, after a comma.
_COMMA_UNIT = re.compile(
    r"\ (?:J|Jr|a|yrs?|år|ans|años|anos|anni|jaar|jr|lat)\.?(?=[,;)]|\s|\Z)",
)
# A name of three letters or more, then a comma or an opening bracket.
_NAME_BEFORE = re.compile(r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ][^\W\d_]{2,}(?:,\ |\ \()\Z")
# Two capitalised words, the first a given name, before a bracket or comma.
_FULL_NAME_BEFORE = re.compile(
    r"(?<![^\W\d_])([A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ][^\W\d_]+)\ "
    r"([A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ][^\W\d_]{2,})(?:,\ |\ \()\Z"
)
_CLOSE_AFTER = re.compile(r",|\)")
_LOWER_WORD_AFTER = re.compile(r",\ [^\W\d_A-ZÀ-ÖØ-Þ]")
_TURNS_BEFORE = re.compile(
    r"(?<!\w)(?:wird|werde|wirst|turns|turned|turning|fyller|fyllde|wordt|werd"
    r"|compie|compirà|cumple|cumplirá|skończy|skończył|skończyła|faz|fará)\ \Z",
    re.IGNORECASE,
)
_CLAUSE_END_AFTER = re.compile(r"[!.?;]|,\ |\s*\Z")
# The word right before "turns", "(", or a name's comma.
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*\Z")
# Who turns an age: a pronoun or a word for a person, in the nine
# languages (lower case); "Die Firma wird 40", "Windows turns 40" name none.
_PERSON_WORD_TEXT = """
    she he i you we they sie er ich du wir elle il je tu ella él yo lei lui
    io zij ze hij ik jij ona on ja ela ele eu hon han jag
    mother father mom mum dad son daughter wife husband brother sister
    grandma grandpa grandmother grandfather child kid baby boy girl woman
    man patient friend colleague aunt uncle niece nephew
    mutter vater sohn tochter frau mann oma opa bruder schwester kind
    patientin freund freundin kollege kollegin tante onkel junge mädchen
    mère père fils fille femme mari patiente madre padre hijo hija paciente
    figlio figlia paziente moeder vader zoon dochter vrouw matka ojciec syn
    córka pacjent pacjentka mãe pai filho filha mamma pappa dotter fru
    bror syster barn kvinna patienten
"""
_PERSON_WORDS = frozenset(_PERSON_WORD_TEXT.split())
# A term or a duration that a unit in brackets measures, as the last word
# before the bracket or its end ("Vertragslaufzeit"): no one's age.
_TERMS = (
    r"(?i:term|warranty|guarantee|contract|lease|loan|mortgage|duration|period"
    r"|laufzeit|garantie|gewährleistung|vertrag|dauer|frist|kredit|miete"
    r"|durée|contrat|duración|contrato|garantía|durata|contratto|garanzia"
    r"|looptijd|okres|umowa|gwarancja|prazo|löptid|garanti|avtal)"
)
_TERM_BEFORE = re.compile(rf"{_TERMS}[^\W\d_]*\W*\Z")
# The same words right after an abbreviated unit: "Projekt Phoenix, 12 J.
# Laufzeit" measures the project, not someone's age.
_TERM_AFTER = re.compile(rf"[ \t\u00a0]+{_TERMS}[^\W\d_]{{0,2}}(?![^\W\d_])")
# How far back the shapes above can reach.
_LOOK_BACK = 40
_OLDEST = 120
# A number, and a duration word that opens on one ("seit 3", "for 20").
_DIGIT = re.compile(r"\d")
_NUMBER_NEXT = re.compile(r"[ \t\u00a0]*\d")
# What may stand between an age word and its number: "Alter: 67".
_AGE_WORD_GAP = re.compile(r"[ \t\u00a0]*:?[ \t\u00a0]*")


def _shows_age(text: str, start: int, end: int, around: Surroundings) -> bool:
    """Whether the number at ``[start, end)`` is written the way ages are."""
    before = text[max(0, start - _LOOK_BACK) : start]
    if _GLUED_AFTER.match(text, end):
        return True
    if before.endswith("(") and _BRACKET_UNIT.match(text, end):
        # "Die Patientin (81 J.)", not "Laufzeit (10 J.)".
        if _TERM_BEFORE.search(before):
            return False
        return _names_someone(before[:-1], around, nouns=True)
    turns = _TURNS_BEFORE.search(before)
    if turns:
        # "sie wird 40!", not "Die Firma wird 40."
        if _CLAUSE_END_AFTER.match(text, end) is None:
            return False
        return _names_someone(before[: turns.start()], around, nouns=True)
    if before.endswith(", ") and _COMMA_UNIT.match(text, end):
        # "Patientin, 34 J.,", "Sr. José Luis Martín-Sanz, 54 a.,": a unit
        # of years after a person and a comma.
        if _TERM_BEFORE.search(before[:-2]):
            return False
        unit = _COMMA_UNIT.match(text, end)
        if unit is not None and _TERM_AFTER.match(text, unit.end()):
            return False
        return _names_someone(before[:-2], around, nouns=True)
    if before.endswith("(") and text.startswith(")", end):
        # "El acusado J.M.G.R. (31)": a party's initials name someone.
        from gdprgate.detect.initials import ends_on_party_initials

        if ends_on_party_initials(before):
            return True
    if _NAME_BEFORE.search(before) and _CLOSE_AFTER.match(text, end):
        # "Mme Dupont, 12, rue de la Paix": a house number, not an age;
        # "Bananas, 6, apples": no one's name.
        if starts_address(text, start):
            return False
        if not _names_someone(before, around, nouns=False):
            return False
        if before.endswith("(") and _is_full_name(before):
            # "Priya Raman (36), vehicle ...": a full name and a bracket.
            return True
        return bool(_LOWER_WORD_AFTER.match(text, end)) or around.has("person")
    return False


def _names_someone(before: str, around: Surroundings, nouns: bool) -> bool:
    """Whether the text ``before`` an age's shape ends on someone: a name
    the lexicon knows, a title near ("Frau", "Mrs"), or with ``nouns`` a
    pronoun or a word for a person ("sie", "Patientin")."""
    from gdprgate.detect.gate import load_lexicon

    last = _LAST_WORD.search(before)
    if last is None:
        return False
    word = last.group(1)
    if nouns and word.lower() in _PERSON_WORDS:
        return True
    if word[:1].isupper() and word.lower() in load_lexicon().names:
        return True
    return _is_full_name(before) or around.has("person")


def _is_full_name(before: str) -> bool:
    """Whether ``before`` ends on a given name and a surname, neither of
    them an ordinary word: "Priya Raman (", not "Windows Server (" (a
    surname too), "Grace Period (" or "Mario Kart (" (a word that is no
    known person's name)."""
    from gdprgate.detect.gate import load_lexicon

    full = _FULL_NAME_BEFORE.search(before)
    if full is None:
        return False
    lexicon = load_lexicon()
    given, surname = full.group(1).lower(), full.group(2).lower()
    return (
        given in lexicon.given
        and given not in lexicon.common
        and surname not in lexicon.common
        and (surname in lexicon.people or not _product_word(surname, lexicon))
    )


# How frequent a product's word is as English, and in the median of the
# other languages, on the Zipf scale: "kart" 3.5 and 3.5; a surname that
# is a word of one language is rare elsewhere
# ("colombo" 3.5 and 3.0, "zucker", "haan", "volpe" 0).
_PRODUCT_ENGLISH = 3.5
_PRODUCT_ELSEWHERE = 3.5


def _product_word(word: str, lexicon: Lexicon) -> bool:
    """Whether lower-cased ``word`` after a given name makes a product's
    name ("Mario Kart ("): an ordinary English word that the other
    languages use as well. A surname that is an ordinary word of
    one language ("Mario Colombo (64)", "Petra Zucker (38)", "Pieter Haan
    (45)") stays a person's, and the number their age (fail closed).
    So does an English word that the other languages use less than
    English does ("Tom Castle (45)", "Anna Root (38)": "castle" 4.5 in
    English, 3.5 elsewhere): a product's word is a loan used as much
    everywhere ("kart" 3.5 and 3.5)."""
    english = lexicon.frequency(word, "en")
    elsewhere = lexicon.foreign_frequency(word, "en")
    return (
        lexicon.is_ordinary(word)
        and english >= _PRODUCT_ENGLISH
        and elsewhere >= _PRODUCT_ELSEWHERE
        and elsewhere >= english
    )


class AgeRecognizer(PatternRecognizer):
    """A number up to 120 with an age word right before or after it, or
    written the way ages are (see the module's docstring).

    The window is two words wide on either side, so "3 years of work" or
    "vor 3 Jahren" stays out; "ago" words count against it.
    """

    name = "age"
    entity = "AGE"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_AGE, _GLUED)
    starts_at = Start.DIGIT
    explanation = "a number up to 120 next to an age word or in an age's shape"
    context = "age"
    negative = "age_negative"
    negative_first = True
    score_without_context = CONTEXT_NEEDED_SCORE
    context_window = (3, 2)

    def validate(self, value: str) -> bool:
        """A plausible age in years."""
        return 0 < int(value) <= _OLDEST

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """Full for an age's shape with no duration word of its own; else
        by the age words."""
        if _quantified(text, start, end, self.context_window, languages):
            return NEGATIVE_SCORE
        around = Surroundings(text, start, end, self.context_window)
        if _shows_age(text, start, end, around):
            return self.score
        base = self.base_score(text[start:end])
        context = self.context
        if base < self.score and context is not None and around.has(context, languages):
            return self.score
        return base


def _quantified(
    text: str,
    start: int,
    end: int,
    size: tuple[int, int],
    languages: Sequence[str],
) -> bool:
    """Whether a duration word near the number at ``[start, end)`` speaks
    of it: no other number stands between them, and a word after it does
    not open on a number of its own ("67, seit 3 Jahren")."""
    pattern = context_pattern("age_negative", tuple(languages))
    if pattern is None:
        return False

    low, high = window(text, start, end, *size)
    for word in pattern.finditer(text, low, start):
        if not _DIGIT.search(text, word.end(), start):
            return True
    # After an age word right before the number ("di anni 72"), a duration
    # word beyond a comma speaks of what follows: "di anni 72, per 3 giorni".
    named = _named_by_age_word(text, start, languages)
    for word in pattern.finditer(text, end, high):
        if _DIGIT.search(text, end, word.start()):
            continue
        if named and "," in text[end : word.start()]:
            continue
        if not _NUMBER_NEXT.match(text, word.end()):
            return True
    return False


def _named_by_age_word(text: str, start: int, languages: Sequence[str]) -> bool:
    """Whether an age word ends right before ``start``: "di anni 72",
    "Alter: 67", "aged 40"."""
    return word_right_before(text, start, "age", languages, _AGE_WORD_GAP, _LOOK_BACK)


# Right after a full name: "(58)", or ", 58," before a word in lower case.
_AGE_IN_BRACKETS_AFTER = re.compile(r"\ \((\d{1,3})\)")
_AGE_IN_COMMAS_AFTER = re.compile(r",\ (\d{1,3})" + _LOWER_WORD_AFTER.pattern)
# A full name: two capitalised words or more, hyphens and particles inside.
_FULL_NAME = re.compile(
    r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ][^\W\d_]+(?:-[^\W\d_]+)*"
    r"(?:\ (?:[a-zà-ÿ]{1,4}\ ){0,2}[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČ][^\W\d_]+(?:-[^\W\d_]+)*)+"
)
AGE_AFTER_NAME_SOURCE = "pattern:age-after-name"
AGE_AFTER_NAME_SCORE = 0.85


def ages_after_full_names(
    text: str,
    findings: Sequence[Finding],
    lexicon: Lexicon,
    allowed: Callable[[str], bool] = lambda value: False,
) -> list[Finding]:
    """``findings`` (sorted, apart) with the age right after a person's
    full name that a model found: "Uwe Nebel (58) wurde befragt", "Marco
    Ferro, 39, è stato visto". The recognizer's own shapes need a name the
    lexicon knows (:func:`_is_full_name`); "Nebel" and "Ferro" are
    ordinary words, so there only the model tells a person.

    The name has two capitalised words or more, the last no product's word
    ("Mario Kart (64)", see :func:`_product_word`); a lone surname is left
    alone ("Smith (2)" cites a work). The comma form needs a lower-case
    word after the second comma and no address ("Mme Dupont, 12, rue").
    A number ``allowed`` holds (the allow-list) is left alone.
    """
    added: list[Finding] = []
    for index, finding in enumerate(findings):
        if finding.entity != "PERSON":
            continue
        name = text[finding.start : finding.end]
        if _FULL_NAME.fullmatch(name) is None:
            continue
        if _product_word(name.split()[-1].lower(), lexicon):
            continue
        shape = _AGE_IN_BRACKETS_AFTER.match(text, finding.end)
        if shape is None:
            shape = _AGE_IN_COMMAS_AFTER.match(text, finding.end)
            if shape is None or starts_address(text, shape.start(1)):
                continue
        start, end = shape.span(1)
        if not 0 < int(shape.group(1)) <= _OLDEST or allowed(shape.group(1)):
            continue
        following = findings[index + 1] if index + 1 < len(findings) else None
        if following is not None and following.start < end:
            continue  # the number is already found (as an age or otherwise)
        added.append(
            Finding(start, end, "AGE", AGE_AFTER_NAME_SCORE, AGE_AFTER_NAME_SOURCE)
        )
    if not added:
        return list(findings)
    return sorted([*findings, *added], key=lambda f: f.start)
