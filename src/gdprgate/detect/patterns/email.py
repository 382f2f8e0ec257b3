"""E-mail addresses."""

from __future__ import annotations

import re
from typing import ClassVar

from gdprgate.detect.patterns.base import PatternRecognizer

_EMAIL = re.compile(
    r"""
    (?<![\w.%+@-])               # not in the middle of a longer token
    (
      [\w%+-]+(?:\.[\w%+-]+)*     # local part: dot-separated atoms
      @
      (?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+   # domain labels
      [^\W\d_]{2,63}              # top-level domain: letters only
    )
    (?![\w@-]|\.[^\W_])          # not followed by more of an address
    """,
    re.VERBOSE,
)


class EmailRecognizer(PatternRecognizer):
    """``local@domain.tld`` with a letters-only top-level domain."""

    name = "email"
    entity = "EMAIL_ADDRESS"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_EMAIL,)
    explanation = "an address shaped local@domain.tld"

    def validate(self, value: str) -> bool:
        """Reject local parts and domains longer than RFC 5321 allows."""
        local, _, domain = value.rpartition("@")
        return len(local) <= 64 and len(domain) <= 253
