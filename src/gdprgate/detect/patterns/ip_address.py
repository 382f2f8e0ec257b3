"""IPv4 and IPv6 addresses, validated with :mod:`ipaddress`."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from typing import ClassVar

from gdprgate.detect.context import Surroundings
from gdprgate.detect.patterns.base import NEGATIVE_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import Feature, TextScan

# Dotted quads that are not part of a longer dotted run (version strings such
# as 1.2.3.4.5 or v1.2.3.4).
_IPV4 = re.compile(
    r"""
    \d(?<![\w.]\d)  # the first digit, then what may not stand before it
    \d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}
    (?![\w]|\.\d)
    """,
    re.VERBOSE,
)

# Runs of hex digits and colons with at least two colons, optionally ending in
# an embedded IPv4 address; the parser decides what is an address. A colon
# may stand before the run after a label ("IPv6:2001:db8::1", "IP:fe80::1"):
# a word with a letter that is no hex digit among its last four characters.
# A colon may end the sentence after it.
_IPV6 = re.compile(
    r"""
    (?=[0-9A-Fa-f:])(?<![\w.])  # cheap looks first: most places fail them
    (?:
      (?<!:)
      | (?<=[G-Zg-z]:) | (?<=[G-Zg-z][0-9A-Fa-f]:)
      | (?<=[G-Zg-z][0-9A-Fa-f]{2}:) | (?<=[G-Zg-z][0-9A-Fa-f]{3}:)
    )
    (
      [0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}
      (?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?
    )
    (?![\w]|:[\w:]|\.\d)
    """,
    re.VERBOSE,
)
# The loopback address is the one short form people write ("::1"); other
# runs with fewer than two hex digits are C++ scopes, Haskell types or
# Python slices ("a[::2]").
_LOOPBACK = "::1"
_SLICE_BEFORE = re.compile(r"\w\[\Z")
# A word for an address or a peer right before a value ("client IP ",
# "inet6 ", "from "), on the same line.
_ADDRESS_WORD_BEFORE = re.compile(
    r"\b(?i:ip|ipv6|inet6|addr|address|adresse|adres|adress|indirizzo"
    r"|dirección|endereço|client|from|host|peer|src|dst|remote)"
    r"\b[^\S\n]*[:=]?[^\S\n]*\Z"
)


def _looks_like_code(value: str) -> bool:
    """The numeric fields of a record or a clock before an empty field
    ("1000:1000::" of a passwd line, "10:30::": only decimal digits, and
    nothing after the "::")."""
    return (
        "::" in value
        and value.endswith("::")
        and not any(char.isalpha() for char in value)
    )


def _looks_like_scope(text: str, start: int, end: int) -> bool:
    """A short form with no digit that is a C++ or Rust scope ("a::b",
    "add::bad"): no group of three or four hex digits ("fdce:de::ae") and
    no address word right before it ("client IP fd::ae")."""
    value = text[start:end]
    if "::" not in value or any(char.isdigit() for char in value):
        return False
    if any(len(group) >= 3 for group in value.split(":")):
        return False
    return _ADDRESS_WORD_BEFORE.search(text, max(0, start - 24), start) is None


class IpAddressRecognizer(PatternRecognizer):
    """IPv4 and IPv6 addresses that :mod:`ipaddress` accepts.

    A dotted quad near a word for a version, a section or a table
    ("version 2.14.1.3", "Table 10.3.2.1") is down-scored unless a word
    for an address or a host stands near it too.
    """

    name = "ip_address"
    entity = "IP_ADDRESS"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_IPV4, _IPV6)
    explanation = "an address the ipaddress module parses as IPv4 or IPv6"
    context = "ip"
    negative = "ip_negative"

    def patterns_for(self, scan: TextScan) -> Sequence[re.Pattern[str]]:
        """Both, or IPv4 alone when no colon stands in the text."""
        return self.patterns if Feature.COLON in scan.features else (_IPV4,)

    def refine(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Drop a colon that ends the sentence, keep ``::1`` out of slices."""
        if text[end - 1] == ":" and text[end - 2] != ":":
            end -= 1
        if text[start:end] == _LOOPBACK and _SLICE_BEFORE.search(text, 0, start):
            return None
        if _looks_like_scope(text, start, end):
            return None
        return super().refine(text, start, end)

    def validate(self, value: str) -> bool:
        """Parseable, and an IPv6 candidate carries two hex digits (or is ::1)
        and is no record field (see :func:`_looks_like_code`)."""
        if ":" in value and (
            (value != _LOOPBACK and sum(char not in ":." for char in value) < 2)
            or _looks_like_code(value)
        ):
            return False
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return False
        return True

    def context_score(
        self, text: str, start: int, end: int, languages: Sequence[str]
    ) -> float:
        """Full score, unless a version word and no address word is near."""
        if ":" in text[start:end]:
            return self.score
        around = Surroundings(text, start, end, self.context_window)
        if around.has("ip_negative", languages) and not around.has("ip", languages):
            return NEGATIVE_SCORE
        return self.score
