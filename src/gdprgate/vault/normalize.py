"""The form of a value that the blind index and token codes are computed on.

Two spellings of one value ("Anna  Schmidt" and "anna schmidt", or an IBAN
with and without spaces) normalise to the same text and so get one token.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")
_SEPARATORS = re.compile(r"[\s\-./]")


def normalize_value(entity: str, value: str) -> str:
    """The canonical text of ``value`` for an entity type."""
    text = unicodedata.normalize("NFKC", value).strip()
    if entity == "PHONE_NUMBER":
        return _normalize_phone(text)
    if entity in {"IBAN_CODE", "CREDIT_CARD"}:
        return _SEPARATORS.sub("", text).upper()
    return _SPACES.sub(" ", text).casefold()


def _normalize_phone(text: str) -> str:
    # International prefixes "+" and "00" mean the same; national numbers
    # keep their leading zero, so they stay distinct from international ones.
    digits = _NOT_DIGIT.sub("", text)
    if text.startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    return digits
