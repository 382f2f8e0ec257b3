"""E-mail addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from gdprgate.detect.patterns.base import PatternRecognizer, matches_at
from gdprgate.detect.patterns.scan import Feature, TextScan

_EMAIL = re.compile(
    r"""
    (?<![\w.%+@-])               # not in the middle of a longer token
    (
      [\w%+-]+(?:[.'’][\w%+-]+)*  # local part: atoms split by dots or
                                  # apostrophes (o'brien@, d’arcy@)
      @
      (?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+   # domain labels
      [^\W\d_]{2,63}              # top-level domain: letters only
    )
    (?![\w@-]|\.[^\W_])          # not followed by more of an address
    """,
    re.VERBOSE,
)
# Addresses spelt out so that harvesters miss them: "anna(at)example.org",
# "anna [at] example [dot] org", as German imprints and forum posts write
# them. The "at" stands in brackets; a dot may be spelt too, in any of our
# languages.
_SPELT_AT = r"\ ?[\[(]\ ?(?:at|@)\ ?[\])]\ ?"
_SPELT_DOT = r"(?:\.|\ ?[\[(]\ ?(?:dot|punkt|point|punto|ponto|kropka)\ ?[\])]\ ?)"
_OBFUSCATED = re.compile(
    rf"""
    (?<![\w.%+@-])
    (
      [\w%+-]+(?:[.'’][\w%+-]+)*
      (?i:{_SPELT_AT})
      (?:[^\W_](?:[\w-]{{0,61}}[^\W_])?(?i:{_SPELT_DOT}))+
      [^\W\d_]{{2,63}}
    )
    (?![\w@-]|\.[^\W_])
    """,
    re.VERBOSE,
)
_SPELT_AT_MARK = re.compile(r"[\[(]\ ?(?:at|@)\ ?[\])]", re.IGNORECASE)

# What a local part is made of, dots and apostrophes included. A match can
# only begin where the run of these characters before an "@" begins, past
# any apostrophes that open it (a quotation mark: 'anna@example.org').
_LOCAL_RUN = re.compile(r"[\w.'’%+-]*+")
_QUOTES = "'’"


def _local_part_starts(text: str) -> list[int]:
    """Where the run of local-part characters before each "@" begins."""
    backwards = text[::-1]
    starts: list[int] = []
    at = text.find("@")
    while at != -1:
        run = _LOCAL_RUN.match(backwards, len(text) - at)
        start = at - len(run.group()) if run is not None else at
        while start < at and text[start] in _QUOTES:
            start += 1
        starts.append(start)
        at = text.find("@", at + 1)
    return starts


class EmailRecognizer(PatternRecognizer):
    """``local@domain.tld`` with a letters-only top-level domain."""

    name = "email"
    entity = "EMAIL_ADDRESS"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_EMAIL,)
    explanation = "an address shaped local@domain.tld, or spelt local(at)domain.tld"

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """Addresses where a local part may begin; spelt ones after a mark."""
        if Feature.AT_SIGN in scan.features:
            for match in matches_at(_EMAIL, text, _local_part_starts(text)):
                yield match.start(1), match.end(1)
        if _SPELT_AT_MARK.search(text):
            for match in _OBFUSCATED.finditer(text):
                yield match.start(1), match.end(1)

    def validate(self, value: str) -> bool:
        """Reject local parts and domains longer than RFC 5321 allows."""
        local, _, domain = value.rpartition("@")
        if not local:
            return True
        return len(local) <= 64 and len(domain) <= 253
