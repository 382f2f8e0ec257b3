"""Formats under review: odd records, truncated input and output shapes.

Every record is read or rejected, and every record read is written in full
or named as one the output cannot hold: nothing is lost without a word.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard
from click.testing import CliRunner

from gdprgate.cli import main
from gdprgate.datasets.readers import ReadCounts, plain, read_items
from gdprgate.datasets.writers import RecordWriter, RejectWriter, record_text
from gdprgate.errors import ConfigError
from tests.datasets.conftest import read_jsonl, write_jsonl

EMAIL = "annika.vesterholm@example.org"
OTHER_EMAIL = "gunnar.ollenbrink@example.org"


def _items(path: Path, fmt: str) -> list[Any]:
    return list(read_items(path, fmt, ReadCounts()))  # type: ignore[arg-type]


def _env(data_dir: Path) -> dict[str, str]:
    return {
        "GDPRGATE_DATA_DIR": str(data_dir / "store"),
        "GDPRGATE_DETECT_RAMPART": "false",
        "GDPRGATE_DETECT_SPACY": "false",
    }


def _big_jsonl() -> bytes:
    return b"".join(b'{"text": "line %d of a long corpus"}\n' % i for i in range(20000))


# Reading


def test_jsonl_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"a": "one"}\n{"a": "two"}\n')
    items = _items(path, "jsonl")
    assert [(i.record, i.reject) for i in items] == [
        ({"a": "one"}, None),
        ({"a": "two"}, None),
    ]


def test_csv_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"\xef\xbb\xbftext,id\nhello,1\n")
    assert [i.record for i in _items(path, "csv")] == [{"text": "hello", "id": "1"}]


def test_integer_of_over_4300_digits_rejects_its_line_only(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"n": ' + "9" * 5000 + '}\n{"a": "next"}\n', encoding="utf-8")
    first, second = _items(path, "jsonl")
    assert first.reject == "invalid JSON: an integer too long"
    assert (first.line, second.record) == (1, {"a": "next"})


@pytest.mark.parametrize("number", ["1e400", "-1e400", "NaN", "Infinity", "-Infinity"])
def test_numbers_json_cannot_write_back_are_rejected(
    tmp_path: Path, number: str
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(f'{{"v": {number}}}\n{{"v": 1.5e300}}\n', encoding="utf-8")
    first, second = _items(path, "jsonl")
    assert first.reject == (
        "invalid JSON: a number JSON cannot hold (NaN, Infinity or out of range)"
    )
    assert second.record == {"v": 1.5e300}


@pytest.mark.parametrize("compress", ["gzip", "zstd"])
def test_truncated_compressed_input_is_an_input_error(
    tmp_path: Path, compress: str
) -> None:
    data = _big_jsonl()
    packed = (
        gzip.compress(data)
        if compress == "gzip"
        else zstandard.ZstdCompressor().compress(data)
    )
    path = tmp_path / "cut.jsonl.z"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(ConfigError, match=r"^input cut\.jsonl\.z is truncated"):
        _items(path, "jsonl")


def test_corrupt_zstd_input_is_an_input_error(tmp_path: Path) -> None:
    packed = bytearray(zstandard.ZstdCompressor().compress(_big_jsonl()))
    packed[40:60] = b"\x00" * 20
    path = tmp_path / "bad.jsonl.zst"
    path.write_bytes(bytes(packed))
    with pytest.raises(ConfigError, match="truncated or corrupt"):
        _items(path, "jsonl")


def test_zstd_input_of_several_frames_is_read_whole(tmp_path: Path) -> None:
    compressor = zstandard.ZstdCompressor()
    path = tmp_path / "frames.jsonl.zst"
    path.write_bytes(
        compressor.compress(_big_jsonl()) + compressor.compress(b'{"a": "last"}\n')
    )
    items = _items(path, "jsonl")
    assert (len(items), items[-1].record) == (20001, {"a": "last"})


def test_parquet_map_entries_and_utf8_binary_are_texts(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    schema = pa.schema(
        [("mp", pa.map_(pa.string(), pa.string())), ("bin", pa.binary())]
    )
    table = pa.table(
        {"mp": [[("Annika Vesterholm", EMAIL)]], "bin": [EMAIL.encode()]},
        schema=schema,
    )
    pq.write_table(table, path)
    [item] = _items(path, "parquet")
    assert item.record == {
        "mp": [{"key": "Annika Vesterholm", "value": EMAIL}],
        "bin": EMAIL,
    }


# Writing


def test_csv_record_with_fields_the_header_lacks_is_a_misfit(tmp_path: Path) -> None:
    writer = RecordWriter(tmp_path / "out.csv", "csv")
    chat = {"messages": [{"role": "user", "content": "hi"}]}
    assert writer.misfit({"text": "hi"}) is None
    assert writer.misfit(chat) == (
        "fields the CSV header lacks: messages; "
        "write JSONL for records of different shapes"
    )
    with pytest.raises(ConfigError, match="fields the CSV header lacks: messages"):
        writer.write([{"text": "hi"}, chat])
    writer.abort()


def test_parquet_record_with_other_fields_is_a_misfit(tmp_path: Path) -> None:
    writer = RecordWriter(tmp_path / "out.parquet", "parquet")
    assert writer.misfit({"text": "hi"}) is None
    assert writer.misfit({"messages": []}) == (
        "fields the Parquet schema lacks: messages; "
        "write JSONL for records of different shapes"
    )
    with pytest.raises(ConfigError, match="Parquet schema lacks: messages"):
        writer.write([{"text": "hi"}, {"messages": []}])
    writer.abort()


def test_parquet_struct_field_the_schema_lacks_is_a_misfit(tmp_path: Path) -> None:
    schema = pa.schema([("meta", pa.struct([("a", pa.string())]))])
    writer = RecordWriter(tmp_path / "out.parquet", "parquet", schema)
    assert writer.misfit({"meta": {"a": "x"}}) is None
    assert writer.misfit({"meta": {"a": "x", "b": "y"}}) == (
        "a value the Parquet schema cannot hold in full; "
        "write JSONL for records of different shapes"
    )
    writer.abort()


def test_jsonl_lone_surrogate_is_written_as_an_escape(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    writer = RecordWriter(out, "jsonl")
    writer.write([{"text": "x \ud800 y"}, {"text": "Zoë"}])
    writer.commit()
    lines = out.read_bytes().decode("utf-8").splitlines()
    assert lines == ['{"text": "x \\ud800 y"}', '{"text": "Zoë"}']


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (float("nan"), "a number JSON cannot hold (NaN or Infinity); write Parquet"),
        (b"\xff\xfe", "binary data that is not UTF-8 text; write Parquet to keep it"),
    ],
)
def test_jsonl_values_json_cannot_hold_are_misfits(
    tmp_path: Path, value: Any, reason: str
) -> None:
    writer = RecordWriter(tmp_path / "out.jsonl", "jsonl")
    assert writer.misfit({"v": value}) == reason
    with pytest.raises(ConfigError, match="write Parquet"):
        writer.write([{"v": value}])
    writer.abort()


def test_rejects_file_holds_what_json_cannot(tmp_path: Path) -> None:
    rejects = RejectWriter(tmp_path / "rejects.jsonl")
    rejects.write({"text": "x \ud800", "record": {"v": float("nan"), "b": b"\xff"}})
    rejects.commit()
    [entry] = [json.loads(line) for line in rejects.path.read_text().splitlines()]
    binary = "<binary, 1 byte, not UTF-8: not written>"
    assert entry == {"text": "x \ud800", "record": {"v": "nan", "b": binary}}


# Whole runs


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_record_the_output_cannot_hold_is_rejected_not_cut(
    tmp_path: Path, data_dir: Path, scrub: Any, suffix: str
) -> None:
    source = write_jsonl(
        tmp_path / "mix.jsonl",
        [
            {"text": f"Hi, mail {EMAIL}"},
            {"messages": [{"role": "user", "content": f"Call {OTHER_EMAIL}"}]},
        ],
    )
    out = data_dir / f"mix.{suffix}"
    report = scrub([source], out, mode="redact")
    assert (report.records_in, report.records_out, report.rejected) == (2, 1, 1)
    [reject] = read_jsonl(data_dir / f"mix.{suffix}.rejects.jsonl")
    assert reject["line"] == 2
    assert "messages" in reject["reason"]
    # The rejected record is kept whole, scrubbed.
    assert "[EMAIL_ADDRESS]" in reject["text"]
    assert OTHER_EMAIL not in reject["text"]
    # The report counts what was written only.
    assert report.entities == {"text": {"EMAIL_ADDRESS": 1}}


def test_parquet_map_and_binary_values_are_scrubbed(
    tmp_path: Path, data_dir: Path, scrub: Any
) -> None:
    schema = pa.schema(
        [("mp", pa.map_(pa.string(), pa.string())), ("bin", pa.binary())]
    )
    source = tmp_path / "p.parquet"
    pq.write_table(
        pa.table(
            {"mp": [[(OTHER_EMAIL, EMAIL)]], "bin": [EMAIL.encode()]}, schema=schema
        ),
        source,
    )
    out = data_dir / "out.parquet"
    report = scrub([source], out, mode="redact")
    assert (report.records_in, report.records_out) == (1, 1)
    table = pq.read_table(out)
    assert table.schema == schema
    assert table.to_pylist() == [
        {"mp": [("[EMAIL_ADDRESS]", "[EMAIL_ADDRESS]")], "bin": b"[EMAIL_ADDRESS]"}
    ]


def test_parquet_binary_into_jsonl_is_text(
    tmp_path: Path, data_dir: Path, scrub: Any
) -> None:
    source = tmp_path / "b.parquet"
    pq.write_table(pa.table({"bin": pa.array([b"plain words"], pa.binary())}), source)
    out = data_dir / "out.jsonl"
    scrub([source], out)
    assert out.read_text("utf-8") == '{"bin": "plain words"}\n'


def test_lone_surrogate_and_long_integer_do_not_stop_a_run(
    tmp_path: Path, data_dir: Path, scrub: Any
) -> None:
    source = tmp_path / "odd.jsonl"
    source.write_text(
        '{"text": "x \\ud800 y"}\n{"n": ' + "1" * 4400 + '}\n{"v": 1e400}\n',
        encoding="utf-8",
    )
    out = data_dir / "odd.jsonl"
    report = scrub([source], out)
    assert (report.records_in, report.records_out, report.rejected) == (3, 1, 2)
    assert out.read_text("utf-8") == '{"text": "x \\ud800 y"}\n'


@pytest.mark.parametrize("compress", ["gzip", "zstd"])
def test_scrub_of_truncated_input_exits_2_with_a_reason(
    tmp_path: Path, data_dir: Path, compress: str
) -> None:
    data = _big_jsonl()
    packed = (
        gzip.compress(data)
        if compress == "gzip"
        else zstandard.ZstdCompressor().compress(data)
    )
    source = tmp_path / f"t.jsonl.{'gz' if compress == 'gzip' else 'zst'}"
    source.write_bytes(packed[: len(packed) // 2])
    out = data_dir / "t.jsonl"
    result = CliRunner(env=_env(data_dir)).invoke(
        main, ["scrub", str(source), "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert f"input {source.name} is truncated or corrupt" in result.output
    assert not out.exists()


def test_record_text_is_valid_json_whatever_the_record_holds() -> None:
    record = {"v": float("inf"), "b": b"\xff", "t": "x \ud800"}
    binary = "<binary, 1 byte, not UTF-8: not written>"
    assert record_text(record) == f'{{"v": "inf", "b": "{binary}", "t": "x \\ud800"}}'


def test_arrow_values_that_are_tuples_but_no_map_entries_stay() -> None:
    interval = pa.MonthDayNano([1, 2, 3])
    assert plain({"gap": interval, "mp": [("k", b"v")]}) == {
        "gap": interval,
        "mp": [{"key": "k", "value": "v"}],
    }


def test_zstd_frames_with_checksums_and_skippable_frames_are_read(
    tmp_path: Path,
) -> None:
    skippable = (0x184D2A50).to_bytes(4, "little") + (3).to_bytes(4, "little") + b"abc"
    frame = zstandard.ZstdCompressor(write_checksum=True).compress(_big_jsonl())
    path = tmp_path / "in.jsonl.zst"
    path.write_bytes(skippable + frame)
    assert len(_items(path, "jsonl")) == 20000

    path.write_bytes(skippable + frame[:-2])
    with pytest.raises(ConfigError, match="truncated or corrupt"):
        _items(path, "jsonl")
