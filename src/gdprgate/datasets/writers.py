"""Writing scrubbed records: JSON Lines, CSV or Parquet.

The output is written to ``<name>.partial`` and renamed when the run ends
well, so a stopped run never leaves a file that looks complete.

Nothing is dropped on the way out. A record the output cannot hold in full
(fields a CSV header or Parquet schema lacks, a NaN in JSON, bytes that are
not UTF-8 outside Parquet, a value of the wrong type for the schema) is a
*misfit*: :meth:`RecordWriter.misfit` names the reason, so the caller can
reject the record instead of writing it, and :meth:`RecordWriter.write`
raises :class:`ConfigError` with that reason rather than lose data.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from gdprgate.datasets.formats import Format, open_output
from gdprgate.datasets.readers import TextInBinary, plain
from gdprgate.errors import ConfigError

_OTHER_SHAPES = "write JSONL for records of different shapes"
# What a spreadsheet takes for the start of a formula in a CSV cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet opening a CSV cell of ``text`` would read a
    formula (``=HYPERLINK(…)``, ``+49 …``, ``-2``, ``@SUM(…)``)."""
    return text.startswith(FORMULA_STARTS)


class RecordWriter:
    """Writes batches of records to one output file in one format.

    CSV columns are the fields of the first record checked or written (a
    CSV output without records gets ``header``, the input's header line);
    Parquet keeps the schema given, else takes its columns from that record
    and its types from the first batch written.

    A CSV text cell that starts like a formula is counted
    (:attr:`formula_cells`) and, with ``escape_formulas``, written after an
    apostrophe, which spreadsheets read as "this is text".
    """

    def __init__(
        self,
        path: Path,
        fmt: Format,
        schema: Any = None,
        header: Sequence[str] = (),
        *,
        escape_formulas: bool = False,
    ) -> None:
        self.path = path
        self.formula_cells = 0
        self._escape_formulas = escape_formulas
        self._header = list(header)
        self.partial = path.with_name(path.name + ".partial")
        self._format = fmt
        self._schema = schema
        self._columns: list[str] | None = None
        if schema is not None:
            self._columns = list(schema.names)
        self._handle: IO[bytes] | None = None
        self._text: io.TextIOWrapper | None = None
        self._csv: Any = None
        self._parquet: Any = None
        # Parquet without a given schema: the types of the records checked
        # so far, which the first batch is written with.
        self._inferred: Any = None
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt != "parquet":
            self._handle = open_output(self.partial, named=path)
            self._text = io.TextIOWrapper(self._handle, encoding="utf-8", newline="")

    def misfit(self, record: Any) -> str | None:
        """Why ``record`` cannot be written in full, or None when it can."""
        try:
            if self._format == "jsonl":
                json_text(record)
            elif self._format == "csv":
                self._row(record)
            else:
                self._parquet_check(record)
        except ConfigError as exc:
            return str(exc)
        return None

    def write(self, records: list[Any]) -> None:
        """Append ``records`` in order; :class:`ConfigError` (and nothing of
        the batch written) when one is a misfit."""
        if not records:
            return
        if self._format == "jsonl":
            assert self._text is not None
            self._text.write("".join(json_text(record) + "\n" for record in records))
        elif self._format == "csv":
            self._write_csv(records)
        else:
            self._write_parquet(records)

    def _fields(self, record: Any, kind: str) -> list[str]:
        """The output's columns, fixed by the first record; ``record`` must
        have no others."""
        if not isinstance(record, dict):
            msg = f"{kind} output needs records that are JSON objects; {_OTHER_SHAPES}"
            raise ConfigError(msg)
        if self._columns is None:
            self._columns = [str(key) for key in record]
        known = set(self._columns)
        extra = [str(key) for key in record if key not in known]
        if extra:
            lacks = "CSV header" if kind == "CSV" else "Parquet schema"
            msg = f"fields the {lacks} lacks: {', '.join(extra)}; {_OTHER_SHAPES}"
            raise ConfigError(msg)
        return self._columns

    def _row(self, record: Any) -> list[str]:
        cells = [_cell(record.get(key)) for key in self._fields(record, "CSV")]
        try:
            "".join(cells).encode("utf-8")
        except UnicodeEncodeError:
            msg = "text that UTF-8 cannot hold (a lone surrogate); write JSONL"
            raise ConfigError(msg) from None
        return cells

    def _write_csv(self, records: list[Any]) -> None:
        assert self._text is not None
        rows = [self._row(record) for record in records]
        for record, row in zip(records, rows, strict=True):
            for index, key in enumerate(self._columns or ()):
                value = record.get(key)
                if isinstance(value, str) and formula_like(value):
                    self.formula_cells += 1
                    if self._escape_formulas:
                        row[index] = "'" + value
        if self._csv is None:
            self._csv = csv.writer(self._text, lineterminator="\n")
            self._csv.writerow(self._columns)
        self._csv.writerows(rows)

    def _parquet_check(self, record: Any) -> None:
        import pyarrow as pa

        table = self._parquet_table([record])
        if self._schema is not None:
            return
        # Each record alone would fit; together they must share the types
        # (a null column takes the type of the first value it gets).
        try:
            schemas = [table.schema] if self._inferred is None else [self._inferred]
            self._inferred = pa.unify_schemas([*schemas, table.schema])
        except (pa.ArrowException, TypeError, ValueError) as exc:
            msg = (
                "a value of another type than earlier records have in its "
                f"Parquet column; {_OTHER_SHAPES}"
            )
            raise ConfigError(msg) from exc

    def _parquet_table(self, records: list[Any]) -> Any:
        """``records`` as an Arrow table, checked to hold every value."""
        import pyarrow as pa

        for record in records:
            columns = self._fields(record, "Parquet")
            if _holds_text_in_binary(record):
                msg = (
                    "binary that holds text in another encoding than UTF-8 "
                    "(UTF-16, cp1252) cannot be scanned; store it as a string "
                    "or UTF-8"
                )
                raise ConfigError(msg)
        try:
            if self._schema is not None:
                table = pa.Table.from_pylist(records, schema=self._schema)
            else:
                values = {
                    key: [record.get(key) for record in records] for key in columns
                }
                table = pa.Table.from_pydict(values)
        except (pa.ArrowException, TypeError, ValueError, OverflowError) as exc:
            msg = f"a value does not fit the Parquet column's type; {_OTHER_SHAPES}"
            raise ConfigError(msg) from exc
        # Arrow drops struct fields it has no place for and rounds
        # numbers to the column's type: read back, compare.
        for sent, back in zip(records, table.to_pylist(), strict=True):
            if not _same(sent, plain(back)):
                msg = f"a value the Parquet schema cannot hold in full; {_OTHER_SHAPES}"
                raise ConfigError(msg)
        return table

    def _write_parquet(self, records: list[Any]) -> None:
        import pyarrow.parquet as pq

        if self._schema is None and self._inferred is not None:
            self._schema = self._inferred
        table = self._parquet_table(records)
        if self._parquet is None:
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(self.partial, table.schema)
        self._parquet.write_table(table)

    def commit(self) -> None:
        """Close the file and give it its final name."""
        columns = self._columns or self._header
        if self._format == "csv" and self._csv is None and columns:
            assert self._text is not None
            csv.writer(self._text, lineterminator="\n").writerow(columns)
        self._close()
        if self._format == "parquet" and not self.partial.exists():
            self._write_empty_parquet()
        self.partial.replace(self.path)

    def abort(self) -> None:
        """Close the file and remove it (also when the close fails)."""
        try:
            self._close()
        except OSError:
            # A full disk fails the last flush too: the file goes anyway.
            self._handle = self._text = self._parquet = None
        self.partial.unlink(missing_ok=True)

    def _close(self) -> None:
        if self._text is not None:
            self._text.close()
            self._text = None
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None

    def _write_empty_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = self._schema if self._schema is not None else pa.schema([])
        pq.write_table(schema.empty_table(), self.partial)


def json_text(value: Any) -> str:
    """``value`` as one line of valid JSON, UTF-8 where it can be and
    ``\\u`` escapes where it cannot (a lone surrogate); :class:`ConfigError`
    for a value JSON cannot hold."""
    try:
        text = json.dumps(
            value, ensure_ascii=False, allow_nan=False, default=_json_default
        )
    except ValueError:
        msg = "a number JSON cannot hold (NaN or Infinity); write Parquet"
        raise ConfigError(msg) from None
    except TypeError as exc:
        msg = f"{exc}; write Parquet to keep it"
        raise ConfigError(msg) from None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value, allow_nan=False, default=_json_default)
    return text


def _json_default(value: Any) -> Any:
    # Parquet dates, times and decimals are written as their ISO or exact text.
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        raise TypeError("binary data that is not UTF-8 text")
    raise TypeError(f"a value of type {type(value).__name__} that JSON cannot hold")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return json_text(value)


def _same(sent: Any, back: Any) -> bool:
    """Whether ``back`` holds all of ``sent`` (fields it lacked may be null)."""
    if isinstance(sent, dict):
        return (
            isinstance(back, dict)
            and sent.keys() <= back.keys()
            and all(_same(sent[key], back[key]) for key in sent)
            and all(back[key] is None for key in back.keys() - sent.keys())
        )
    if isinstance(sent, list):
        return (
            isinstance(back, list)
            and len(sent) == len(back)
            and all(_same(a, b) for a, b in zip(sent, back, strict=True))
        )
    if isinstance(sent, float) and math.isnan(sent):
        return isinstance(back, float) and math.isnan(back)
    return bool(sent == back)


def record_text(record: Any) -> str:
    """``record`` as JSON text for the rejects file, whatever it holds."""
    return json_text(_loose(record))


def _loose(value: Any) -> Any:
    """``value`` with what JSON cannot hold made text, for the rejects file.

    Binary that is not UTF-8 was never scanned: a placeholder stands in its
    place, so the rejects file holds no more than the output would.
    """
    if isinstance(value, dict):
        return {key: _loose(inner) for key, inner in value.items()}
    if isinstance(value, list | tuple):
        return [_loose(inner) for inner in value]
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, bytes):
        return binary_placeholder(value)
    return value


def _holds_text_in_binary(value: Any) -> bool:
    """Whether ``value`` holds a :class:`TextInBinary` anywhere."""
    if isinstance(value, TextInBinary):
        return True
    if isinstance(value, dict):
        return any(_holds_text_in_binary(inner) for inner in value.values())
    if isinstance(value, list):
        return any(_holds_text_in_binary(inner) for inner in value)
    return False


def binary_placeholder(value: bytes) -> str:
    """What the rejects file holds for binary that is not UTF-8 text."""
    size = f"{len(value)} byte" + ("" if len(value) == 1 else "s")
    return f"<binary, {size}, not UTF-8: not written>"


class RejectWriter:
    """Rejected records as JSON Lines: source, line, reason and scrubbed text.

    Written to ``<name>.partial`` like the output: :meth:`commit` gives it
    its name (or removes an earlier run's file when nothing was rejected),
    :meth:`abort` removes it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self.written = 0
        self._handle: IO[str] | None = None

    def write(self, entry: dict[str, Any]) -> None:
        self.written += 1
        if self._handle is None:
            self._handle = self.partial.open("w", encoding="utf-8")
        self._handle.write(record_text(entry) + "\n")

    @property
    def used(self) -> bool:
        return self.written > 0

    def commit(self) -> None:
        """Close the file and give it its final name."""
        self.close()
        if self.used:
            self.partial.replace(self.path)
        else:
            # A rejects file of an earlier run to this output is not ours.
            self.path.unlink(missing_ok=True)

    def abort(self) -> None:
        """Close the file and remove it (also when the close fails)."""
        try:
            self.close()
        except OSError:
            self._handle = None
        self.partial.unlink(missing_ok=True)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
