"""What a text offers the recognizers, looked up once for all of them.

Forty recognizers scanning the same text each find the same few places
where a number could start, and most of them cannot match at all in a text
without a digit or an ``@``. :class:`TextScan` reads those facts once;
:class:`~gdprgate.detect.patterns.PatternLayer` hands it to every
recognizer, and a recognizer run on its own makes its own.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Feature(enum.Flag):
    """Something a recognizer cannot match without."""

    NONE = 0
    # A decimal digit: what ``\d`` matches, in any script.
    DIGIT = enum.auto()
    AT_SIGN = enum.auto()
    # ``://``, ``www.`` or a profile host's ``.com/`` in any case: where
    # every URL begins.
    URL_MARK = enum.auto()
    COLON = enum.auto()
    EQUALS_SIGN = enum.auto()


# Marks of an address without a scheme: "www." and the ends of the profile
# hosts of patterns/url.py ("linkedin.com/", "threads.net/", "bsky.app/").
_URL_MARKS = ("www.", ".com/", ".net/", ".app/")


class Start(enum.Enum):
    """The first character of every match of a recognizer.

    Both kinds stand at the start of a word: no letter, digit or
    underscore right before them.
    """

    DIGIT = enum.auto()
    # An ASCII capital, Ä, Ö, Ü or a digit.
    CAPITAL_OR_DIGIT = enum.auto()


# The class comes first so that ``re`` can jump from one candidate to the next.
_WORD_START = re.compile(r"[A-ZÄÖÜ\d](?<!\w[A-ZÄÖÜ\d])")
# The same in ASCII text, where 0-9 are the only digits: a range is quicker
# to test than the Unicode digit category.
_ASCII_WORD_START = re.compile(r"[A-ZÄÖÜ0-9](?<!\w[A-ZÄÖÜ0-9])")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class TextScan:
    """The features of one text and where its numbers may start."""

    features: Feature
    # Offsets of the word starts of each :class:`Start`, in text order.
    digit_starts: tuple[int, ...]
    capital_or_digit_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> TextScan:
        """Scan ``text`` once."""
        features = Feature.NONE
        if _DIGIT.search(text):
            features |= Feature.DIGIT
        if "@" in text:
            features |= Feature.AT_SIGN
        # Only "w" and "W" match a "w" when case is ignored.
        lower = text.lower()
        if "://" in text or any(mark in lower for mark in _URL_MARKS):
            features |= Feature.URL_MARK
        if ":" in text:
            features |= Feature.COLON
        if "=" in text:
            features |= Feature.EQUALS_SIGN

        word_start = _ASCII_WORD_START if text.isascii() else _WORD_START
        starts = [match.start() for match in word_start.finditer(text)]
        digits = tuple(start for start in starts if text[start].isdecimal())
        return cls(features, digits, tuple(starts))

    def starts(self, kind: Start) -> tuple[int, ...]:
        """Where a match of a recognizer declaring ``kind`` may begin."""
        if kind is Start.DIGIT:
            return self.digit_starts
        return self.capital_or_digit_starts
