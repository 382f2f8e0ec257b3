"""Compatibility forms folded for detection, offsets unchanged.

Full-width letters and digits (``４１１１``, ``ＡＮＮＩＫＡ``), and other
characters whose compatibility form (NFKC) is one single character, are
replaced by that character before the layers run, so that recognizers and
models see ordinary text. Characters whose compatibility form is longer
(ligatures such as ``ﬁ``) stay as they are: every offset into the folded
text is an offset into the original. Hyphens and dashes that join digits
or words (non-breaking hyphen U+2011, figure dash, en dash, minus sign) are
read as "-", so "+49‑30‑901820" is a phone number like "+49-30-901820".
"""

from __future__ import annotations

import functools
import unicodedata

# Hyphen, non-breaking hyphen, figure dash, en dash, minus sign.
_HYPHENS = frozenset("\u2010\u2011\u2012\u2013\u2212")


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _HYPHENS:
        return "-"
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


def fold_width(text: str) -> str:
    """``text`` with one-to-one compatibility forms folded (same length)."""
    if text.isascii():
        return text
    return "".join(_fold_char(char) for char in text)
