"""Reading corpus files as a stream of items: records, or rejected lines.

Every physical record of an input becomes exactly one :class:`Item`: a parsed
record, or a reject that says where it was and why it could not be read. So
the records read always equal the records written plus the rejects.
Blank lines of JSONL files are not records and are only counted. A UTF-8
byte order mark is dropped at the start of a CSV file and of every JSONL line
(files joined with ``cat`` keep each one's mark).

A compressed input that ends early or is corrupt stops the run with a
:class:`ConfigError`: what was read of it is not all of it.
"""

from __future__ import annotations

import csv
import json
import math
import zlib
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from gdprgate.datasets.formats import Format, open_binary
from gdprgate.errors import ConfigError

DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024
_CHUNK = 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_NOT_FINITE = "a number JSON cannot hold (NaN, Infinity or out of range)"
_DUPLICATE_KEY = "a key appears twice in one object (one value would be lost)"


@dataclass(slots=True)
class Item:
    """One record of an input file, or the reason it was rejected.

    ``line`` is the 1-based line where the record starts; ``position`` is its
    1-based number among the file's records. A reject keeps its text
    (``raw``, decoded with U+FFFD for bytes that are not UTF-8) unless it was
    over the size limit.
    """

    source: str
    line: int
    position: int
    record: Any = None
    reject: str | None = None
    raw: str | None = None
    size: int = 0


@dataclass
class ReadCounts:
    """What the readers saw besides records."""

    blank_lines: int = 0
    bytes_read: int = 0
    sources: list[str] = field(default_factory=list)


def read_items(
    path: Path,
    fmt: Format,
    counts: ReadCounts,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    batch_rows: int = 1024,
    source: str | None = None,
) -> Iterator[Item]:
    """The items of one file, in order; ``source`` names the file in items
    and messages (default: its name)."""
    source = path.name if source is None else source
    counts.sources.append(source)
    if fmt == "parquet":
        yield from _parquet_items(path, source, counts, batch_rows)
        return
    items = _jsonl_items if fmt == "jsonl" else _csv_items
    try:
        with open_binary(path) as handle:
            yield from items(handle, source, counts, max_record_bytes)
    except (EOFError, OSError, zlib.error) as exc:
        msg = f"input {source} is truncated or corrupt; nothing was written"
        raise ConfigError(msg) from exc


def csv_header(path: Path) -> list[str]:
    """The cells of a CSV file's first line (its header), or ``[]`` when the
    file is empty or cannot be read (reading it fails the run later, with
    the reason)."""
    try:
        with open_binary(path) as handle:
            texts = _header_lines(handle, DEFAULT_MAX_RECORD_BYTES)
            return next(csv.reader(texts, strict=True), [])
    except (ConfigError, EOFError, OSError, zlib.error, csv.Error, _LineTooLong):
        return []


def _header_lines(handle: IO[bytes], limit: int) -> Iterator[str]:
    """The lines a header may span, ``limit`` bytes of them at most (a
    header line without an end must not be read into memory whole)."""
    left = limit
    while left > 0:
        raw = handle.readline(left + 1)
        if not raw:
            return
        if left == limit and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        left -= len(raw)
        if left < 0:
            raise _LineTooLong
        yield raw.decode("utf-8", errors="replace")
    raise _LineTooLong


class _LineTooLong(Exception):
    """A CSV line longer than the record size limit (not read whole)."""


def _lines(
    handle: IO[bytes], counts: ReadCounts, limit: int
) -> Iterator[tuple[bytes, bool]]:
    """Physical lines (without the newline) and whether each was cut at
    ``limit`` bytes; the rest of an over-long line is read and dropped."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if line.startswith(_BOM):
            counts.bytes_read += len(_BOM)
            line = line[len(_BOM) :]
        counts.bytes_read += len(line)
        if len(line) <= limit or line.endswith(b"\n"):
            yield line.rstrip(b"\r\n"), False
            continue
        _drop_rest_of_line(handle, counts)
        yield b"", True


def _jsonl_items(
    handle: IO[bytes], source: str, counts: ReadCounts, limit: int
) -> Iterator[Item]:
    position = 0
    for number, (line, too_long) in enumerate(_lines(handle, counts, limit), 1):
        if not too_long and not line.strip():
            counts.blank_lines += 1
            continue
        position += 1
        item = Item(source, number, position, size=len(line))
        if too_long:
            item.reject = f"record longer than {limit} bytes"
        else:
            _parse_json(line, item)
        yield item


def _parse_json(line: bytes, item: Item) -> None:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        item.reject = f"not valid UTF-8 (byte {exc.start})"
        item.raw = line.decode("utf-8", errors="replace")
        return
    try:
        item.record = json.loads(
            text,
            parse_float=_finite,
            parse_constant=_no_constant,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as exc:
        # The message names a position, never the content.
        item.reject = f"invalid JSON: {exc.msg} at column {exc.colno}"
        item.raw = text
    except RecursionError:
        item.reject = "invalid JSON: nested too deeply"
        item.raw = text
    except ValueError as exc:
        # Python reads no integer of over 4,300 digits (CVE-2020-10735).
        known = bool(exc.args) and exc.args[0] in (_NOT_FINITE, _DUPLICATE_KEY)
        reason = exc.args[0] if known else "an integer too long"
        item.reject = f"invalid JSON: {reason}"
        item.raw = text


def _finite(text: str) -> float:
    # 1e400 reads as infinity, which JSON cannot write back.
    value = float(text)
    if math.isinf(value):
        raise ValueError(_NOT_FINITE)
    return value


def _no_constant(_name: str) -> float:
    raise ValueError(_NOT_FINITE)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A plain dict keeps the last of two equal keys: the first value would
    # be lost without a word. The key is not named (it may be personal data).
    record = dict(pairs)
    if len(record) != len(pairs):
        raise ValueError(_DUPLICATE_KEY)
    return record


def _csv_items(
    handle: IO[bytes], source: str, counts: ReadCounts, limit: int
) -> Iterator[Item]:
    # Lines are decoded one by one so that a bad byte rejects one record
    # (its text keeps U+FFFD marks) instead of stopping the file.
    bad_lines: set[int] = set()

    def decoded() -> Iterator[tuple[int, str | None]]:
        # A line over the limit is read in chunks and dropped: None.
        for number, (raw, too_long) in enumerate(_raw_lines(handle, counts, limit), 1):
            if too_long:
                yield number, None
                continue
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                bad_lines.add(number)
                yield number, raw.decode("utf-8", errors="replace")

    lines = decoded()
    # The lines the reader took for the record it reads now (numbered), and
    # the lines to give it again after a quote that is never closed.
    taken: list[tuple[int, str | None]] = []
    again: deque[tuple[int, str | None]] = deque()

    def feed() -> Iterator[str]:
        while True:
            entry = again.popleft() if again else next(lines, None)
            if entry is None:
                return
            taken.append(entry)
            if entry[1] is None:
                raise _LineTooLong
            yield entry[1]

    csv.field_size_limit(limit)
    # strict: a quote that is never closed is an error, not a field that
    # swallows the rest of the file.
    reader = csv.reader(feed(), strict=True)
    header = _csv_header(reader, source)
    position = 0
    while True:
        taken.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except _LineTooLong:
            position += 1
            yield _too_long_line(source, position, taken, again, limit)
            reader = csv.reader(feed(), strict=True)
            bad_lines.difference_update(number for number, _ in taken)
            continue
        except csv.Error as exc:
            if not taken:
                return
            position += 1
            start = taken[0][0]
            item = Item(source, start, position, reject=_csv_reason(exc, taken))
            if len(taken) > 1:
                # A quote opened on the record's first line and not closed
                # there (never, by a quote of a later record, or not before
                # the size limit): the record is its first line, and reading
                # goes on at the next one, so the lines after it are records
                # again, never lost inside one reject.
                item.raw = _text(taken[0]).rstrip("\r\n")
                again.extend(taken[1:])
                reader = csv.reader(feed(), strict=True)
                taken[1:] = []
            elif not _too_long(exc):
                item.raw = "".join(map(_text, taken)).rstrip("\r\n")
            item.size = sum(len(_text(entry)) for entry in taken)
            yield item
            bad_lines.difference_update(number for number, _ in taken)
            continue
        if not taken:
            return
        start, end = taken[0][0], taken[-1][0]
        if row or end > start:
            position += 1
            yield _csv_item(row, header, source, start, position, end, bad_lines)
        else:
            counts.blank_lines += 1
        bad_lines.difference_update(range(start, end + 1))


def _raw_lines(
    handle: IO[bytes], counts: ReadCounts, limit: int
) -> Iterator[tuple[bytes, bool]]:
    """Physical lines with their newline, and whether each is longer than
    ``limit`` bytes (then ``b""``: its bytes are read in chunks and
    dropped, so memory stays bounded)."""
    first = True
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        counts.bytes_read += len(raw)
        if first and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        first = False
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw, False
            continue
        _drop_rest_of_line(handle, counts)
        yield b"", True


def _drop_rest_of_line(handle: IO[bytes], counts: ReadCounts) -> None:
    """Read the rest of an over-long line in chunks and drop it, counting
    its bytes, so memory stays bounded."""
    while True:
        chunk = handle.readline(_CHUNK)
        counts.bytes_read += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return


def _too_long_line(
    source: str,
    position: int,
    taken: list[tuple[int, str | None]],
    again: deque[tuple[int, str | None]],
    limit: int,
) -> Item:
    """The reject for a line over ``limit`` bytes, or, when a quote opened
    on an earlier line reached it, for that earlier line (the lines after
    it are read again)."""
    if len(taken) == 1:
        reject = f"record longer than {limit} bytes"
        return Item(source, taken[0][0], position, reject=reject, size=limit)
    reason = (
        "invalid CSV: a quoted field is not closed before a line longer than "
        f"{limit} bytes (the record is its first line; reading goes on at "
        "the next)"
    )
    first = _text(taken[0])
    again.extend(taken[1:])
    del taken[1:]
    item = Item(source, taken[0][0], position, reject=reason, size=len(first))
    item.raw = first.rstrip("\r\n")
    return item


def _text(entry: tuple[int, str | None]) -> str:
    return entry[1] or ""


def _unclosed(exc: csv.Error) -> bool:
    return str(exc) == "unexpected end of data"


def _too_long(exc: csv.Error) -> bool:
    return str(exc).startswith("field larger than field limit")


def _csv_reason(exc: csv.Error, taken: list[tuple[int, str | None]]) -> str:
    if _unclosed(exc):
        reason = "a quoted field is never closed"
    elif len(taken) > 1 and _too_long(exc):
        reason = f"a quoted field is not closed within the size limit ({exc})"
    elif len(taken) > 1:
        reason = f"a quoted field is not closed where it should be ({exc})"
    else:
        return f"invalid CSV: {exc}"
    return (
        f"invalid CSV: {reason} (the record is its first line; reading goes "
        "on at the next)"
    )


def _csv_header(reader: Any, source: str) -> list[str]:
    try:
        header = next(reader)
    except StopIteration:
        return []
    except csv.Error as exc:
        msg = f"{source}: the CSV header cannot be read ({exc})"
        raise ConfigError(msg) from exc
    except _LineTooLong:
        msg = f"{source}: the CSV header is longer than the record size limit"
        raise ConfigError(msg) from None
    if len(set(header)) != len(header):
        msg = f"{source}: the CSV header names a column twice"
        raise ConfigError(msg)
    return list(header)


def _csv_item(
    row: list[str],
    header: list[str],
    source: str,
    start: int,
    position: int,
    end: int,
    bad_lines: set[int],
) -> Item:
    item = Item(source, start, position, size=sum(len(cell) for cell in row))
    if any(number in bad_lines for number in range(start, end + 1)):
        item.reject = "not valid UTF-8"
        item.raw = ",".join(row)
    elif len(row) != len(header):
        item.reject = f"{len(row)} fields where the header has {len(header)}"
        item.raw = ",".join(row)
    else:
        item.record = dict(zip(header, row, strict=True))
    return item


def _parquet_items(
    path: Path, source: str, counts: ReadCounts, batch_rows: int
) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        msg = "Parquet needs `pip install 'gdprgate[scrub]'`"
        raise ConfigError(msg) from exc
    try:
        parquet = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:
        msg = f"{source}: not a readable Parquet file"
        raise ConfigError(msg) from exc
    counts.bytes_read += path.stat().st_size
    position = 0
    with parquet:
        for batch in parquet.iter_batches(batch_size=batch_rows):
            for row in batch.to_pylist():
                position += 1
                yield Item(source, position, position, record=plain(row))


def plain(value: Any) -> Any:
    """An Arrow value as the JSON-like values the scrub walks: a map's entries
    become ``{"key": ..., "value": ...}`` objects (keys are texts too) and
    binary that is UTF-8 becomes text. Parquet output takes both back."""
    if isinstance(value, dict):
        return {key: plain(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [plain(inner) for inner in value]
    if type(value) is tuple and len(value) == 2:
        # Only map entries come out as plain pairs (intervals are a subclass).
        key, inner = value
        return {"key": plain(key), "value": plain(inner)}
    if isinstance(value, bytes):
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None and "\x00" not in text:
            return text
        return TextInBinary(value) if looks_like_text(value) else value
    return value


class TextInBinary(bytes):
    """Binary that holds text in another encoding than UTF-8 (UTF-16, or a
    single-byte code page such as cp1252): the patterns cannot read it as
    it is, so no output may keep it (see :func:`looks_like_text`)."""


# Text has spaces and few control characters; short blobs say too little.
_MIN_TEXT_BYTES = 16
_PRINTABLE_SHARE = 0.95


def looks_like_text(value: bytes) -> bool:
    """Whether ``value`` reads as text in UTF-16 (a byte order mark, or
    NUL bytes between ASCII letters) or in cp1252 (nearly all printable,
    with a space), rather than as an image, a hash or other data."""
    if value[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    if len(value) < _MIN_TEXT_BYTES:
        return False
    for encoding in ("utf-16-le", "utf-16-be", "cp1252"):
        try:
            text = value.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(char.isprintable() or char in "\t\r\n" for char in text)
        if " " in text and printable >= _PRINTABLE_SHARE * len(text):
            return True
    return False


def parquet_schema(path: Path) -> Any:
    """The Arrow schema of a Parquet file (written back unchanged)."""
    import pyarrow.parquet as pq

    return pq.read_schema(path)
