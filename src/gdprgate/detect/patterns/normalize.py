"""The text the recognizers read: the user's text with look-alikes made plain.

Text copied from a bank's website or a word processor separates the groups
of an IBAN with no-break spaces ("DE89 3704 ..."), and text copied out of a
JSON string or a log holds escaped line breaks ("IBAN:\\nDE89..."). Every
recognizer would need each of these in its patterns; instead the layer
hands them a copy where they are plain spaces and line breaks.

The copy has the length of the text and every character stays where it
was, so an offset into the copy is the same offset into the text, and a
finding's span needs no mapping back.
"""

from __future__ import annotations

import re

# No-break, narrow no-break, thin and figure spaces, and the zero-width
# spaces and the byte-order mark: separators as far as a number is concerned.
_AS_SPACE = str.maketrans(
    {char: " " for char in "\u00a0\u202f\u2009\u2007\u200b\u2060\ufeff"}
)
# Not after a backslash: in JSON, a doubled backslash and "n" are no break.
_ESCAPED_BREAK = re.compile(r"(?<!\\)\\([nrt])")
_BREAKS = {"n": "\n", "r": "\r", "t": "\t"}


def readable(text: str) -> str:
    """``text`` with odd spaces as spaces and escaped breaks as breaks.

    An escape is two characters (``\\`` and ``n``); it becomes a space and
    the break, so the length holds.
    """
    plain = text.translate(_AS_SPACE)
    if "\\" not in plain:
        return plain
    return _ESCAPED_BREAK.sub(_unescape, plain)


def _unescape(match: re.Match[str]) -> str:
    """A space and the line break or tab the escape stands for."""
    return " " + _BREAKS[match.group(1)]
