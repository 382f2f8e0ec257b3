"""Scrubbing corpora end to end, with the patterns detector in process."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from gdprgate.datasets import datasets_for, datasets_for_values, forget_subjects
from gdprgate.datasets.index import DatasetRun, SubjectIndex
from gdprgate.errors import ConfigError, ScrubStopped, StoreError
from gdprgate.store import Database
from gdprgate.vault import Keyring, normalize_value
from tests.datasets.conftest import read_jsonl, write_jsonl
from tests.support.canary import EMAIL, EMAIL_2, IBAN, PHONE, scan_for_canaries

CHAT = {
    "messages": [
        {"role": "system", "content": "You help with banking."},
        {"role": "user", "content": f"My IBAN is {IBAN}, mail me at {EMAIL}."},
        {"role": "assistant", "content": "Thanks, noted."},
    ]
}


def _corpus(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "corpus.jsonl",
        [
            CHAT,
            {"text": f"Call {PHONE} today.", "meta": {"note": None, "n": 3}},
            {"text": "", "meta": {"note": f"cc {EMAIL_2}"}},
            {"text": "Nothing personal here."},
        ],
    )


def test_chat_records_are_scrubbed_and_counted(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    out = data_dir / "clean.jsonl"
    report = scrub([_corpus(tmp_path)], out)
    records = read_jsonl(out)

    assert len(records) == 4
    assert records[0]["messages"][0] == CHAT["messages"][0]
    assert records[1]["meta"] == {"note": None, "n": 3}
    assert records[2]["text"] == ""
    assert records[3] == {"text": "Nothing personal here."}
    assert not scan_for_canaries([out])
    assert report.records_touched == 3
    assert report.as_json()["entities"] == {
        "messages.content": {"EMAIL_ADDRESS": 1, "IBAN_CODE": 1},
        "meta.note": {"EMAIL_ADDRESS": 1},
        "text": {"PHONE_NUMBER": 1},
    }


def test_records_in_equal_records_out_plus_rejected(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_bytes(
        b'{"text": "ok"}\n{"text": broken ' + EMAIL.encode() + b"\n\n"
        b'{"text": "bad \xff byte"}\n{"text": "fine"}\n'
    )
    out = data_dir / "mixed.jsonl"
    report = scrub([source], out)
    rejects = read_jsonl(data_dir / "mixed.jsonl.rejects.jsonl")

    assert (report.records_in, report.records_out, report.rejected) == (4, 2, 2)
    assert report.check()
    assert [(r["line"], r["source"]) for r in rejects] == [
        (2, "mixed.jsonl"),
        (4, "mixed.jsonl"),
    ]
    assert rejects[0]["reason"].startswith("invalid JSON")
    assert "\ufffd" in rejects[1]["text"]
    assert not scan_for_canaries([data_dir])


def test_strict_stops_at_the_first_reject_and_leaves_no_output(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"text": "ok"}\n{nope\n{"text": "later"}\n', encoding="utf-8")
    out = data_dir / "strict.jsonl"
    with pytest.raises(ScrubStopped, match=r"line 2 of bad\.jsonl"):
        scrub([source], out, strict=True)
    assert not out.exists()
    assert not out.with_name("strict.jsonl.partial").exists()


def test_same_key_gives_the_same_output_across_runs_and_files(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    corpus = _corpus(tmp_path)
    first, second = data_dir / "run1.jsonl", data_dir / "run2.jsonl"
    scrub([corpus], first)
    scrub([corpus], second)
    assert first.read_bytes() == second.read_bytes()

    other = write_jsonl(tmp_path / "other.jsonl", [{"x": f"write to {EMAIL}"}])
    combined = data_dir / "combined.jsonl"
    scrub([corpus, other], combined)
    records = read_jsonl(combined)
    fake = records[4]["x"].removeprefix("write to ")
    assert fake in records[0]["messages"][1]["content"]


def test_fields_limits_what_is_scrubbed(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    corpus = write_jsonl(
        tmp_path / "f.jsonl", [{"keep": "x@example.com", "text": "y@example.com"}]
    )
    out = data_dir / "fields.jsonl"
    scrub([corpus], out, fields=["text"])
    [record] = read_jsonl(out)
    assert record["keep"] == "x@example.com"
    assert record["text"] != "y@example.com"


def test_token_and_redact_modes(scrub: Any, tmp_path: Path, data_dir: Path) -> None:
    corpus = write_jsonl(tmp_path / "t.jsonl", [{"text": f"mail {EMAIL}"}])
    scrub([corpus], data_dir / "tok.jsonl", mode="token")
    scrub([corpus], data_dir / "red.jsonl", mode="redact")
    [tokened] = read_jsonl(data_dir / "tok.jsonl")
    [redacted] = read_jsonl(data_dir / "red.jsonl")
    assert tokened["text"].startswith("mail <EMAIL_ADDRESS_")
    assert redacted["text"] == "mail [EMAIL_ADDRESS]"


def test_csv_in_csv_out_keeps_quoting_and_newlines(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerow(["1", f"Line one, with comma\nline two: {EMAIL}"])
        writer.writerow(["2", ""])
    out = data_dir / "out.csv"
    report = scrub([source], out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == ["1", "2"]
    assert rows[0]["text"].startswith("Line one, with comma\nline two: ")
    assert rows[1]["text"] == ""
    assert report.records_out == 2
    assert not scan_for_canaries([out])


def test_parquet_in_parquet_out_keeps_schema(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "in.parquet"
    table = pa.table({"id": [1, 2, 3], "text": [f"to {EMAIL}", None, ""]})
    pq.write_table(table, source)
    out = data_dir / "out.parquet"
    scrub([source], out)
    result = pq.read_table(out)
    assert result.schema == table.schema
    rows = result.to_pylist()
    assert [r["id"] for r in rows] == [1, 2, 3]
    assert rows[0]["text"].startswith("to ")
    assert EMAIL not in rows[0]["text"]
    assert rows[1]["text"] is None


def test_gzip_input_and_gzip_output(scrub: Any, tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(gzip.compress(json.dumps({"t": PHONE}).encode() + b"\n"))
    out = data_dir / "out.jsonl.gz"
    scrub([source], out)
    [record] = [
        json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()
    ]
    assert record["t"] != PHONE


def test_very_long_record_is_scrubbed_whole(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    filler = "word " * 40_000
    corpus = write_jsonl(tmp_path / "long.jsonl", [{"text": filler + EMAIL}])
    out = data_dir / "long.jsonl"
    scrub([corpus], out)
    [record] = read_jsonl(out)
    assert record["text"].startswith(filler)
    assert EMAIL not in record["text"]


def test_subject_index_finds_a_person_by_identifier(
    scrub: Any, tmp_path: Path, data_dir: Path, store: tuple[Database, Keyring]
) -> None:
    db, keyring = store
    scrub([_corpus(tmp_path)], data_dir / "indexed.jsonl", dataset_id="chats")
    scrub([_corpus(tmp_path)], data_dir / "indexed2.jsonl", dataset_id="chats")

    hits = datasets_for_values(db, keyring, "default", [("EMAIL_ADDRESS", EMAIL_2)])
    assert [(h.dataset_id, h.version) for h in hits] == [("chats", 1), ("chats", 2)]
    assert [(p.source, p.source_line, p.position) for p in hits[0].records] == [
        ("corpus.jsonl", 3, 2)
    ]
    assert hits[0].entities == ("EMAIL_ADDRESS",)

    keys = keyring.for_tenant("default")
    unknown = keys.blind_index("EMAIL_ADDRESS", "nobody@example.invalid")
    assert datasets_for(db, "default", [unknown]) == []
    assert (
        datasets_for_values(db, keyring, "other-tenant", [("EMAIL_ADDRESS", EMAIL_2)])
        == []
    )


def test_forgotten_subject_is_no_longer_found(
    scrub: Any, tmp_path: Path, data_dir: Path, store: tuple[Database, Keyring]
) -> None:
    db, keyring = store
    scrub([_corpus(tmp_path)], data_dir / "forget.jsonl")
    keys = keyring.for_tenant("default")
    index = keys.blind_index("PHONE_NUMBER", normalize_value("PHONE_NUMBER", PHONE))
    assert len(datasets_for(db, "default", [index])) == 1
    assert forget_subjects(db, "default", [index]) == 1
    assert datasets_for(db, "default", [index]) == []
    assert datasets_for_values(db, keyring, "default", [("EMAIL_ADDRESS", EMAIL)])


def test_a_version_registered_twice_is_a_clear_error(
    store: tuple[Database, Keyring],
) -> None:
    db, _ = store
    index = SubjectIndex(db)
    run = DatasetRun("twice", index.next_version("twice"), "default", "redact", "o")
    index.start(run)
    assert index.next_version("twice") == 2
    with pytest.raises(StoreError, match="run the scrub again"):
        index.start(run)


def test_csv_input_to_zstd_jsonl_output(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    import zstandard

    source = tmp_path / "rows.txt"
    source.write_text(f"id,text\n1,{EMAIL}\n", encoding="utf-8")
    out = data_dir / "rows.jsonl.zst"
    scrub([source], out, input_format="csv")
    lines = zstandard.ZstdDecompressor().decompressobj().decompress(out.read_bytes())
    [record] = [json.loads(line) for line in lines.splitlines()]
    assert record["id"] == "1"
    assert "@" in record["text"]
    assert record["text"] != EMAIL


def test_output_may_not_overwrite_an_input(scrub: Any, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "same.jsonl", [{"text": "x"}])
    with pytest.raises(ConfigError, match="a file this run writes or removes"):
        scrub([corpus], corpus)


def test_fields_name_nested_paths_through_lists(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    corpus = write_jsonl(
        tmp_path / "chat.jsonl", [CHAT | {"note": "kept.note@example.com"}]
    )
    out = data_dir / "nested.jsonl"
    report = scrub([corpus], out, fields=["messages.content"])
    [record] = read_jsonl(out)
    assert record["note"] == "kept.note@example.com"
    assert EMAIL not in record["messages"][1]["content"]
    assert set(report.entities) == {"messages.content"}
