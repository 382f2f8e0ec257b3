"""Context: one mechanism that reads the words around a candidate.

A recognizer names a context key (``"birth"``, ``"nl_bsn"``, ...; the words
live in :mod:`gdprgate.detect.context_words`). :func:`has_context` looks at a
window of a few words before and after the candidate and says whether one of
the key's words, in any of the configured languages, stands there. The same
function serves every recognizer and the name filter, so the behaviour is
the same everywhere: a phrase matches case-insensitively on word boundaries.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from gdprgate.detect.context_words import CONTEXT_LANGUAGES, CONTEXT_WORDS

DEFAULT_WINDOW = (6, 2)

# A window never reaches further than this many characters per word, so a
# run of one enormous "word" costs no more than a few short ones.
_CHARS_PER_WORD = 40
# Where a sentence ends: the window does not reach into the next one. The
# class comes first so that ``re`` can jump from one candidate to the next.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ])|(?<=\n)\s*\n)")


@functools.lru_cache(maxsize=256)
def context_pattern(key: str, languages: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled alternation of the key's phrases in ``languages``.

    ``None`` when the key has no phrase in those languages.
    """
    table = CONTEXT_WORDS[key]
    phrases = {
        phrase.lower()
        for language in ("any", *languages)
        for phrase in table.get(language, ())
    }
    if not phrases:
        return None

    # Longest first, so "date of birth" is tried before "date".
    parts = [_phrase_regex(phrase) for phrase in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def word_right_before(
    text: str,
    start: int,
    key: str,
    languages: Sequence[str],
    gap: re.Pattern[str],
    reach: int = 40,
) -> bool:
    """Whether one of ``key``'s words ends right before ``start``: only
    ``gap`` (blanks, a colon, a copula ...) lies between them, and the word
    starts at most ``reach`` characters back ("Alter: 67", "sagsnummer 20 12
    34 56")."""
    pattern = context_pattern(key, tuple(languages))
    if pattern is None:
        return False
    return any(
        gap.fullmatch(text, word.end(), start)
        for word in pattern.finditer(text, max(0, start - reach), start)
    )


def _phrase_regex(phrase: str) -> str:
    """A phrase whose spaces match spaces, dashes, dots or underscores."""
    return r"[\s._-]+".join(re.escape(word) for word in phrase.split())


def window(text: str, start: int, end: int, before: int, after: int) -> tuple[int, int]:
    """Character bounds of ``before`` words before and ``after`` words after."""
    low = max(0, start - before * _CHARS_PER_WORD)
    if before == 0:
        low = start
    else:
        # The words before the span, read backwards from it.
        backwards = text[low:start][::-1]
        words = _words(before).match(backwards)
        if words is not None:
            low = start - words.end()

    for boundary in _SENTENCE_END.finditer(text, low, start):
        low = boundary.end()

    high = min(len(text), end + after * _CHARS_PER_WORD)
    if after == 0:
        high = end
    else:
        words = _words(after).match(text, end, high)
        if words is not None:
            high = words.end()
        stop = _SENTENCE_END.search(text, end, high)
        if stop is not None:
            high = stop.start() + 1
    return low, high


@functools.lru_cache(maxsize=16)
def _words(count: int) -> re.Pattern[str]:
    """``count`` whole words from where the match starts, and what leads them.

    Possessive, so a word is never split in two to make up the count.
    """
    return re.compile(rf"(?:\W*+\w++){{{count}}}")


def has_context(
    text: str,
    start: int,
    end: int,
    key: str,
    languages: Sequence[str] = CONTEXT_LANGUAGES,
    size: tuple[int, int] = DEFAULT_WINDOW,
) -> bool:
    """Whether a phrase of ``key`` stands within ``size`` words of the span.

    ``size`` is (words before, words after). The span itself is not read.
    """
    return Surroundings(text, start, end, size).has(key, languages)


class Surroundings:
    """The window around one span, found once for every key asked about.

    A recognizer asks about its context words and its negative words around
    the same candidate; the window and each answer are worked out once.
    """

    __slots__ = ("_answers", "_bounds", "_end", "_size", "_start", "_text")

    def __init__(
        self, text: str, start: int, end: int, size: tuple[int, int] = DEFAULT_WINDOW
    ) -> None:
        self._text, self._start, self._end, self._size = text, start, end, size
        self._bounds: tuple[int, int] | None = None
        self._answers: dict[tuple[str, tuple[str, ...]], bool] = {}

    def has(self, key: str, languages: Sequence[str] = CONTEXT_LANGUAGES) -> bool:
        """Whether a phrase of ``key`` in ``languages`` stands in the window."""
        question = (key, tuple(languages))
        answer = self._answers.get(question)
        if answer is None:
            answer = self._answers[question] = self._search(*question)
        return answer

    def _search(self, key: str, languages: tuple[str, ...]) -> bool:
        pattern = context_pattern(key, languages)
        if pattern is None:
            return False

        text, start, end = self._text, self._start, self._end
        if self._bounds is None:
            self._bounds = window(text, start, end, *self._size)
        low, high = self._bounds
        return bool(pattern.search(text, low, start) or pattern.search(text, end, high))
