"""Tokens back to values, in whole texts and in streams.

Only the tokens a request introduced itself are restored (its
``restore_map``): a token-like string the model or the user made up, or a
token of someone else's value, stays as it is.

Models do not always copy a token exactly. A :class:`Restorer` also knows a
token written in another case, with spaces or hyphens for its underscore,
without its angle brackets, in square brackets, or followed by a possessive:
``person_4f2k``, ``<PERSON 4F2K>``, ``[PERSON_4F2K]`` and ``PERSON_4F2K's``
all become the value of ``<PERSON_4F2K>``. Because the code part of a token
is random, such a variant cannot be mistaken for ordinary words.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping

from gdprgate.vault import MAX_TOKEN_LEN, TOKEN_RE

Escape = Callable[[str], str]

_SEPARATOR = r"[\s_\-]*"
_OPEN = r"(?:[<\[]\s?)?"
_NOT_SEPARATOR = re.compile(r"[\s_\-<>\[\]]")
# A variant can be a little longer than the token: spaces around brackets
# and separators that replace nothing.
MAX_VARIANT_LEN = MAX_TOKEN_LEN + 8


def json_escape(value: str) -> str:
    """``value`` as it must appear inside a JSON string literal."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _squash(text: str) -> str:
    """A token or variant with brackets and separators removed, upper case."""
    return _NOT_SEPARATOR.sub("", text).upper()


@functools.lru_cache(maxsize=2048)
def _variants_of(tokens: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the variants of ``tokens`` (compiled once per set)."""
    variants = sorted(map(_variant_pattern, tokens), key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(variants) + ")", re.IGNORECASE)


def _variant_pattern(token: str) -> str:
    """A token's variants: a closing bracket, when written, belongs to the
    variant ("<PERSON_4F2K>s" loses no ">"); without one, no letter or
    digit may follow (the code must end where the variant does)."""
    match = TOKEN_RE.fullmatch(token)
    if match is None:
        return re.escape(token) + r"(?![A-Za-z0-9])"
    parts = [*match["entity"].split("_"), match["code"]]
    core = _OPEN + _SEPARATOR.join(re.escape(part) for part in parts)
    return core + r"(?:\s?[>\]]|(?![A-Za-z0-9]))"


class Restorer:
    """Restores the tokens of one request, exact or as models rewrite them."""

    def __init__(self, restore_map: Mapping[str, str]) -> None:
        self._values = {_squash(token): value for token, value in restore_map.items()}
        # A variant always contains its token's code: texts without any code
        # need no pattern at all, and the pattern holds only codes present.
        self._by_code: dict[str, list[str]] = {}
        for token in restore_map:
            match = TOKEN_RE.fullmatch(token)
            code = match["code"].lower() if match else token.lower()
            self._by_code.setdefault(code, []).append(token)

    def __bool__(self) -> bool:
        return bool(self._values)

    def restore(self, text: str, escape: Escape | None = None) -> str:
        """``text`` with every token of this request replaced by its value."""
        if not self._values:
            return text
        lowered = text.lower()
        present = [
            token
            for code, tokens in self._by_code.items()
            if code in lowered
            for token in tokens
        ]
        if not present:
            return text

        def replace(match: re.Match[str]) -> str:
            value = self._values.get(_squash(match.group(0)))
            if value is None:
                return match.group(0)
            return escape(value) if escape else value

        return _variants_of(tuple(sorted(present))).sub(replace, text)

    def holdback_start(self, text: str) -> int:
        """Where a tail of ``text`` that may still grow into a token starts.

        ``len(text)`` when no tail could: a tail is held back when, from the
        start of a word, it reads as the beginning of one of the tokens.
        """
        if not self._values:
            return len(text)
        floor = max(0, len(text) - MAX_VARIANT_LEN)
        for start in range(floor, len(text)):
            if start > 0 and text[start - 1].isalnum():
                continue
            if not (text[start].isalnum() or text[start] in "<["):
                continue
            squashed = _squash(text[start:])
            if squashed and any(key.startswith(squashed) for key in self._values):
                return start
            if not squashed and text[start:].strip() in {"<", "["}:
                return start
        return len(text)


def restore(
    text: str, restore_map: Mapping[str, str], escape: Escape | None = None
) -> str:
    """``text`` with every token of ``restore_map`` replaced by its value."""
    return Restorer(restore_map).restore(text, escape)
