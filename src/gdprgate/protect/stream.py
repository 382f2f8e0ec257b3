"""Streamed model output: held back just long enough to be checked.

A :class:`StreamFilter` takes the pieces of one streamed text and releases
it in segments of whole words. It holds back the word still being written,
a trailing run of capitalised words and of words with digits (a name may
go on: "Anna" may be followed by "Schmidt"; so may a number written in
groups: "+44 20 7946 0321", an IBAN, a card), and anything that may still
become a token, up to ``max_hold`` characters. Each segment is checked by
the output guard (if any), with the end of the text sent before it as
context, and then has its tokens restored: nothing leaves unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gdprgate.protect.restorer import Escape, Restorer

_WORD = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")
CONTEXT_CHARS = 120
_OPENERS = "\"'([{<«‹“‘„‚*_`"

Check = Callable[[str, str], str]


class StreamFilter:
    """Checks and restores one streamed text, piece by piece."""

    def __init__(
        self,
        restorer: Restorer,
        check: Check | None = None,
        *,
        escape: Escape | None = None,
        max_hold: int = 200,
        tokens: Restorer | None = None,
    ) -> None:
        self._restorer = restorer
        # The request's tokens, also where the caller may not see their
        # values: a text that may still become one is held back for the
        # check as well.
        self._tokens = tokens
        self._check = check
        self._escape = escape
        self._max_hold = max_hold
        self._pending = ""
        self._sent = ""

    def feed(self, piece: str) -> str:
        """Add a piece; return what can be sent now (possibly empty)."""
        text = self._pending + piece
        cut = self._cut(text)
        self._pending = text[cut:]
        return self._release(text[:cut])

    def flush(self) -> str:
        """Check, restore and return everything still held."""
        text, self._pending = self._pending, ""
        return self._release(text)

    def _cut(self, text: str) -> int:
        cut = len(text)
        if self._check is not None:
            cut = _segment_end(text, self._max_hold)
        cut = min(cut, self._restorer.holdback_start(text[:cut]))
        if self._tokens is not None:
            cut = min(cut, self._tokens.holdback_start(text[:cut]))
        return cut

    def _release(self, text: str) -> str:
        if not text:
            return ""
        if self._check is not None:
            context = self._sent[-CONTEXT_CHARS:]
            self._sent = context + text
            text = self._check(text, context)
        return self._restorer.restore(text, self._escape)


def _may_go_on(word: str) -> bool:
    """Whether the next word may still belong to the value ``word`` starts
    or continues: a capitalised word, or one with a digit ("+44", "(030)",
    "DE89", "0044")."""
    # A quote or bracket before it ('"Frank', "(Anna") does not hide the
    # capital: JSON answers and tool arguments open every value so.
    letters = word.lstrip(_OPENERS)
    return letters[:1].isupper() or any(char.isdigit() for char in word)


def _segment_end(text: str, max_hold: int) -> int:
    """Where the text that can be checked now ends (0: keep holding)."""
    words = list(_WORD.finditer(text))
    held = len(text)
    if words and words[-1].end() == len(text):
        held = words.pop().start()  # the word is still being written
    while words and _may_go_on(words[-1].group()):
        held = words.pop().start()  # a name or a number may go on
    if len(text) - held > max_hold:
        held = _forced_cut(text)
    return held


def _forced_cut(text: str) -> int:
    """Where a run held too long is cut: after the last word that cannot be
    inside a value written in groups (one ending in punctuation, or one
    with no digit and no capital), else at the last space."""
    safe = last = None
    for word in _WORD.finditer(text):
        spaces = _SPACES.match(text, word.end())
        if spaces is None:
            continue  # the word still being written
        last = spaces.end()
        value = word.group()
        if value[-1] in ",;.!?:" or not _may_go_on(value):
            safe = last
    return safe or last or len(text)
