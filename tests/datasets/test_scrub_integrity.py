"""Nothing leaks, crashes or is lost: rejects, side files, odd inputs."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from gdprgate.cli import main
from gdprgate.datasets.index import SubjectIndex
from gdprgate.datasets.sources import folder_digest
from tests.datasets.conftest import read_jsonl, write_jsonl
from tests.support.canary import EMAIL, EMAIL_2, IBAN, PERSON, scan_for_canaries


def _env(data_dir: Path) -> dict[str, str]:
    return {
        "GDPRGATE_DATA_DIR": str(data_dir / "store"),
        "GDPRGATE_DETECT_RAMPART": "false",
        "GDPRGATE_DETECT_SPACY": "false",
    }


def _scrub_cli(data_dir: Path, *args: str) -> Any:
    return CliRunner(env=_env(data_dir)).invoke(main, ["scrub", *args, "--no-progress"])


# the rejects file


def test_binary_that_is_not_utf8_is_a_placeholder_in_the_rejects_file(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    value = f"Jörg {PERSON} {EMAIL} {IBAN}".encode("latin-1")
    source = tmp_path / "blob.parquet"
    pq.write_table(
        pa.table({"id": [1], "blob": pa.array([value], pa.binary())}), source
    )

    report = scrub([source], data_dir / "blob.jsonl")

    assert (report.records_out, report.rejected) == (0, 1)
    [reject] = read_jsonl(data_dir / "blob.jsonl.rejects.jsonl")
    text = json.loads(reject["text"])
    size = len(value)
    assert text == {"id": 1, "blob": f"<binary, {size} bytes, not UTF-8: not written>"}
    assert scan_for_canaries([data_dir]) == []


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16", "cp1252"])
def test_text_in_another_encoding_never_reaches_a_parquet_output(
    scrub: Any, tmp_path: Path, data_dir: Path, encoding: str
) -> None:
    """UTF-16 of ASCII is valid UTF-8 (NULs between the letters) and would
    pass the patterns unread; such binary, and cp1252 text, is rejected
    with a placeholder. Binary data and UTF-8 text go on as before."""
    text = (
        f"Jörg {PERSON} {EMAIL} {IBAN}" if encoding == "cp1252" else f"{EMAIL} {IBAN}"
    )
    values = [text.encode(encoding), bytes(range(40)), f"mail {EMAIL}".encode()]
    source = tmp_path / "blob.parquet"
    pq.write_table(
        pa.table({"id": [1, 2, 3], "blob": pa.array(values, pa.binary())}), source
    )

    report = scrub([source], data_dir / "blob.parquet")

    assert (report.records_out, report.rejected) == (2, 1)
    [reject] = read_jsonl(data_dir / "blob.parquet.rejects.jsonl")
    assert "another encoding" in reject["reason"]
    rows = pq.read_table(data_dir / "blob.parquet").to_pylist()
    assert [row["id"] for row in rows] == [2, 3]
    assert rows[0]["blob"] == bytes(range(40))
    assert EMAIL.encode() not in rows[1]["blob"]
    assert scan_for_canaries([data_dir]) == []


def test_a_record_the_output_cannot_hold_is_rejected_in_scrubbed_form(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"t": EMAIL}, {"t": EMAIL_2, "x": 1}])

    report = scrub([source], data_dir / "shape.csv")

    assert (report.records_out, report.rejected) == (1, 1)
    assert scan_for_canaries([data_dir]) == []


# JSONL to Parquet


def test_a_type_change_into_parquet_rejects_the_record_not_the_run(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    records = [{"c": None, "t": EMAIL}, {"c": 1, "t": EMAIL}, {"c": "s", "t": EMAIL}]
    source = write_jsonl(tmp_path / "types.jsonl", records)

    report = scrub([source], data_dir / "types.parquet")

    assert (report.records_in, report.records_out, report.rejected) == (3, 2, 1)
    assert pq.read_table(data_dir / "types.parquet").column("c").to_pylist() == [
        None,
        1,
    ]
    [reject] = read_jsonl(data_dir / "types.parquet.rejects.jsonl")
    assert reject["line"] == 3
    assert "type" in reject["reason"]


def test_an_integer_parquet_cannot_hold_is_rejected(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "big.jsonl"
    source.write_text(
        '{"c": 12345678901234567890123, "t": "x"}\n{"c": 5, "t": "y"}\n', "utf-8"
    )

    report = scrub([source], data_dir / "big.parquet", batch_size=1)

    assert (report.records_in, report.records_out, report.rejected) == (2, 1, 1)


# side files and data set ids


def test_outputs_of_one_stem_keep_their_own_rejects_and_reports(
    tmp_path: Path, data_dir: Path
) -> None:
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text(f'{{"t": "{EMAIL}"}}\n{{broken\n', "utf-8")
    csv = tmp_path / "y.csv"
    csv.write_text(f"name,email\nX,{EMAIL_2}\n", "utf-8")

    first = _scrub_cli(data_dir, str(jsonl), "-o", str(data_dir / "x.jsonl"), "--json")
    second = _scrub_cli(data_dir, str(csv), "-o", str(data_dir / "x.csv"), "--json")

    assert (first.exit_code, second.exit_code) == (0, 0)
    assert (data_dir / "x.jsonl.rejects.jsonl").exists()
    ids = {
        json.loads((data_dir / f"x.{kind}.report.json").read_text())["dataset"]["id"]
        for kind in ("jsonl", "csv")
    }
    digest = folder_digest(data_dir / "x.jsonl")
    assert ids == {
        f"{data_dir.name}/x.jsonl#{digest}",
        f"{data_dir.name}/x.csv#{digest}",
    }


def test_a_compressed_output_is_the_same_data_set_with_its_own_side_files(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text(f'{{"t": "{EMAIL}"}}\nbroken\n', "utf-8")

    plain = scrub([source], data_dir / "c.jsonl")
    packed = scrub([source], data_dir / "c.jsonl.gz")

    dataset_id = f"{data_dir.name}/c.jsonl#{folder_digest(data_dir / 'c.jsonl')}"
    assert (plain.dataset_id, packed.dataset_id) == (dataset_id,) * 2
    assert (plain.version, packed.version) == (1, 2)
    assert (data_dir / "c.jsonl.rejects.jsonl").exists()
    assert (data_dir / "c.jsonl.gz.rejects.jsonl").exists()


# odd JSON


def test_a_byte_order_mark_is_dropped_on_any_line(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "cat.jsonl"
    source.write_bytes(b'\xef\xbb\xbf{"t": "a"}\n\xef\xbb\xbf{"t": "b"}\n')

    report = scrub([source], data_dir / "cat.jsonl")

    assert (report.records_out, report.rejected) == (2, 0)
    assert read_jsonl(data_dir / "cat.jsonl") == [{"t": "a"}, {"t": "b"}]


def test_a_key_given_twice_rejects_the_record(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "dup.jsonl"
    source.write_text(
        f'{{"dup": "{EMAIL}", "dup": "{EMAIL_2}"}}\n{{"n": {{"k": 1, "k": 2}}}}\n',
        "utf-8",
    )

    report = scrub([source], data_dir / "dup.jsonl")

    assert (report.records_out, report.rejected) == (0, 2)
    rejects = read_jsonl(data_dir / "dup.jsonl.rejects.jsonl")
    assert all("a key appears twice" in r["reason"] for r in rejects)
    assert scan_for_canaries([data_dir]) == []


# write failures


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))


def test_a_file_too_large_ends_with_one_line_and_leaves_nothing(
    tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(
        tmp_path / "plain.jsonl", [{"t": f"plain text {n} " * 20} for n in range(4000)]
    )
    store = _scrub_cli(data_dir, str(source), "-o", str(tmp_path / "warm.jsonl"))
    assert store.exit_code == 0, store.output
    out = data_dir / "full.jsonl"

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gdprgate",
            "scrub",
            str(source),
            "-o",
            str(out),
            "--no-progress",
        ],
        env=_env(data_dir),
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        timeout=600,
        check=False,
    )

    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("gdprgate: cannot write: File too large")
    assert len(done.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in data_dir.iterdir()) == ["store"]


def test_a_store_that_fails_shows_no_statement_and_keeps_nothing(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blind = "blind-index-4f2k9q"

    def failing_add(*_args: Any) -> None:
        raise sa.exc.OperationalError("INSERT ...", {"blind": blind}, OSError())

    monkeypatch.setattr(SubjectIndex, "add", failing_add)
    source = write_jsonl(tmp_path / "a.jsonl", [{"t": EMAIL}])

    result = _scrub_cli(data_dir, str(source), "-o", str(data_dir / "o.jsonl"))

    assert result.exit_code == 2
    assert blind not in result.output
    assert result.output.startswith("gdprgate: the store cannot be written")
    assert sorted(p.name for p in data_dir.iterdir()) == ["store"]


# scan


def test_scan_takes_the_languages_scrub_takes() -> None:
    def choices(command: str) -> list[str]:
        [option] = [p for p in main.commands[command].params if p.name == "lang"]
        return list(option.type.choices)  # type: ignore[attr-defined]

    assert choices("scan") == choices("scrub")
    assert {"da", "fi"} <= set(choices("scan"))
