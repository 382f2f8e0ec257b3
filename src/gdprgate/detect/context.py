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
_WORD = re.compile(r"\w+")
# Where a sentence ends: the window does not reach into the next one.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-ÖØ-Þ])|\n\s*\n")


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


def _phrase_regex(phrase: str) -> str:
    """A phrase whose spaces match spaces, dashes, dots or underscores."""
    return r"[\s._-]+".join(re.escape(word) for word in phrase.split())


def window(text: str, start: int, end: int, before: int, after: int) -> tuple[int, int]:
    """Character bounds of ``before`` words before and ``after`` words after."""
    low = max(0, start - before * _CHARS_PER_WORD)
    words = list(_WORD.finditer(text, low, start))
    if before == 0:
        low = start
    elif len(words) >= before:
        low = words[-before].start()

    for boundary in _SENTENCE_END.finditer(text, low, start):
        low = boundary.end()

    high = min(len(text), end + after * _CHARS_PER_WORD)
    if after == 0:
        high = end
    else:
        following = _WORD.finditer(text, end, high)
        for count, match in enumerate(following, start=1):
            if count == after:
                high = match.end()
                break
        stop = _SENTENCE_END.search(text, end, high)
        if stop is not None:
            high = stop.start() + 1
    return low, high


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
    pattern = context_pattern(key, tuple(languages))
    if pattern is None:
        return False

    low, high = window(text, start, end, *size)
    return bool(pattern.search(text, low, start) or pattern.search(text, end, high))
