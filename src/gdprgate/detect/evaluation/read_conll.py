"""Readers of the token-per-line formats: GermEval 2014, UNER, ECHR TSV.

All three hold sentences of ``token`` and ``BIO tag`` pairs with a blank
line between sentences:

- ``germeval``: ``index<TAB>token<TAB>outer-tag<TAB>nested-tag``, each
  sentence after a ``#<TAB>source<TAB>[date]`` line. The outer column is read.
- ``uner``: ``index<TAB>token<TAB>tag<TAB>-<TAB>annotator`` after CoNLL-U
  comments; ``# text = ...`` gives the sentence as written, and the tokens
  are found in it.
- ``echr-tsv``: ``token<SPACE>tag`` (Sierro's French and Spanish ECHR files).

Sentences without ``# text`` are rebuilt with :func:`join_tokens`; in ECHR
files, whose tokenizer split ``qu'il`` and ``Royaume-Uni``, apostrophes and
hyphens join their neighbours again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gdprgate.detect.evaluation.sample import GoldSpan, Sample
from gdprgate.detect.evaluation.tokens import (
    APOSTROPHES,
    APOSTROPHES_AND_HYPHENS,
    align_tokens,
    join_tokens,
)
from gdprgate.errors import ConfigError


@dataclass
class _Sentence:
    """Tokens and tags of one sentence while it is read."""

    line: int
    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    text: str | None = None


def read_conll(path: Path, fmt: str, language: str) -> list[Sample]:
    """The sentences of a ``germeval``, ``uner`` or ``echr-tsv`` file."""
    samples = []
    for sentence in _sentences(path, fmt):
        if not sentence.tokens:
            continue
        spans = align_tokens(sentence.text, sentence.tokens) if sentence.text else None
        if spans is None:
            glue = APOSTROPHES_AND_HYPHENS if fmt == "echr-tsv" else APOSTROPHES
            text, spans = join_tokens(sentence.tokens, glue)
        else:
            text = sentence.text or ""
        gold = tuple(
            GoldSpan(spans[first][0], spans[last][1], label)
            for first, last, label in bio_chunks(sentence.tags)
        )
        samples.append(Sample(text, language, gold, spans, str(sentence.line)))
    return samples


def bio_chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first token, last token, label)`` of each chunk of BIO ``tags``.

    An ``I-`` tag that does not continue a chunk of its label starts one, as
    in the CoNLL evaluation script.
    """
    chunks: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for index, tag in enumerate(tags):
        prefix, _, name = tag.partition("-")
        if prefix == "I" and start >= 0 and name == label:
            continue

        if start >= 0:
            chunks.append((start, index - 1, label))
        start, label = (index, name) if prefix in ("B", "I") and name else (-1, "")
    if start >= 0:
        chunks.append((start, len(tags) - 1, label))
    return chunks


def _sentences(path: Path, fmt: str) -> Iterator[_Sentence]:
    """Each sentence of the file, as it is read."""
    with path.open(encoding="utf-8", newline=None) as lines:
        sentence = _Sentence(line=1)
        for number, raw in enumerate(lines, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                yield sentence
                sentence = _Sentence(line=number + 1)
            elif line.startswith("#") and fmt != "echr-tsv":
                if line.startswith("# text = "):
                    sentence.text = line[len("# text = ") :]
            else:
                token, tag = _token_and_tag(path, number, line, fmt)
                sentence.tokens.append(token)
                sentence.tags.append(tag)
        yield sentence


def _token_and_tag(path: Path, number: int, line: str, fmt: str) -> tuple[str, str]:
    """The token and the tag of one line."""
    if fmt == "echr-tsv":
        parts = line.rsplit(" ", 1)
        columns = (parts[0], parts[1]) if len(parts) == 2 else None
    else:
        fields = line.split("\t")
        columns = (fields[1], fields[2]) if len(fields) >= 3 else None
    if columns is None or not columns[0] or not _is_tag(columns[1]):
        msg = f"{path}: line {number} is not a '{fmt}' token line"
        raise ConfigError(msg)
    return columns


def _is_tag(tag: str) -> bool:
    """``O`` or ``B-``/``I-`` and a label."""
    return tag == "O" or (tag[:2] in ("B-", "I-") and len(tag) > 2)
