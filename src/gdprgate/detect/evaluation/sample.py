"""What a dataset reader produces: texts with their annotated spans.

Offsets are Python ``str`` indices (code points), end exclusive, like the
offsets of :class:`gdprgate.detect.Finding`.
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """One annotated mention, with the dataset's own label.

    ``entity_id`` and ``identifier`` are set by the TAB reader only: the id
    links co-referent mentions, the identifier is ``DIRECT``, ``QUASI`` or
    ``NO_MASK``.
    """

    start: int
    end: int
    label: str
    entity_id: str | None = None
    identifier: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            msg = f"a gold span needs 0 <= start < end, got {self.start}..{self.end}"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True)
class Sample:
    """One text to analyse: a sentence, a template sentence or a document.

    ``tokens`` are the character spans the token-level measures count: the
    dataset's own tokens for CoNLL-style formats, :func:`tokenize` output for
    formats with character offsets.
    """

    text: str
    language: str
    spans: tuple[GoldSpan, ...]
    tokens: tuple[Span, ...]
    doc_id: str = ""


@dataclass(frozen=True, slots=True)
class Dataset:
    """The samples of one file (and split) of one format."""

    name: str
    format: str
    split: str | None
    samples: tuple[Sample, ...]
