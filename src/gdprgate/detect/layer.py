"""The interface every detection layer offers the detector."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from gdprgate.detect.finding import Finding


@runtime_checkable
class Layer(Protocol):
    """One way of finding personal data: patterns, Rampart, spaCy, ...

    ``analyze_many`` gets texts and the language of each (a two-letter code)
    and returns the findings of each text, in the same order. Findings may
    overlap; the detector resolves overlaps across all layers at once.

    A layer with ``gated = True`` (the model layers) gets only the pieces
    of each text the :mod:`gdprgate.detect.gate` picks, when the gate is on.
    """

    name: str

    def warm_up(self) -> None:
        """Load whatever the layer needs now instead of on first use."""

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        """Findings for each text, in input order."""
        ...


# A call of at most this many texts (a request) uses both cores: Rampart
# runs beside spaCy and splits its model runs over two threads. Larger
# batches come from processes (DetectorPool, the scrubber) that keep every
# core busy already, and run on the calling thread.
SIDE_BY_SIDE_TEXTS = 16

_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """``text`` with lone surrogates (from broken JSON) replaced by U+FFFD.

    A proper str holds no surrogate code points, so every one is lone. The
    replacement keeps length and offsets, and lets model tokenizers that
    insist on valid Unicode read the rest of the text.
    """
    return _SURROGATE.sub("\ufffd", text)
