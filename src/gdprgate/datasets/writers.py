"""Writing scrubbed records: JSON Lines, CSV or Parquet.

The output is written to ``<name>.partial`` and renamed when the run ends
well, so a stopped run never leaves a file that looks complete.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import IO, Any

from gdprgate.datasets.formats import Format, open_output
from gdprgate.errors import ConfigError


class RecordWriter:
    """Writes batches of records to one output file in one format."""

    def __init__(self, path: Path, fmt: Format, schema: Any = None) -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self._format = fmt
        self._schema = schema
        self._handle: IO[bytes] | None = None
        self._text: io.TextIOWrapper | None = None
        self._csv: Any = None
        self._header: list[str] | None = None
        self._parquet: Any = None
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt != "parquet":
            self._handle = open_output(self.partial, named=path)
            self._text = io.TextIOWrapper(self._handle, encoding="utf-8", newline="")

    def write(self, records: list[Any]) -> None:
        """Append ``records`` in order."""
        if not records:
            return
        if self._format == "jsonl":
            assert self._text is not None
            for record in records:
                self._text.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self._format == "csv":
            self._write_csv(records)
        else:
            self._write_parquet(records)

    def _write_csv(self, records: list[Any]) -> None:
        assert self._text is not None
        if self._csv is None:
            self._csv = csv.writer(self._text, lineterminator="\n")
            first = records[0]
            if not isinstance(first, dict):
                msg = "CSV output needs records that are JSON objects"
                raise ConfigError(msg)
            self._header = [str(key) for key in first]
            self._csv.writerow(self._header)
        assert self._header is not None
        for record in records:
            if not isinstance(record, dict):
                msg = "CSV output needs records that are JSON objects"
                raise ConfigError(msg)
            self._csv.writerow([_cell(record.get(key)) for key in self._header])

    def _write_parquet(self, records: list[Any]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            table = pa.Table.from_pylist(records, schema=self._schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError) as exc:
            msg = "the records do not fit one Parquet schema; write JSONL instead"
            raise ConfigError(msg) from exc
        if self._parquet is None:
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(self.partial, table.schema)
        self._parquet.write_table(table)

    def commit(self) -> None:
        """Close the file and give it its final name."""
        self._close()
        if self._format == "parquet" and not self.partial.exists():
            self._write_empty_parquet()
        self.partial.replace(self.path)

    def abort(self) -> None:
        """Close the file and remove it."""
        self._close()
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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class RejectWriter:
    """Rejected records as JSON Lines: source, line, reason and scrubbed text."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.written = 0
        self._handle: IO[str] | None = None

    def write(self, entry: dict[str, Any]) -> None:
        self.written += 1
        if self._handle is None:
            self._handle = self.path.open("w", encoding="utf-8")
        self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")

    @property
    def used(self) -> bool:
        return self.written > 0

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
