"""Tokens back to values, in whole texts and in streams.

Only the tokens a request introduced itself are restored (its
``restore_map``): a token-like string the model or the user made up, or a
token of someone else's value, stays as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping

from gdprgate.vault import MAX_TOKEN_LEN, TOKEN_RE

# What could still grow into a token: "<", then entity characters, then
# "_" and code characters, with no closing ">" yet.
_TOKEN_PREFIX = re.compile(r"<[A-Z0-9_]*\Z")


def json_escape(value: str) -> str:
    """``value`` as it must appear inside a JSON string literal."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def restore(
    text: str,
    restore_map: Mapping[str, str],
    escape: Callable[[str], str] | None = None,
) -> str:
    """``text`` with every known token replaced by its value."""
    if not restore_map or "<" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        value = restore_map.get(match.group(0))
        if value is None:
            return match.group(0)
        return escape(value) if escape else value

    return TOKEN_RE.sub(replace, text)


class StreamRestorer:
    """Restores tokens in text that arrives in pieces.

    ``feed`` returns what is safe to send now; it holds back only a tail
    that could still become a token, at most ``MAX_TOKEN_LEN`` characters.
    ``flush`` returns the rest when the stream ends.
    """

    def __init__(
        self,
        restore_map: Mapping[str, str],
        escape: Callable[[str], str] | None = None,
    ) -> None:
        self._map = restore_map
        self._escape = escape
        self._pending = ""

    def feed(self, piece: str) -> str:
        """Add a piece of the stream; return the restored text ready to send."""
        text = self._pending + piece
        cut = _holdback_start(text)
        self._pending = text[cut:]
        return restore(text[:cut], self._map, self._escape)

    def flush(self) -> str:
        """Everything still held back, restored."""
        text, self._pending = self._pending, ""
        return restore(text, self._map, self._escape)


def _holdback_start(text: str) -> int:
    """Index from which ``text`` might be the unfinished start of a token."""
    start = text.rfind("<", max(0, len(text) - MAX_TOKEN_LEN))
    if start == -1 or _TOKEN_PREFIX.match(text, start) is None:
        return len(text)
    return start
