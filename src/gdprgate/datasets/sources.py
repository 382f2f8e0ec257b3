"""The files of a scrub run: how inputs are named, and which files it touches.

An input is named in the report, the rejects file and the subject index by
the shortest end of its path that no other input of the run shares
(``train.jsonl``, or ``s1/train.jsonl`` and ``s2/train.jsonl``). Personal
data in such a name (``chat_jane.doe@example.org.jsonl``) is replaced by
its type (``chat_[EMAIL_ADDRESS].jsonl``) before the name is stored or
shown: see :func:`masked`.

A run writes or removes its output, the rejects file and the report, each
also as ``.partial``: :func:`check_inputs` refuses a run that would touch one
of its inputs that way.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path, PurePath

from gdprgate.datasets.detection import Span
from gdprgate.datasets.formats import COMPRESSED_SUFFIXES
from gdprgate.errors import ConfigError

# Suffixes kept out of detection (``.de.jsonl`` must not end an e-mail).
_FORMAT_SUFFIXES = frozenset(
    {".jsonl", ".ndjson", ".json", ".csv", ".parquet", ".pq", ".partial"}
)
_DIGEST_CHARS = 8


def source_labels(paths: Sequence[Path]) -> list[str]:
    """Each path's shortest end (file name, then folders above it) that no
    other of ``paths`` ends in; the same file given twice gets one label."""
    full = [path.absolute().parts for path in paths]
    depth = dict.fromkeys(full, 1)
    while True:
        groups: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        for parts, size in depth.items():
            groups.setdefault(parts[-size:], set()).add(parts)
        clashing = [p for group in groups.values() if len(group) > 1 for p in group]
        longer = [p for p in clashing if depth[p] < len(p)]
        if not longer:
            break
        for parts in longer:
            depth[parts] += 1
    return [PurePath(*parts[-depth[parts] :]).as_posix() for parts in full]


def split_suffixes(name: str) -> tuple[str, str]:
    """``name`` as its stem and its trailing format and compression suffixes
    (``chat.jsonl.gz`` -> ``chat``, ``.jsonl.gz``)."""
    stem, suffix = name, ""
    while True:
        head, dot, tail = stem.rpartition(".")
        ending = f".{tail.lower()}"
        known = ending in _FORMAT_SUFFIXES or ending in COMPRESSED_SUFFIXES
        if not (dot and head and known) or "/" in tail:
            return stem, suffix
        stem, suffix = head, f".{tail}{suffix}"


def masked(text: str, spans: Sequence[Span]) -> str:
    """``text`` with each span replaced by ``[ENTITY]``; spans are sorted and
    do not overlap."""
    pieces = []
    cursor = 0
    for start, end, entity in spans:
        pieces.append(text[cursor:start])
        pieces.append(f"[{entity}]")
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def folder_digest(output: Path) -> str:
    """A short hash of the output's folder (its full path, links resolved):
    outputs of one name in different folders get different data set ids
    without the path, which may name a person, being stored."""
    folder = str(output.resolve().parent).encode("utf-8", "surrogateescape")
    return hashlib.sha256(folder).hexdigest()[:_DIGEST_CHARS]


def check_inputs(inputs: Sequence[Path], touched: Sequence[Path]) -> None:
    """:class:`ConfigError` when an input is one of the files a run writes or
    removes (``touched``), by its path, a symbolic link or a hard link."""
    by_path = {path.resolve(): path for path in touched}
    by_inode: dict[tuple[int, int], Path] = {}
    for path in touched:
        with_stat = _inode(path)
        if with_stat is not None:
            by_inode[with_stat] = path
    for path in inputs:
        hit = by_path.get(path.resolve())
        inode = _inode(path)
        if hit is None and inode is not None:
            hit = by_inode.get(inode)
        if hit is not None:
            msg = (
                f"an input is {hit} (or a link to it), a file this run writes "
                "or removes; give the output another name or move the input"
            )
            raise ConfigError(msg)


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def check_output(output: Path) -> None:
    """Fail before any work when ``output`` cannot be written: it or its
    ``.partial`` is a folder, a folder above it is a file, or its folder is
    missing or not writable."""
    for path in (output, output.with_name(output.name + ".partial")):
        if path.is_dir():
            msg = f"{path}: is a folder; give the output a file name"
            raise ConfigError(msg)
    folder = output.absolute().parent
    if not folder.is_dir():
        for above in (folder, *folder.parents):
            if above.exists() and not above.is_dir():
                msg = f"{above}: is a file, not a folder; the output cannot go in it"
                raise ConfigError(msg)
        msg = f"{folder}: no such folder for the output; create it first"
        raise ConfigError(msg)
    if not os.access(folder, os.W_OK | os.X_OK):
        msg = f"{folder}: the output's folder is not writable"
        raise ConfigError(msg)
