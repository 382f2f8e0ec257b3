"""Which sentences the model layers read.

Rampart and spaCy cost tens of milliseconds a kilobyte; the pattern layer
costs a few. Most of a chat prompt is ordinary prose ("I would like to
change the delivery address for my last order") that holds nothing a name
or place model could find. The gate hands the model layers only the
sentences that might, with some context around them.

A sentence is skipped when it holds no digit and every word in it is an
ordinary word written in lower case. The first word of a sentence (in
German, any noun) may be capitalised when it is an ordinary word that is
not also a name ("Thank", "Rechnung", but not "Paris" or "Thomas"). Inside
a sentence, a capitalised given name ("Hans", also Swedish for "his") or a
capitalised word after a form of address ("Herr Bülow", where "Bülow" is
frequent in German text) sends the sentence on.

Ordinary words are the most frequent words of nine languages (``wordfreq``)
less the names of people and places that ``Faker`` knows for European
locales, so "thomas müller" or "anna" in lower case still go to the
models. A name that is among the few hundred most frequent words of a
language ("will", "may", "long") stays ordinary in lower case. Any other
word, any capital letter, any digit or any script the lexicon does not hold
sends the sentence on.

Each sentence that goes on takes about 40 characters of context each side;
pieces that touch are read as one. The detector moves the findings back to
offsets in the full text.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import os
import pkgutil
import re
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gdprgate.detect.finding import Finding
from gdprgate.detect.lists import SOURCE as DENY_SOURCE
from gdprgate.detect.polish_forms import (
    POLISH_GIVEN,
    POLISH_SURNAMES,
    given_name_forms,
    polish_forms,
)
from gdprgate.detect.rampart_int8 import cache_dir
from gdprgate.detect.titles import TITLE_WORDS
from gdprgate.errors import ModelUnavailable

# Languages whose frequent words count as ordinary prose.
LEXICON_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv")
# Languages that capitalise every noun.
CAPITALISED_NOUNS = frozenset({"de"})
# How many of each language's most frequent words.
LEXICON_SIZE = 30_000
# A capitalised first word counts as ordinary only among this many of the
# most frequent words of a language.
COMMON_RANK = 3000
# A name this frequent as a word is a frequent name (see Lexicon); the
# commonest surnames rank lower ("andersson" 1306th in Swedish, "garcía"
# 1291st in Spanish, "justice" 627th in French).
FREQUENT_NAME_RANK = 1000
# A name this frequent as a word stays ordinary in lower case.
NAME_AS_WORD_RANK = 400
# Faker locales whose names count (their language part).
_NAME_LOCALE_LIST = """
en de fr es it nl pl pt sv da fi no nb cs sk hu ro hr sl et lv lt ga tr
el bg
"""
NAME_LOCALES = frozenset(_NAME_LOCALE_LIST.split())
# Lower-case words that join the parts of a name.
_PARTICLE_LIST = "von van der den de del della di da dos das du la le zu af ten ter"
NAME_PARTICLES = frozenset(_PARTICLE_LIST.split())
# Particles that are also German articles: alone (not after "von" or
# "van") they open a noun in German text ("Kurt Miller den PSA-Test").
GERMAN_ARTICLE_PARTICLES = frozenset({"der", "den", "des", "das", "dem"})
# Characters of context a piece takes on each side.
CONTEXT_CHARS = 40
# Pieces closer than this many characters are read as one.
JOIN_GAP = 40
# Bump when the recipe of the lexicon changes: cached files are rebuilt.
RECIPE = 23

_SPACED = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
# Findings of the models that may run on into lower-case words.
_PLACES = frozenset({"LOCATION", "ORGANIZATION"})
_MODELS = frozenset({"rampart", "spacy"})
# Sources whose findings a field's label or column header vouches for
# ("First name: Will", "Will" under ``first_name``): no word of theirs is
# dropped as an ordinary word.
FIELD_SOURCES = frozenset({"pattern:labelled_value", "pattern:table_column"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A sentence ends at ., ! or ? (with closing quotes or brackets) followed by
# white space, or at a line break. A short capitalised word before a full
# stop ("Mr.", "Dr.", "J.") is an abbreviation, not an end.
_END = re.compile(r"[.!?…]+[\"'’”)\]]*\s+|\n\s*")

# Abbreviations of three letters or more that stand before a name.
_TITLE_LIST = """
Mrs Mme Mlle Sra Srta Sig Dott Prof Ing Dipl Gen Col Capt Sgt Rev Hon
"""
_TITLES = frozenset(_TITLE_LIST.split())


@dataclass(frozen=True)
class Lexicon:
    """Ordinary words, and the names of people and places (lower case).

    ``given`` holds the given names alone (see
    :mod:`gdprgate.detect.name_rules`), ``places`` the one-word places
    (countries, regions, cities) of the same Faker locales, and
    ``frequent_names`` the names that are also among the
    :data:`FREQUENT_NAME_RANK` most frequent words of a language
    ("justice", "mercado", "sales"; not "andersson" or "garcía", frequent
    as names); ``common_names`` those among the :data:`COMMON_RANK` most
    frequent ("mark", "bill", "grace", "andersson"); ``frequent`` the
    :data:`FREQUENT_NAME_RANK` most frequent words of each language that
    are no names, with the stop words ("chegou", "ieri", "sa");
    ``people`` the names of people alone, without places; ``local_words``
    the words among a language's :data:`COMMON_RANK` most frequent that no
    Faker locale of that language has as a person's name (German "liga",
    English "mark"; not "rossi", frequent in Italian because people bear it).

    ``frequencies`` holds, for every word among a language's
    :data:`LEXICON_SIZE` most frequent, how frequent it is in each of
    :data:`LEXICON_LANGUAGES` (see :meth:`frequency`). A famous surname is
    about as frequent in every language ("merkel", "obama"); an ordinary
    noun is frequent in its own language only ("kopf", "forscher").
    """

    words: frozenset[str]
    names: frozenset[str]
    common: frozenset[str]
    given: frozenset[str]
    places: frozenset[str] = frozenset()
    frequent_names: frozenset[str] = frozenset()
    common_names: frozenset[str] = frozenset()
    frequent: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    local_words: frozenset[str] = frozenset()
    frequencies: Mapping[str, str] = field(default_factory=dict, hash=False)

    def is_ordinary(self, word: str) -> bool:
        """Whether lower-cased ``word`` is an ordinary word and no known name."""
        return word in self.words and word not in self.names

    def frequency(self, word: str, language: str) -> float:
        """How frequent lower-cased ``word`` is in ``language``, on the Zipf
        scale (3: once per million words; 0: not among the language's
        :data:`LEXICON_SIZE` most frequent words, or a language the lexicon
        does not hold)."""
        code = self.frequencies.get(word)
        if code is None or language not in LEXICON_LANGUAGES:
            return 0.0
        return _zipf(code[LEXICON_LANGUAGES.index(language)])

    def foreign_frequency(self, word: str, language: str) -> float:
        """The median of :meth:`frequency` over the lexicon's languages other
        than ``language``."""
        code = self.frequencies.get(word)
        if code is None:
            return 0.0
        others = sorted(
            _zipf(char)
            for other, char in zip(LEXICON_LANGUAGES, code, strict=True)
            if other != language
        )
        return others[len(others) // 2]


def german_noun(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` reads as a German noun: a frequent German word that
    is no name, a hyphenated word with such a part ("PSA-Test"), or a
    compound ending in one ("Abschlussbericht"). Without frequencies in the
    lexicon, an ordinary word of any language counts."""

    def plain(part: str) -> bool:
        return lexicon.is_ordinary(part) and (
            not lexicon.frequencies or lexicon.frequency(part, "de") > 0
        )

    parts = word.lower().split("-")
    if any(plain(part) for part in parts):
        return True
    last = parts[-1]
    return len(last) >= 8 and any(plain(last[cut:]) for cut in range(3, len(last) - 3))


# A frequency is kept as one character per language: half steps of the Zipf
# scale above "0" (0.0) up to "@" (8.0).
_ZIPF_STEPS = 2
_ZIPF_TOP = 16


def _zipf(char: str) -> float:
    """The Zipf frequency one character of :attr:`Lexicon.frequencies` keeps."""
    return (ord(char) - ord("0")) / _ZIPF_STEPS


def _zipf_char(zipf: float) -> str:
    """The character that keeps ``zipf`` (see :func:`_zipf`)."""
    return chr(ord("0") + max(0, min(_ZIPF_TOP, round(zipf * _ZIPF_STEPS))))


_lexicon_lock = threading.Lock()
_lexicon: Lexicon | None = None


def load_lexicon(cache: str | None = None) -> Lexicon:
    """The process-wide lexicon.

    Building it reads every Faker locale and takes seconds, so the result
    is kept as a text file in ``cache`` (default: the user cache), named
    after the versions it was built from.
    """
    global _lexicon
    with _lexicon_lock:
        if _lexicon is None:
            _lexicon = _cached_lexicon(Path(cache) if cache else cache_dir())
        return _lexicon


def _cached_lexicon(folder: Path) -> Lexicon:
    """The lexicon from ``folder``, built and written there when missing."""
    try:
        versions = [importlib.metadata.version(p) for p in ("wordfreq", "faker")]
    except importlib.metadata.PackageNotFoundError as exc:
        msg = "the model gate needs wordfreq and Faker: `pip install 'gdprgate[ner]'`"
        raise ModelUnavailable(msg) from exc
    recipe = repr((versions, LEXICON_LANGUAGES, LEXICON_SIZE, RECIPE)).encode()
    target = folder / f"lexicon-{hashlib.sha256(recipe).hexdigest()[:16]}.txt"
    try:
        sections = target.read_text("utf-8").split("\n\n")
        if len(sections) == 11:
            kept = [frozenset(s.split("\n")) for s in sections[:10]]
            words, names, common, given, places, *rest = kept
            frequent_names, common_names, frequent, people, local_words = rest
            return Lexicon(
                words,
                names,
                common,
                given,
                places,
                frequent_names,
                common_names,
                frequent,
                people,
                local_words,
                _read_frequencies(sections[10]),
            )
    except OSError:
        pass
    lexicon = build_lexicon(LEXICON_LANGUAGES, LEXICON_SIZE)
    sets = (
        lexicon.words,
        lexicon.names,
        lexicon.common,
        lexicon.given,
        lexicon.places,
        lexicon.frequent_names,
        lexicon.common_names,
        lexicon.frequent,
        lexicon.people,
        lexicon.local_words,
    )
    frequencies = (f"{word}\t{code}" for word, code in lexicon.frequencies.items())
    parts = ["\n".join(sorted(s)) for s in sets] + ["\n".join(sorted(frequencies))]
    _write_atomically(target, "\n\n".join(parts))
    return lexicon


def _read_frequencies(section: str) -> dict[str, str]:
    """The :attr:`Lexicon.frequencies` a cached file keeps, a word and its
    code per line."""
    pairs = (line.partition("\t") for line in section.split("\n"))
    return {word: code for word, _, code in pairs if code}


def _write_atomically(target: Path, content: str) -> None:
    """Write ``content`` to ``target`` whole or not at all."""
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp"
        ) as handle:
            temporary = handle.name
            handle.write(content)
        os.replace(temporary, target)
    except OSError:
        # A read-only or full cache only costs the next start the same time.
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def build_lexicon(languages: Iterable[str], size: int) -> Lexicon:
    """Ordinary words of ``languages`` and the names that are not."""
    try:
        import wordfreq
    except ImportError as exc:
        msg = "the model gate needs wordfreq: `pip install 'gdprgate[ner]'`"
        raise ModelUnavailable(msg) from exc
    languages = tuple(languages)
    words: set[str] = set()
    very_frequent: set[str] = set()
    common: set[str] = set()
    among_words: set[str] = set()
    common_words: set[str] = set()
    per_language: list[set[str]] = []
    zipf: dict[str, list[float]] = {}
    people = _name_locales(_person_list, places=False)
    local_words: set[str] = set()
    polish_frequent: set[str] = set()
    for language in languages:
        ranked = _with_eszett(
            [word.lower() for word in wordfreq.top_n_list(language, size)], language
        )
        per_language.append(set(ranked))
        for word in ranked:
            row = zipf.setdefault(word, [0.0] * len(LEXICON_LANGUAGES))
            if language in LEXICON_LANGUAGES:
                index = LEXICON_LANGUAGES.index(language)
                row[index] = max(row[index], wordfreq.zipf_frequency(word, language))
        if language == "pl":
            polish_frequent = set(ranked[:FREQUENT_NAME_RANK])
        own = _with_and_without_accents(
            name
            for name, where in people.items()
            if any(locale.split("_")[0] == language for locale in where)
        )
        local_words.update(word for word in ranked[:COMMON_RANK] if word not in own)
        words.update(ranked)
        very_frequent.update(ranked[:NAME_AS_WORD_RANK])
        common.update(ranked[:COMMON_RANK])
        common_words.update(ranked[:COMMON_RANK])
        among_words.update(ranked[:FREQUENT_NAME_RANK])
    # Function words are never names, even where some locale uses them as
    # one ("my", "can", "will", "Sie").
    stops = stop_words(languages)
    polish_given, polish = _polish_names(polish_frequent | stops)
    names = (known_names() | polish) - stops
    # A surname Faker writes with "ss" is written with "ß" too ("Voss",
    # "Voß"): the ß form the ordinary words gained is a name as well.
    names |= {name.replace("ss", "ß") for name in names if "ss" in name}
    ordinary = (words - (names - very_frequent)) | stops
    return Lexicon(
        frozenset(ordinary),
        frozenset(names),
        frozenset((common - names) | stops),
        # Stop words stay: "Hans" (Swedish "his") is still a given name when
        # a model found it as a name (see name_rules.extend_given_names).
        frozenset(given_names(per_language) | polish_given),
        frozenset(place_names() - stops),
        frozenset(names & among_words),
        frozenset(names & common_words),
        frozenset((among_words - names) | stops),
        frozenset(_with_and_without_accents(people.keys() | polish) - stops),
        frozenset(local_words),
        {word: "".join(map(_zipf_char, row)) for word, row in zipf.items()},
    )


def _with_eszett(ranked: list[str], language: str) -> list[str]:
    """``ranked`` with each German word that wordfreq folds to "ss" also in
    its written form right after it ("strasse", "straße"; "liess", "ließ"):
    wordfreq case-folds "ß", text keeps it."""
    if language != "de":
        return ranked
    written = []
    for word in ranked:
        written.append(word)
        if "ss" in word:
            written.append(word.replace("ss", "ß"))
    return written


def _polish_names(frequent: set[str]) -> tuple[set[str], set[str]]:
    """Polish given names and the inflected forms of Polish names (see
    :mod:`gdprgate.detect.polish_forms`), less the ``frequent`` words
    ("idzie", "goes", is also a case of "Ida"), each also without accents:
    the given names and their forms, and every form with the given names.
    """
    try:
        from faker.providers.person.pl_PL import Provider
    except ImportError as exc:
        msg = "the model gate needs Faker: `pip install 'gdprgate[ner]'`"
        raise ModelUnavailable(msg) from exc
    lists = vars(Provider)
    given = set(POLISH_GIVEN)
    surnames = set(POLISH_SURNAMES)
    for attribute, value in lists.items():
        if isinstance(value, _COLLECTIONS) and _given_list(attribute):
            given.update(_one_words(value))
        elif isinstance(value, _COLLECTIONS) and "last_name" in attribute:
            surnames.update(_one_words(value))
    given_forms = {form for name in given for form in given_name_forms(name)}
    given_all = (given | given_forms) - frequent
    every = (given | polish_forms(given, surnames)) - frequent
    return _with_and_without_accents(given_all), _with_and_without_accents(every)


def stop_words(languages: Iterable[str]) -> set[str]:
    """spaCy's stop words of ``languages`` (the ones spaCy has)."""
    words: set[str] = set()
    for language in languages:
        try:
            module = importlib.import_module(f"spacy.lang.{language}.stop_words")
        except ImportError:
            continue
        words.update(word.lower() for word in module.STOP_WORDS)
    return words


def known_names() -> set[str]:
    """Lower-cased names Faker knows for European locales: people, places.

    First and last names, and one-word countries, regions and cities, each
    also without its accents ("vitória" and "vitoria").
    """
    names = set(_name_locales(_person_list, places=True))
    return names | {_without_accents(name) for name in names}


def place_names() -> set[str]:
    """Lower-cased one-word places Faker knows for European locales, each
    also without its accents."""
    places = set(_name_locales(lambda attribute: False, places=True))
    return places | {_without_accents(place) for place in places}


def given_names(frequent: Sequence[set[str]]) -> set[str]:
    """Lower-cased given names that are names rather than words.

    ``frequent`` holds each language's frequent words. A given name of one
    locale's list only that is a frequent word in two languages or more
    ("red", "hall", "jet") is left out: single lists hold odd entries.
    """
    locales = _name_locales(_given_list, places=False)
    names = {
        name
        for name, where in locales.items()
        if len(where) >= 2 or sum(name in words for words in frequent) < 2
    }
    return names | {_without_accents(name) for name in names}


def _name_locales(people: Callable[[str], bool], places: bool) -> dict[str, set[str]]:
    """Each lower-cased one-word name of the lists picked, and the Faker
    locales that list it (people: by attribute name; places: or not)."""
    try:
        import faker.providers.address as address
        import faker.providers.person as person
    except ImportError as exc:
        msg = "the model gate needs Faker: `pip install 'gdprgate[ner]'`"
        raise ModelUnavailable(msg) from exc
    names: dict[str, set[str]] = {}
    sources = [(person, people)] + ([(address, _place_list)] if places else [])
    for package, wanted in sources:
        for module_info in pkgutil.iter_modules(package.__path__):
            if module_info.name.split("_")[0] not in NAME_LOCALES:
                continue
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            provider = getattr(module, "Provider", None)
            for attribute, value in vars(provider).items() if provider else ():
                if wanted(attribute) and isinstance(value, _COLLECTIONS):
                    for name in _one_words(value):
                        names.setdefault(name, set()).add(module_info.name)
    if people("first_name"):
        for locale, listed in _MORE_GIVEN.items():
            for name in listed.split():
                names.setdefault(name, set()).add(locale)
    return names


# Everyday given names and short forms that Faker's lists lack, by the
# locale they count for ("Kees", "Pelle", "Paco").
_MORE_GIVEN = {
    "nl_NL": "kees piet ruud joop truus sjaak toon jos ger",
    "sv_SE": "pelle nisse olle bosse kalle lasse janne",
    "es_ES": "pepe paco nacho quique chema",
    "pt_PT": "zé quim",
    "it_IT": "gigi beppe pino",
}


def _one_words(values: Iterable[object]) -> Iterator[str]:
    """The lower-cased one-word strings among ``values``."""
    for value in values:
        if isinstance(value, str) and value and " " not in value:
            yield value.lower()


def _with_and_without_accents(words: Iterable[str]) -> set[str]:
    """``words``, each also without its accents."""
    return {variant for word in words for variant in (word, _without_accents(word))}


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _person_list(attribute: str) -> bool:
    return "name" in attribute


def _given_list(attribute: str) -> bool:
    return "first_name" in attribute


def _place_list(attribute: str) -> bool:
    return attribute in _PLACE_ATTRIBUTES


_COLLECTIONS = (list, tuple, dict, set, frozenset)
_PLACE_ATTRIBUTE_LIST = """
countries cities city_names real_city_names towns villages settlements
states regions region_names provinces counties departments districts
metropolitan_cities places localities
"""
_PLACE_ATTRIBUTES = frozenset(_PLACE_ATTRIBUTE_LIST.split())


def caseless(text: str) -> bool:
    """Whether ``text`` is written without case: all in capitals, or in
    lower case but for the first letter of a sentence (a phone keyboard's
    capital) and the English "I". Its capitals then say nothing about
    which words are names (see :mod:`gdprgate.detect.caseless`)."""
    if text.isupper():
        return True
    if text.islower():
        return True
    if not any(char.islower() for char in text):
        return False
    for match in _LETTERS.finditer(text):
        word = match.group()
        if word == "I" or not any(char.isupper() for char in word):
            continue
        if not word[1:].islower() and len(word) > 1:
            return False
        before = text[: match.start()].rstrip(" \t\"'“„«(¿¡")
        if before and before[-1] not in ".!?…:\n":
            return False
    return True


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of a sentence."""
    before = text[:start].rstrip(" \t\"'“„«(¿¡")
    return not before or before[-1] in ".!?…:;\n"


def _particle(word: str) -> bool:
    """Whether ``word`` joins the parts of a name ("van", "de", "von")."""
    return word in NAME_PARTICLES


def sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text``, trailing space included."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _END.finditer(text):
        stop = end.end()
        if text[end.start()] == "." and _abbreviation(text, start, end.start()):
            continue
        spans.append((start, stop))
        start = stop
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _abbreviation(text: str, start: int, dot: int) -> bool:
    """Whether the word before the full stop at ``dot`` is like "Mr" or "J"."""
    first = dot
    while first > start and dot - first <= 5 and text[first - 1].isalpha():
        first -= 1
    word = text[first:dot]
    if first > start and text[first - 1].isalpha():
        return False  # a longer word
    return bool(word) and word[0].isupper() and (len(word) <= 2 or word in _TITLES)


class ModelGate:
    """Picks the pieces of a text worth a model's time (see module doc)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words = lexicon.words
        self.names = lexicon.names
        self.common = lexicon.common

    def needs_model(self, sentence: str, language: str = "en") -> bool:
        """Whether ``sentence`` could hold something a model would find."""
        if any(char.isdigit() for char in sentence):
            return True
        capitalised_nouns = language in CAPITALISED_NOUNS
        first = True
        previous = ""
        for match in _WORD.finditer(sentence):
            word = match.group()
            lower = word.lower()
            if lower not in self.words:
                return True
            if word != lower and (
                not self._capital_allowed(word, lower, first, capitalised_nouns)
                or previous in TITLE_WORDS
                or (not first and lower in self.lexicon.given and word != "I")
            ):
                return True
            first = False
            previous = lower
        return False

    def _capital_allowed(
        self, word: str, lower: str, first: bool, capitalised_nouns: bool
    ) -> bool:
        """Whether a capitalised ordinary word is no reason to run a model.

        The first word of a sentence must be among the most frequent words
        ("Thank", "Please", not "Kühn"); in German any noun may be
        capitalised. Neither may be a known name.
        """
        if word == "I":
            return True
        if word.isupper() and len(word) > 1:
            return False
        if lower in self.names:
            return False
        return capitalised_nouns or (first and lower in self.common)

    def drop_ordinary_words(
        self, text: str, findings: Sequence[Finding]
    ) -> list[Finding]:
        """``findings`` without names in lower case whose every word is an
        ordinary word and no known name ("danke", "merci", "vill göra").

        A lower-case word the lexicon lacks, or that is a known first or
        last name ("thomas"), stays. In text written without case (see
        :func:`caseless`: all in capitals, or in lower case but for the
        first letter of a sentence) a name is read in lower case
        ("GLEICH" is an ordinary word), and the model runs a name on into
        the frequent word before or after it ("ieri anna lind ligou"): such
        a word at either end of a name of three words or more is cut off,
        as long as two words and no particle at an end remain ("emma van
        waas" stays whole). In text that has case, a place or organisation
        a model found loses the ordinary lower-case words at its end
        ("Uppsala i vår"), and is dropped when it is nothing else ("à la
        gare").
        """
        kept: list[Finding] = []
        cased = not caseless(text)
        # Places: only a text all in one case hides which words are names.
        one_case = text.islower() or text.isupper()
        for finding in findings:
            value = text[finding.start : finding.end]
            if finding.source in FIELD_SOURCES:
                pass
            elif finding.entity == "PERSON":
                if self._ordinary_lower(value if cased else value.lower()):
                    continue
                finding = (
                    self._trimmed(text, finding)
                    if not cased
                    else self._without_lower_edges(text, finding)
                )
            elif (
                not one_case and finding.entity in _PLACES and finding.source in _MODELS
            ):
                place = self._without_lower_tail(text, finding)
                if place is None:
                    continue
                finding = place
            kept.append(finding)
        return kept

    def _without_lower_tail(self, text: str, finding: Finding) -> Finding | None:
        """A model's place or organisation in text that has case, without
        the ordinary lower-case words it ran on into ("Uppsala i vår"):
        ``None`` when it is nothing else ("la gare")."""
        words = [
            (m.start() + finding.start, m.end() + finding.start)
            for m in _SPACED.finditer(text[finding.start : finding.end])
        ]
        while words and self._ordinary_word(text[words[-1][0] : words[-1][1]]):
            words.pop()
        if not words:
            return None
        end = words[-1][1]
        if end == finding.end:
            return finding
        return Finding(
            finding.start, end, finding.entity, finding.score, finding.source
        )

    def _without_lower_edges(self, text: str, finding: Finding) -> Finding:
        """A name in text that has case without the lower-case words at its
        ends that are ordinary or frequent words ("deep Gunnar Ollenbrink"),
        and without a sentence's first word that is one of a language's most
        frequent words ("Ieri Chiaramonte") or of its 3,000 most frequent
        before a given name ("Mail Annika Vesterholm"), when capitalised
        words remain;
        particles stay ("Gerrit van de Wal"), and so does a lower-case given
        name ("gunnar Ollenbrink")."""
        words = [
            (m.start() + finding.start, m.end() + finding.start)
            for m in _SPACED.finditer(text[finding.start : finding.end])
        ]
        if not any(text[s:e][:1].isupper() for s, e in words):
            return finding

        def word_only(index: int) -> bool:
            word = text[words[index][0] : words[index][1]]
            return (
                word.isalpha()
                and word.islower()
                and not _particle(word)
                and (
                    self.lexicon.is_ordinary(word) or word in self.lexicon.common_names
                )
            )

        while len(words) > 1 and word_only(0):
            words.pop(0)
        while len(words) > 1 and word_only(-1):
            words.pop()
        first = text[words[0][0] : words[0][1]]
        second = text[words[1][0] : words[1][1]].lower() if len(words) > 1 else ""
        if (
            len(words) > 1
            and first.isalpha()
            and (
                first.lower() in self.lexicon.frequent
                # A less frequent word before a given name ("Mail Annika
                # Vesterholm at ...").
                or (first.lower() in self.common and second in self.lexicon.given)
            )
            and opens_sentence(text, words[0][0])
        ):
            # A sentence's first word, capitalised only for that, that the
            # uncased model read into the name ("Ieri Chiaramonte ha detto").
            words.pop(0)
        start, end = words[0][0], words[-1][1]
        if (start, end) == (finding.start, finding.end):
            return finding
        return Finding(start, end, finding.entity, finding.score, finding.source)

    def trim_caseless_names(
        self, text: str, findings: Sequence[Finding]
    ) -> list[Finding]:
        """In text without case, each ``PERSON`` without the frequent words
        at its ends (see :meth:`_trimmed`): run again after the name rules
        joined a model's name ("johansson imorgon") to a given name."""
        if not caseless(text):
            return list(findings)
        return [
            self._trimmed(text, f)
            if f.entity == "PERSON" and f.source != DENY_SOURCE
            else f
            for f in findings
        ]

    def _trimmed(self, text: str, finding: Finding) -> Finding:
        """A name in text without case, without the frequent words the
        model ran it into."""
        words = [
            (m.start() + finding.start, m.end() + finding.start)
            for m in _SPACED.finditer(text[finding.start : finding.end])
        ]
        while len(words) > 2:
            first, last = words[0], words[-1]
            if self._cuttable(text[last[0] : last[1]]) and not _particle(
                text[words[-2][0] : words[-2][1]].lower()
            ):
                words.pop()
            elif self._cuttable(text[first[0] : first[1]]) and not _particle(
                text[words[1][0] : words[1][1]].lower()
            ):
                words.pop(0)
            else:
                break
        start, end = words[0][0], words[-1][1]
        if (start, end) == (finding.start, finding.end):
            return finding
        return Finding(start, end, finding.entity, finding.score, finding.source)

    def _cuttable(self, word: str) -> bool:
        """One of a language's most frequent words ("chegou", "ieri"), no
        name and no particle, that may leave a name. Less frequent words
        stay: a surname may be one ("mary jane sweet")."""
        lower = word.lower()
        return not _particle(lower) and lower in self.lexicon.frequent

    def _ordinary_word(self, word: str) -> bool:
        """A lower-case word of letters that is ordinary and no name."""
        return word.isalpha() and self._ordinary_lower(word)

    def _ordinary_lower(self, value: str) -> bool:
        """Whether ``value`` is lower-case words, each ordinary and no name."""
        if not value.islower():
            return False
        words = value.split()
        return bool(words) and all(
            _WORD.fullmatch(word) is not None and self.lexicon.is_ordinary(word)
            for word in words
        )

    def pieces(self, text: str, language: str = "en") -> list[tuple[int, int]]:
        """``[start, end)`` ranges of ``text`` the models should read.

        Each sentence that goes on takes up to :data:`CONTEXT_CHARS` of the
        text around it (cut at white space), since the models read a name
        better with the words before and after it.
        """
        pieces: list[tuple[int, int]] = []
        for start, end in sentences(text):
            if not self.needs_model(text[start:end], language):
                continue
            start, end = _with_context(text, start, end)
            if pieces and start - pieces[-1][1] < JOIN_GAP:
                pieces[-1] = (pieces[-1][0], max(end, pieces[-1][1]))
            else:
                pieces.append((start, end))
        return pieces


def _with_context(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened by about :data:`CONTEXT_CHARS` each side."""
    if start > 0:
        low = max(0, start - CONTEXT_CHARS)
        space = _first_space(text, low, start)
        start = low if low == 0 else (space + 1 if space >= 0 else start)
    if end < len(text):
        high = min(len(text), end + CONTEXT_CHARS)
        space = text.rfind(" ", end, high) if high < len(text) else high
        end = high if high == len(text) else (space if space > end else end)
    return start, end


def _first_space(text: str, low: int, high: int) -> int:
    """The first white space in ``text[low:high]`` (-1 when none)."""
    for index in range(low, high):
        if text[index].isspace():
            return index
    return -1
