"""Hardware (MAC) addresses of network interfaces."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import CONTEXT_NEEDED_SCORE, PatternRecognizer

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


# Twelve hex digits with no separator, as some routers and inventories print
# them ("001A2B3C4D5E"): as likely a hash prefix or a serial number, so only
# next to a word for a MAC address. One case throughout; the first digit
# is read before the look behind it, as above.
_BARE_MAC = re.compile(
    r"""
    [0-9A-Fa-f](?<![\w:.-][0-9A-Fa-f])
    (?:(?<=[0-9A-F])[0-9A-F]{11}|(?<=[0-9a-f])[0-9a-f]{11})
    (?![\w:-]|\.\w)
    """,
    re.VERBOSE,
)
_HEX_LETTERS = frozenset("abcdefABCDEF")


class MacAddressRecognizer(PatternRecognizer):
    """A MAC address that is neither all zeros nor the broadcast address."""

    name = "mac_address"
    entity = "MAC_ADDRESS"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_MAC, _BARE_MAC)
    explanation = "six hex pairs with one kind of separator, or bare next to 'MAC'"
    whole_match = True
    context = "mac"

    def validate(self, value: str) -> bool:
        """Not 00:00:... nor ff:ff:...: those name no device.

        Bare, it holds a hex letter too: twelve decimal digits are some
        other number far more often.
        """
        digits = re.sub(r"[^0-9A-Fa-f]", "", value).lower()
        if len(digits) != 12 or len(set(digits)) == 1:
            return False
        return len(value) > 12 or not _HEX_LETTERS.isdisjoint(value)

    def base_score(self, value: str) -> float:
        """Separated it is a MAC; twelve bare hex digits need the word."""
        return self.score if len(value) > 12 else CONTEXT_NEEDED_SCORE
