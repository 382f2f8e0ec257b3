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
_COMPRESSED = {".gz", ".gzip", ".zst", ".zstd"}
_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_CHUNK = 256 * 1024


def format_of(path: Path, given: str | None = None) -> Format:
    """The format ``given``, or the one the file name says."""
    if given is not None:
        if given not in FORMATS:
            msg = f"unknown format {given!r}; use one of {', '.join(FORMATS)}"
            raise ConfigError(msg)
        return given
    suffixes = [s.lower() for s in path.suffixes]
    while suffixes and suffixes[-1] in _COMPRESSED:
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
    if head.startswith(_ZSTD_MAGIC):
        return _zstd_reader(raw)
    return raw


def _zstd_reader(raw: IO[bytes]) -> IO[bytes]:
    try:
        import zstandard  # noqa: F401
    except ImportError as exc:
        msg = "zstd input needs `pip install 'gdprgate[scrub]'`"
        raise ConfigError(msg) from exc
    return io.BufferedReader(_ZstdStream(raw), buffer_size=_CHUNK)


class _ZstdStream(io.RawIOBase):
    """The decompressed bytes of one or more zstd frames.

    zstandard's own stream reader ends quietly where a frame is cut off;
    this one raises :class:`EOFError` when the input ends inside a frame,
    and :class:`OSError` when a frame is corrupt.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        import zstandard

        self._raw = raw
        self._error: type[Exception] = zstandard.ZstdError
        self._context = zstandard.ZstdDecompressor()
        self._frame = self._context.decompressobj()
        self._in_frame = False
        self._out = b""
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._at >= len(self._out):
            chunk = self._raw.read(_CHUNK)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd input ends inside a frame")
                return 0
            self._out, self._at = self._decompress(chunk), 0
        size = min(len(buffer), len(self._out) - self._at)
        buffer[:size] = self._out[self._at : self._at + size]
        self._at += size
        return size

    def _decompress(self, chunk: bytes) -> bytes:
        pieces = []
        try:
            pieces.append(self._frame.decompress(chunk))
            self._in_frame = not self._frame.eof
            # A frame ended inside the chunk: the rest starts the next one.
            while self._frame.eof:
                rest = self._frame.unused_data
                self._frame = self._context.decompressobj()
                if not rest:
                    break
                pieces.append(self._frame.decompress(rest))
                self._in_frame = not self._frame.eof
        except self._error as exc:
            raise OSError("corrupt zstd frame") from exc
        return b"".join(pieces)

    def close(self) -> None:
        self._raw.close()
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
