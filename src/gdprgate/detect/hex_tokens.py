"""Lower-case hexadecimal tokens that say they name a thing, not a person.

A model reads a short hexadecimal token ("7f3e2d1c9a") as an identifier.
It may be a commit's or a container's, or a device's, a customer's or a
session's: only positive technical evidence makes it no one's (see
:func:`technical_hex`); words for what a person has or is
(:data:`PERSONAL_KEY`) keep it whatever else stands near.
"""

from __future__ import annotations

import re

# Keys that name a thing, not a person: a commit, a build, a trace. A
# session is not among them: its id is an online identifier.
_TECHNICAL_KEYS = frozenset(
    {
        "commit", "sha", "hash", "rev", "revision", "request", "req", "trace",
        "span", "pod", "build", "etag", "digest", "checksum", "container",
        "image", "job", "run", "blob", "tree", "parent", "merge",
    }
)  # fmt: skip
# One or two words right before a value, and what joins them to it.
_KEY_BEFORE = re.compile(
    r"([A-Za-z][\w.-]{0,30}(?:[ \t]+[A-Za-z][\w.-]{0,30})?)"
    r"[\"']?[ \t]{0,2}[:=#]?[ \t]{0,2}[\"']?\Z"
)
# Words near a code that name what a person has or is: a device's or an
# advertiser's identifier, a customer's or a card's number, a session.
PERSONAL_KEY = re.compile(
    r"device|advertis|idfa|gaid|aaid|customer|client|user|member|card|account|"
    r"subscriber|visitor|session|sitzung|cookie|loyalty|licen[cs]e|passport|"
    r"kunde|klant|kund|konto|compte|cuenta",
    re.IGNORECASE,
)
# What may stand before a hash at the start of a git log line ("* 9e8f7a6").
_LOG_GRAPH = " \t*|"
_WORD_AFTER = re.compile(r"[ \t]+[^\W\d_]")
# A word and a dash right before a token: a pod's or a container's name.
_JOINED_BEFORE = re.compile(r"[a-z][\w]*-\Z")
_KEY_PARTS = re.compile(r"[a-z]+|[A-Z][a-z]*")


def technical_hex(text: str, low: int, high: int) -> bool:
    """A hexadecimal token with positive evidence that it names a thing: a
    technical key right before it ("commit 9e8f7a6", "trace_id="), the
    start of a git log line ("9e8f7a6 Bump redis from ..."), or a place
    inside a path or a pod's name ("/9e8f7a6/", "web-7d9c8b6f5-x2x4z")."""
    key = _KEY_BEFORE.search(text, max(0, low - 48), low)
    if key is not None:
        parts = {part.lower() for part in _KEY_PARTS.findall(key.group(1))}
        if parts & _TECHNICAL_KEYS:
            return True
    line_start = text.rfind("\n", 0, low) + 1
    if not text[line_start:low].strip(_LOG_GRAPH) and _WORD_AFTER.match(text, high):
        return True
    before = text[low - 1] if low > 0 else ""
    after = text[high] if high < len(text) else ""
    return (
        before == "/"
        or after == "/"
        or (
            _JOINED_BEFORE.search(text, max(0, low - 64), low) is not None
            and after == "-"
        )
    )
