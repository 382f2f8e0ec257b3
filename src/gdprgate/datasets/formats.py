"""File formats and compression of corpora: naming, sniffing, opening.

A corpus file is JSON Lines, CSV or Parquet. JSONL and CSV may be gzip or
zstd compressed; the compression is read from the first bytes, not the name.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import IO, Any, Literal, cast

from gdprgate.errors import ConfigError

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv", "parquet")

_SUFFIXES: dict[str, Format] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
COMPRESSED_SUFFIXES = frozenset({".gz", ".gzip", ".zst", ".zstd"})
_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_CHUNK = 256 * 1024
_MAX_FRAME_HEADER = 18
_SKIPPABLE_MAGIC = 0x184D2A50
_SKIPPABLE_MASK = 0xFFFFFFF0
_RLE_BLOCK = 1


def format_of(path: Path, given: str | None = None) -> Format:
    """The format ``given``, or the one the file name says."""
    if given is not None:
        if given not in FORMATS:
            msg = f"unknown format {given!r}; use one of {', '.join(FORMATS)}"
            raise ConfigError(msg)
        return given
    suffixes = [s.lower() for s in path.suffixes]
    while suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes.pop()
    if suffixes and suffixes[-1] in _SUFFIXES:
        return _SUFFIXES[suffixes[-1]]
    msg = f"{path.name}: cannot tell the format from the name; give --format"
    raise ConfigError(msg)


def open_binary(path: Path) -> IO[bytes]:
    """``path`` opened for reading, decompressed when it is gzip or zstd."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        msg = f"{path}: cannot open the input ({exc.strerror})"
        raise ConfigError(msg) from exc
    head = raw.read(4)
    raw.seek(0)
    if head.startswith(_GZIP_MAGIC):
        raw.close()
        return cast("IO[bytes]", gzip.GzipFile(path, mode="rb"))
    skippable = int.from_bytes(head, "little") & _SKIPPABLE_MASK == _SKIPPABLE_MAGIC
    if head.startswith(_ZSTD_MAGIC) or (len(head) == 4 and skippable):
        return _zstd_reader(raw)
    return raw


def _zstd_reader(raw: IO[bytes]) -> IO[bytes]:
    try:
        import zstandard
    except ImportError as exc:
        msg = "zstd input needs `pip install 'gdprgate[scrub]'`"
        raise ConfigError(msg) from exc
    # zstandard's reader ends quietly where a frame is cut off: walk the
    # frames first so that a short file fails before any work is done.
    try:
        _check_zstd_frames(raw)
    except (EOFError, zstandard.ZstdError) as exc:
        raw.close()
        raise OSError("zstd input truncated or corrupt") from exc
    raw.seek(0)
    reader = zstandard.ZstdDecompressor().stream_reader(
        raw, read_across_frames=True, closefd=True
    )
    return io.BufferedReader(_ZstdErrors(reader), buffer_size=_CHUNK)


def _check_zstd_frames(raw: IO[bytes]) -> None:
    """:class:`EOFError` when ``raw`` ends inside a zstd frame.

    Only headers are read: a frame header, then each block's 3-byte header
    (last-block flag, type, size) to the next, then the checksum if any.
    """
    import zstandard

    end = raw.seek(0, io.SEEK_END)
    at = 0
    while at < end:
        raw.seek(at)
        head = raw.read(_MAX_FRAME_HEADER)
        magic = int.from_bytes(head[:4], "little")
        if magic & _SKIPPABLE_MASK == _SKIPPABLE_MAGIC:
            at += 8 + int.from_bytes(head[4:8], "little")
            continue
        at += zstandard.frame_header_size(head)
        checksum = zstandard.get_frame_parameters(head).has_checksum
        last = False
        while not last:
            raw.seek(at)
            block = raw.read(3)
            if len(block) < 3:
                raise EOFError("zstd input ends inside a frame")
            value = int.from_bytes(block, "little")
            last, kind, size = bool(value & 1), (value >> 1) & 3, value >> 3
            at += 3 + (1 if kind == _RLE_BLOCK else size)
        at += 4 if checksum else 0
    if at > end:
        raise EOFError("zstd input ends inside a frame")


class _ZstdErrors(io.RawIOBase):
    """A stream whose zstd errors are :class:`OSError`, as gzip's are."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        import zstandard

        try:
            data = self._inner.read(len(buffer))
        except zstandard.ZstdError as exc:
            raise OSError("corrupt zstd data") from exc
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()


def open_output(path: Path, named: Path | None = None) -> IO[bytes]:
    """``path`` opened for writing, compressed when the name of ``named``
    (default: ``path``) ends .gz or .zst."""
    suffix = (named or path).suffix.lower()
    if suffix in {".gz", ".gzip"}:
        # mtime 0: the same input gives the same compressed bytes.
        return cast("IO[bytes]", gzip.GzipFile(path, mode="wb", mtime=0))
    raw = path.open("wb")
    if suffix in {".zst", ".zstd"}:
        import zstandard

        writer = zstandard.ZstdCompressor().stream_writer(raw, closefd=True)
        return cast("IO[bytes]", writer)
    return raw
