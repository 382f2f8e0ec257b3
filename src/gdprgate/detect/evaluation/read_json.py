"""Readers of the formats with character offsets: presidio-research, TAB.

- ``presidio``: the JSON list written by presidio-evaluator's generator,
  ``{"full_text", "spans": [{"entity_type", "start_position",
  "end_position", ...}], ...}``.
- ``tab``: the Text Anonymization Benchmark as JSON lines, one document per
  line, ``{"metadata": {"provenance": {"doc_id", "dataset_type"}}, "text",
  "entities": [{"entity_type", "start_offset", "end_offset", "entity_id",
  "identifier_type"}]}``. The split is the document's ``dataset_type``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gdprgate.detect.evaluation.sample import GoldSpan, Sample
from gdprgate.detect.evaluation.tokens import tokenize
from gdprgate.errors import ConfigError


def read_presidio(path: Path, language: str) -> list[Sample]:
    """The samples of a presidio-research JSON file."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        msg = f"{path} is not valid JSON (line {exc.lineno})"
        raise ConfigError(msg) from None
    if not isinstance(records, list):
        msg = f"{path} must hold a JSON list of samples"
        raise ConfigError(msg)

    samples = []
    for number, record in enumerate(records, start=1):
        try:
            text = str(record["full_text"])
            spans = tuple(
                GoldSpan(
                    int(span["start_position"]),
                    int(span["end_position"]),
                    str(span["entity_type"]),
                )
                for span in record.get("spans") or ()
            )
        except (KeyError, TypeError, ValueError):
            msg = f"{path}: sample {number} lacks full_text or a valid span"
            raise ConfigError(msg) from None
        _check_spans(path, number, text, spans)
        samples.append(Sample(text, language, spans, tokenize(text), str(number)))
    return samples


def read_tab(path: Path, language: str, split: str | None) -> list[Sample]:
    """The documents of a TAB JSON-lines file whose split is ``split``.

    ``split`` ``None`` or ``"all"`` keeps every document.
    """
    samples = []
    for number, record in _json_lines(path):
        try:
            provenance = record["metadata"]["provenance"]
            text = str(record["text"])
            spans = tuple(_tab_span(entity) for entity in record["entities"])
        except (KeyError, TypeError, ValueError):
            msg = f"{path}: line {number} lacks text, metadata or a valid entity"
            raise ConfigError(msg) from None

        if split not in (None, "all") and provenance.get("dataset_type") != split:
            continue
        _check_spans(path, number, text, spans)
        doc_id = str(provenance.get("doc_id", number))
        samples.append(Sample(text, language, spans, tokenize(text), doc_id))
    return samples


def _tab_span(entity: dict[str, Any]) -> GoldSpan:
    """One TAB mention."""
    return GoldSpan(
        int(entity["start_offset"]),
        int(entity["end_offset"]),
        str(entity["entity_type"]),
        entity_id=str(entity["entity_id"]),
        identifier=str(entity["identifier_type"]),
    )


def _json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON object on each non-empty line, with its line number."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                msg = f"{path}: line {number} is not valid JSON"
                raise ConfigError(msg) from None
            if not isinstance(record, dict):
                msg = f"{path}: line {number} is not a JSON object"
                raise ConfigError(msg)
            yield number, record


def _check_spans(
    path: Path, number: int, text: str, spans: tuple[GoldSpan, ...]
) -> None:
    """Refuse spans that point outside their text."""
    if any(span.end > len(text) for span in spans):
        msg = f"{path}: sample {number} has a span beyond the end of its text"
        raise ConfigError(msg)
