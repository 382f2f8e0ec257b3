"""A small guess at the language of a text, from its common words.

Nine languages: the six with spaCy or context-word support and Portuguese,
Swedish and Polish, so that their text is not read as English (spaCy's
English pipeline would run on it) and scrubbed values get fakes of their
locale.

With ``wordfreq`` installed (the ``ner`` extra, which the model layers need
anyway) each word votes with how common it is in each language: the
:data:`TABLE_WORDS` most frequent words of every language, ranked, give a
log-probability per language (Zipf's law: a word's frequency falls with
its rank), and the language with the highest sum wins. Lower-case words
vote in full, capitalised ones at :data:`CAPITAL_WEIGHT`: they are often
names and places, whose language says little about the text's. English,
the default, gives way only to a language ahead by :data:`MARGIN`, so that
a few foreign place names in an English address do not turn it. Without
``wordfreq``, a short list of function words per language counts instead.

Measured on dev splits (share of texts guessed right; the function words
alone in brackets): presidio-research synth en 0.989 (0.987), GermEval
2014 dev de 0.999 (0.964), ECHR manual dev es 0.972 (0.713) and fr 0.939
(0.896). Good enough to pick the spaCy pipeline and the cache key; it is
not a language identifier. Texts without any known word count as English.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import threading

import numpy as np
import numpy.typing as npt

SUPPORTED_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "sv", "pl")
DEFAULT_LANGUAGE = "en"

# Only the first words are read: the function words of a language show up
# quickly, and a long text should not cost more to guess.
_MAX_WORDS = 2000
_WORD = re.compile(r"[^\W\d_]+")


def _wordset(words: str) -> frozenset[str]:
    """The space-separated words of ``words``."""
    return frozenset(words.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        "the and is are was were of to with that this you have for it not be "
        "from at will would please your my we they what which thank thanks "
        "dear regards lives live name"
    ),
    "de": _wordset(
        "der die das und ist sind nicht ein eine mit ich sie wir auf für von "
        "zu den dem des auch bitte danke mein meine ihre ihr bei sehr geehrte "
        "hallo aus wie noch wohnt wohne heiße"
    ),
    "fr": _wordset(
        "le la les et est sont pas un une avec je vous nous pour dans du des "
        "au aux que qui sur ce cette mon ma merci bonjour habite il elle "
        "appelle"
    ),
    "es": _wordset(
        "el los las y es son con por para una yo usted del que muy gracias "
        "hola mi su se como pero vivo llamo está calle"
    ),
    "it": _wordset(
        "il lo gli e è sono non con per una io lei noi della che di ciao "
        "grazie mi abito chiamo questo anche sig"
    ),
    "nl": _wordset(
        "de het een en is zijn niet met ik je wij voor van op dat naam mijn "
        "woon woont hallo bedankt ook maar bij uit wordt"
    ),
    # No word that is also English ("do", "as", "to", "men", "till"), nor
    # German "nie": those would pull English or German text away.
    "pt": _wordset(
        "não de os um uma com para que da dos das em na é são eu você obrigado "
        "obrigada olá meu minha seu sua muito também mas moro chamo ao pelo"
    ),
    "sv": _wordset(
        "och är inte ett jag vi för på av som det att har hej tack mitt heter "
        "också med bor min din hur"
    ),
    "pl": _wordset(
        "w z na jest są się że dla jak ale czy jestem mam proszę dziękuję "
        "cześć mój moja mieszkam nazywam od"
    ),
}


# Three-letter codes (ISO 639-2/T and /B) and English names of the
# languages with their own rules, to their two-letter codes.
_ALIASES = {
    alias: code
    for code, aliases in {
        "en": "eng english",
        "de": "deu ger german deutsch",
        "fr": "fra fre french français francais",
        "es": "spa spanish español espanol",
        "it": "ita italian italiano",
        "nl": "nld dut dutch nederlands",
        "pl": "pol polish polski",
        "pt": "por portuguese português portugues",
        "sv": "swe swedish svenska",
    }.items()
    for alias in aliases.split()
}


def normalize_language(language: str) -> str:
    """``"en-GB"``, ``"EN"`` and ``"en_US"`` all become ``"en"``; so do
    ``"eng"`` and ``"English"`` (and the like for the other languages with
    rules of their own, such as ``"deu"`` and ``"german"`` for ``"de"``)."""
    code = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
    return _ALIASES.get(code, code)


# Each function word and the languages it belongs to, in the order of
# SUPPORTED_LANGUAGES: one look-up per word of the text.
_LANGUAGES_OF: dict[str, tuple[int, ...]] = {}
for _index, _language in enumerate(SUPPORTED_LANGUAGES):
    for _word in _STOPWORDS[_language]:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _index)


# Words per language in the frequency table, how much a capitalised word's
# vote counts, and the lead (in nats) another language needs over English;
# chosen on the dev splits named above.
TABLE_WORDS = 5000
CAPITAL_WEIGHT = 0.5
MARGIN = 3.0

_table_lock = threading.Lock()


@functools.cache
def _frequency_table() -> tuple[dict[str, int], npt.NDArray[np.float32]] | None:
    """Each known word's row, and per row the log-probability of the word
    in each supported language; ``None`` without ``wordfreq``."""
    try:
        import wordfreq
    except ImportError:
        return None
    rows: dict[str, int] = {}
    ranked = [wordfreq.top_n_list(lang, TABLE_WORDS) for lang in SUPPORTED_LANGUAGES]
    for words in ranked:
        for word in words:
            rows.setdefault(word, len(rows))
    # A word missing from a language's list is rarer there than its last one.
    table = np.full(
        (len(rows), len(SUPPORTED_LANGUAGES)), -math.log(3 * TABLE_WORDS), np.float32
    )
    for column, words in enumerate(ranked):
        for rank, word in enumerate(words):
            table[rows[word], column] = -math.log(rank + 10)
    # wordfreq keeps every language's whole frequency list once read (about
    # 200 MB for nine): only the table above is needed from here on.
    for name in ("top_n_list", "get_frequency_list", "get_frequency_dict"):
        cached = getattr(wordfreq, name, None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()
    return rows, table


def load_language_table() -> bool:
    """Read the word-frequency table now (about half a second, once per
    process); whether ``wordfreq`` is there to give one."""
    with _table_lock:
        return _frequency_table() is not None


def guess_language(text: str) -> str:
    """The supported language ``text`` is most likely written in.

    See the module docstring; a text with no known word gets
    :data:`DEFAULT_LANGUAGE`.
    """
    # Built once; two threads building it at once only waste time.
    frequencies = _frequency_table()
    if frequencies is None:
        return _by_function_words(text)
    rows, table = frequencies
    found: list[int] = []
    weights: list[float] = []
    for match in itertools.islice(_WORD.finditer(text), _MAX_WORDS):
        word = match.group()
        weight = 1.0
        if not word.islower():
            word, weight = word.lower(), CAPITAL_WEIGHT
        row = rows.get(word)
        if row is not None:
            found.append(row)
            weights.append(weight)
    if not found:
        return DEFAULT_LANGUAGE
    sums = np.asarray(weights, np.float32) @ table[found]
    best = int(np.argmax(sums))
    english = SUPPORTED_LANGUAGES.index(DEFAULT_LANGUAGE)
    if sums[best] - sums[english] > MARGIN:
        return SUPPORTED_LANGUAGES[best]
    return DEFAULT_LANGUAGE


def _by_function_words(text: str) -> str:
    """The supported language whose function words occur most in ``text``.

    Ties go to the language listed first in :data:`SUPPORTED_LANGUAGES`; a
    text with none of the words gets :data:`DEFAULT_LANGUAGE`.
    """
    counts = [0] * len(SUPPORTED_LANGUAGES)
    languages_of = _LANGUAGES_OF
    for match in itertools.islice(_WORD.finditer(text.lower()), _MAX_WORDS):
        for index in languages_of.get(match.group(), ()):
            counts[index] += 1

    best = max(range(len(SUPPORTED_LANGUAGES)), key=counts.__getitem__)
    return SUPPORTED_LANGUAGES[best] if counts[best] > 0 else DEFAULT_LANGUAGE
