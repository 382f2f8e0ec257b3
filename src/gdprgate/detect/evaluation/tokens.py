"""Tokens: cutting texts into words, and texts rebuilt from tokens.

Token-level measures count words, not characters, so a long address and a
short name weigh by their number of words. Punctuation-only tokens are never
counted (annotators disagree on whether a closing full stop belongs to an
abbreviated name); :func:`is_word` tells them apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gdprgate.detect.evaluation.sample import Span

_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD_CHAR = re.compile(r"[^\W_]")

# No space before these tokens and none after the opening ones, so that a
# sentence rebuilt from CoNLL tokens reads like running text to the models.
_CLOSING = frozenset(".,;:!?)]}»”%")
_OPENING = frozenset("([{„«“")
# Marks that join the words on both sides: "qu ' il" is "qu'il". Hyphens are
# only glued where the tokenizer split hyphenated words (ECHR files), since
# elsewhere a lone "-" is a dash between words.
APOSTROPHES = frozenset("'’")
APOSTROPHES_AND_HYPHENS = APOSTROPHES | {"-"}


def tokenize(text: str) -> tuple[Span, ...]:
    """Spans of the runs of word characters and of each other visible mark."""
    return tuple(match.span() for match in _TOKEN.finditer(text))


def is_word(token: str) -> bool:
    """Whether a token holds at least one letter or digit."""
    return _WORD_CHAR.search(token) is not None


def join_tokens(
    tokens: Sequence[str], glue: frozenset[str] = APOSTROPHES
) -> tuple[str, tuple[Span, ...]]:
    """A text made of ``tokens`` and the span of each token in it.

    Tokens are separated by one space, except before closing punctuation,
    after opening brackets and quotes, and on both sides of ``glue`` marks.
    """
    parts: list[str] = []
    spans: list[Span] = []
    position = 0
    previous = ""
    for token in tokens:
        attached = token in _CLOSING or token in glue
        if parts and not attached and previous not in _OPENING | glue:
            parts.append(" ")
            position += 1
        spans.append((position, position + len(token)))
        parts.append(token)
        position += len(token)
        previous = token
    return "".join(parts), tuple(spans)


def align_tokens(text: str, tokens: Sequence[str]) -> tuple[Span, ...] | None:
    """The spans of ``tokens`` found in order in ``text``, or ``None``.

    ``None`` when a token is missing or only whitespace may lie between two
    tokens and something else does.
    """
    spans: list[Span] = []
    position = 0
    for token in tokens:
        start = text.find(token, position)
        if start < 0 or text[position:start].strip():
            return None
        spans.append((start, start + len(token)))
        position = start + len(token)
    return tuple(spans)
