"""Reading corpora: every record is read or rejected, with its line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import zstandard

from gdprgate.datasets.formats import format_of
from gdprgate.datasets.readers import ReadCounts, read_items
from gdprgate.errors import ConfigError


def _items(path: Path, fmt: str, limit: int = 1024) -> list:
    return list(read_items(path, fmt, ReadCounts(), max_record_bytes=limit))  # type: ignore[arg-type]


def test_jsonl_rejects_bad_lines_with_their_numbers(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"a": "x"}\n{broken\n\n{"a": "\xff\xfe"}\n[1, 2]\n')
    items = _items(path, "jsonl")
    assert [(i.line, i.position, i.reject is None) for i in items] == [
        (1, 1, True),
        (2, 2, False),
        (4, 3, False),
        (5, 4, True),
    ]
    assert str(items[1].reject).startswith("invalid JSON")
    assert "UTF-8" in str(items[2].reject)
    assert items[3].record == [1, 2]


def test_jsonl_over_long_record_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    long_line = json.dumps({"text": "x" * 5000})
    path.write_text(f'{long_line}\n{{"text": "short"}}\n', encoding="utf-8")
    items = _items(path, "jsonl", limit=1000)
    assert items[0].reject == "record longer than 1000 bytes"
    assert items[0].raw is None
    assert items[1].record == {"text": "short"}
    assert items[1].line == 2


def test_blank_lines_are_counted_not_records(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('\n{"a": 1}\n   \n', encoding="utf-8")
    counts = ReadCounts()
    items = list(read_items(path, "jsonl", counts))
    assert len(items) == 1
    assert counts.blank_lines == 2


def test_csv_keeps_quoted_commas_and_embedded_newlines(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        'id,text\n1,"Hello, world"\n2,"two\nlines"\n3,"say ""hi"""\n',
        encoding="utf-8",
    )
    items = _items(path, "csv")
    assert [i.record for i in items] == [
        {"id": "1", "text": "Hello, world"},
        {"id": "2", "text": "two\nlines"},
        {"id": "3", "text": 'say "hi"'},
    ]
    assert [i.line for i in items] == [2, 3, 5]


def test_csv_rejects_wrong_field_counts_and_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,text\n1,a,extra\n2,\xff\n3,fine\n")
    items = _items(path, "csv")
    assert [i.reject is None for i in items] == [False, False, True]
    assert items[0].reject == "3 fields where the header has 2"
    assert items[1].reject == "not valid UTF-8"
    assert items[2].record == {"id": "3", "text": "fine"}


def test_csv_unclosed_quote_rejects_its_first_line_and_reads_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        'id,text\n1,"ok"\n2,"open\n3,"two\nlines"\n4,fine\n', encoding="utf-8"
    )
    items = _items(path, "csv")
    assert [(i.line, i.position) for i in items] == [(2, 1), (3, 2), (4, 3), (6, 4)]
    assert items[1].reject is not None
    assert "not closed" in items[1].reject
    assert items[1].raw == '2,"open'
    assert [i.record for i in items if i.reject is None] == [
        {"id": "1", "text": "ok"},
        {"id": "3", "text": "two\nlines"},
        {"id": "4", "text": "fine"},
    ]


def test_csv_two_unclosed_quotes_reject_two_records(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,text\n1,"a\n2,"b\n3,c\n', encoding="utf-8")
    items = _items(path, "csv")
    assert [(i.line, i.reject is None) for i in items] == [
        (2, False),
        (3, False),
        (4, True),
    ]
    assert [i.raw for i in items[:2]] == ['1,"a', '2,"b']


def test_csv_quote_open_past_the_size_limit_loses_no_record(tmp_path: Path) -> None:
    """A quote never closed swallowed every line up to the record size limit
    into one reject: those records were neither written nor rejected."""
    path = tmp_path / "in.csv"
    rows = "".join(f"{n},Zeile {n}\n" for n in range(3, 200))
    path.write_text(f'id,text\n1,ok\n2,"offen\n{rows}', encoding="utf-8")

    items = _items(path, "csv", limit=500)

    assert [i.line for i in items] == list(range(2, 201))
    assert items[1].raw == '2,"offen'
    assert items[1].reject is not None
    assert "not closed within the size limit" in items[1].reject
    assert [i.record for i in items[2:4]] == [
        {"id": "3", "text": "Zeile 3"},
        {"id": "4", "text": "Zeile 4"},
    ]
    assert all(i.reject is None for i in items[2:])


@pytest.mark.parametrize(
    "line",
    [
        f"1,{'x' * 600}",
        f"{'1' * 300},{'x' * 300}",
    ],
)
def test_csv_record_over_the_size_limit_is_one_reject_without_text(
    tmp_path: Path, line: str
) -> None:
    """A line over the limit is not read whole (memory stays bounded, as
    for JSONL) and is rejected like a JSONL line over it; the next line is
    read as usual."""
    path = tmp_path / "in.csv"
    path.write_text(f"id,text\n{line}\n2,fine\n", encoding="utf-8")

    items = _items(path, "csv", limit=500)

    assert [(i.reject is None, i.raw) for i in items] == [(False, None), (True, None)]
    assert items[0].line == 2
    assert items[0].reject in {
        "record longer than 500 bytes",
        "invalid CSV: field larger than field limit (500)",
    }
    assert items[1].record == {"id": "2", "text": "fine"}


def test_csv_quote_open_before_a_too_long_line_rejects_both(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(f'id,text\n1,"offen\n2,{"x" * 600}\n3,gut\n', encoding="utf-8")

    items = _items(path, "csv", limit=500)

    assert [(i.line, i.reject is None) for i in items] == [
        (2, False),
        (3, False),
        (4, True),
    ]
    assert items[0].raw == '1,"offen'
    assert items[1].reject == "record longer than 500 bytes"
    assert items[2].record == {"id": "3", "text": "gut"}


def test_csv_header_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("a" * 600 + ",b\n1,2\n", encoding="utf-8")

    with pytest.raises(ConfigError, match="header is longer than"):
        _items(path, "csv", limit=500)


@pytest.mark.parametrize("compress", ["gzip", "zstd"])
def test_compressed_input_is_read_by_its_content(tmp_path: Path, compress: str) -> None:
    data = b'{"a": "one"}\n{"a": "two"}\n'
    packed = (
        gzip.compress(data)
        if compress == "gzip"
        else zstandard.ZstdCompressor().compress(data)
    )
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(packed)
    assert [i.record["a"] for i in _items(path, "jsonl")] == ["one", "two"]


def test_parquet_rows_are_records(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": [1, 2], "text": ["a", None]}), path)
    items = _items(path, "parquet")
    assert [i.record for i in items] == [
        {"id": 1, "text": "a"},
        {"id": 2, "text": None},
    ]


def test_format_comes_from_the_name_or_is_asked_for(tmp_path: Path) -> None:
    assert format_of(Path("a.jsonl.zst")) == "jsonl"
    assert format_of(Path("b.CSV.gz")) == "csv"
    assert format_of(Path("c.parquet")) == "parquet"
    with pytest.raises(ConfigError, match="--format"):
        format_of(Path("d.txt"))
