"""Finding the files of a dataset and reading them in their format.

``--dataset`` may name a file or a folder. In a folder, the files of the
split are picked by name (``NER-de-test.tsv``, ``en_pud-ud-test.iob2``,
``FR-manual-test.tsv``); TAB keeps its split inside the file
(``dataset_type``), and presidio-research has no split at all. Each file is
one :class:`Dataset`, so languages are scored apart.
"""

from __future__ import annotations

import re
from pathlib import Path

from gdprgate.detect.evaluation.read_conll import read_conll
from gdprgate.detect.evaluation.read_json import read_presidio, read_tab
from gdprgate.detect.evaluation.sample import Dataset, Sample
from gdprgate.errors import ConfigError

FORMATS = ("presidio", "tab", "germeval", "uner", "echr-tsv")

# The language each format is written in when the file name does not say.
_DEFAULT_LANGUAGE: dict[str, str] = {"presidio": "en", "tab": "en", "germeval": "de"}
_KNOWN_LANGUAGES = frozenset(
    re.findall(r"\w+", "en de fr es it nl pt sv da no nb fi pl cs sk hu ro el bg hr sl")
)
_NAME_PART = re.compile(r"[A-Za-z]+")
_SPLIT_IN_NAME = re.compile(r"[-_.](train|dev|test)$")


def load_datasets(
    path: Path,
    fmt: str,
    split: str | None = "test",
    language: str | None = None,
    limit: int | None = None,
) -> list[Dataset]:
    """One dataset per file of ``path`` in format ``fmt`` for ``split``.

    ``language`` overrides the language read from the file name. ``limit``
    keeps that many samples per file, evenly spread over it.
    """
    if fmt not in FORMATS:
        msg = f"unknown dataset format {fmt!r}; use one of {', '.join(FORMATS)}"
        raise ConfigError(msg)
    if limit is not None and limit < 1:
        msg = f"limit must be 1 or more, got {limit}"
        raise ConfigError(msg)

    datasets = []
    for file in dataset_files(path, fmt, split):
        lang = language or file_language(file, fmt)
        samples = _read(file, fmt, lang, split)
        if limit is not None:
            samples = spread(samples, limit)
        name = f"{file.parent.name}/{file.stem}"
        file_split = _file_split(file, fmt, split)
        if fmt == "tab" and file_split is not None:
            name = f"{name}[{file_split}]"
        datasets.append(Dataset(name, fmt, file_split, tuple(samples)))
    return datasets


def _file_split(file: Path, fmt: str, split: str | None) -> str | None:
    """The split the samples of ``file`` belong to, if there is one."""
    if fmt == "tab":
        return None if split in (None, "all") else split
    named = _SPLIT_IN_NAME.search(file.stem)
    return named.group(1) if named else None


def dataset_files(path: Path, fmt: str, split: str | None) -> list[Path]:
    """``path`` itself, or the files of ``split`` in folder ``path``."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        msg = f"dataset {path} does not exist"
        raise ConfigError(msg)

    split_part = "" if split in (None, "all") else f"-{split}"
    patterns = {
        "presidio": ["*.json"],
        "tab": ["entity*.jsonl", "*.jsonl"],
        "germeval": [f"*{split_part}.tsv"],
        "uner": [f"*{split_part}.iob2"],
        "echr-tsv": [f"*{split_part}.tsv"],
    }[fmt]
    for pattern in patterns:
        files = sorted(file for file in path.rglob(pattern) if file.is_file())
        if files:
            return files
    msg = f"no {fmt} file for split {split!r} under {path}"
    raise ConfigError(msg)


def file_language(file: Path, fmt: str) -> str:
    """The language code in the file name, else the format's own language."""
    for match in _NAME_PART.finditer(file.stem):
        part = match.group().lower()
        if part in _KNOWN_LANGUAGES:
            return part
    if fmt in _DEFAULT_LANGUAGE:
        return _DEFAULT_LANGUAGE[fmt]
    msg = f"cannot tell the language of {file.name}; pass it with --lang"
    raise ConfigError(msg)


def spread(samples: list[Sample], limit: int) -> list[Sample]:
    """At most ``limit`` samples, evenly spaced, first one included."""
    if len(samples) <= limit:
        return samples
    step = len(samples) / limit
    return [samples[int(index * step)] for index in range(limit)]


def _read(file: Path, fmt: str, language: str, split: str | None) -> list[Sample]:
    """The samples of one file."""
    try:
        if fmt == "presidio":
            return read_presidio(file, language)
        if fmt == "tab":
            return read_tab(file, language, split)
        return read_conll(file, fmt, language)
    except UnicodeDecodeError:
        msg = f"{file} is not valid UTF-8"
        raise ConfigError(msg) from None
