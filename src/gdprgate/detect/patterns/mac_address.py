"""Hardware (MAC) addresses of network interfaces."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import PatternRecognizer

# Six hex pairs split by one kind of separator, or three dotted quads. The
# first hex digit is read before the look behind it, so that ``re`` can jump
# from one hex digit to the next. A colon may stand before the address after
# a label ("MAC:00:1a:..."), not after a hex pair of a longer run; and after
# it at the end of a sentence.
_MAC = re.compile(
    r"""
    [0-9A-Fa-f](?<![\w.-][0-9A-Fa-f])
    (?<!(?<!\w)[0-9A-Fa-f]{2}:[0-9A-Fa-f])
    (?:
      [0-9A-Fa-f](?P<sep>[:-])[0-9A-Fa-f]{2}(?:(?P=sep)[0-9A-Fa-f]{2}){4}
      | [0-9A-Fa-f]{3}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}
    )
    (?![\w-]|[:.]\w)
    """,
    re.VERBOSE,
)


class MacAddressRecognizer(PatternRecognizer):
    """A MAC address that is neither all zeros nor the broadcast address."""

    name = "mac_address"
    entity = "MAC_ADDRESS"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_MAC,)
    explanation = "six hex pairs with one kind of separator"
    whole_match = True

    def validate(self, value: str) -> bool:
        """Not 00:00:... nor ff:ff:...: those name no device."""
        digits = re.sub(r"[^0-9A-Fa-f]", "", value).lower()
        return len(digits) == 12 and len(set(digits)) > 1
