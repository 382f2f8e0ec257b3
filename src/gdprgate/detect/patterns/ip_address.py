"""IPv4 and IPv6 addresses, validated with :mod:`ipaddress`."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from typing import ClassVar

from gdprgate.detect.patterns.base import PatternRecognizer
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
# an embedded IPv4 address; the parser decides what is an address.
_IPV6 = re.compile(
    r"""
    (?<![\w:.])
    (
      [0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}
      (?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?
    )
    (?![\w:]|\.\d)
    """,
    re.VERBOSE,
)


class IpAddressRecognizer(PatternRecognizer):
    """IPv4 and IPv6 addresses that :mod:`ipaddress` accepts."""

    name = "ip_address"
    entity = "IP_ADDRESS"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_IPV4, _IPV6)
    explanation = "an address the ipaddress module parses as IPv4 or IPv6"

    def patterns_for(self, scan: TextScan) -> Sequence[re.Pattern[str]]:
        """Both, or IPv4 alone when no colon stands in the text."""
        return self.patterns if Feature.COLON in scan.features else (_IPV4,)

    def validate(self, value: str) -> bool:
        """Parseable, and an IPv6 candidate carries at least two hex digits."""
        if ":" in value and sum(char not in ":." for char in value) < 2:
            return False
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return False
        return True
