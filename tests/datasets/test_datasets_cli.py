"""``gdprgate scrub``: files in, scrubbed file, rejects and report out."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from click.testing import CliRunner

from gdprgate.cli import main
from gdprgate.datasets import datasets_for_values
from gdprgate.datasets.sources import folder_digest
from gdprgate.store import Database
from gdprgate.vault import Keyring, load_master_key
from tests.datasets.conftest import read_jsonl, write_jsonl
from tests.support.canary import EMAIL, IBAN, PHONE, scan_for_canaries


def _env(data_dir: Path) -> dict[str, str]:
    return {
        "GDPRGATE_DATA_DIR": str(data_dir / "store"),
        "GDPRGATE_DETECT_RAMPART": "false",
        "GDPRGATE_DETECT_SPACY": "false",
    }


def test_scrub_command_writes_output_rejects_report_and_index(
    tmp_path: Path, data_dir: Path
) -> None:
    write_jsonl(tmp_path / "part-1.jsonl", [{"text": f"IBAN {IBAN}"}])
    (tmp_path / "part-2.jsonl").write_text(
        f'{{"text": "call {PHONE}"}}\nnot json {EMAIL}\n', encoding="utf-8"
    )
    out = data_dir / "clean.jsonl"
    result = CliRunner(env=_env(data_dir)).invoke(
        main,
        ["scrub", str(tmp_path / "part-*.jsonl"), "-o", str(out), "--json"],
    )
    assert result.exit_code == 0, result.output

    report = json.loads(result.stdout)
    assert (report["records_in"], report["records_out"], report["rejected"]) == (
        3,
        2,
        1,
    )
    assert report["inputs"] == ["part-1.jsonl", "part-2.jsonl"]
    assert json.loads((data_dir / "clean.jsonl.report.json").read_text()) == report
    assert len(read_jsonl(out)) == 2
    [reject] = read_jsonl(data_dir / "clean.jsonl.rejects.jsonl")
    assert (reject["source"], reject["line"]) == ("part-2.jsonl", 2)
    assert not scan_for_canaries([data_dir])

    db = Database.for_data_dir(data_dir / "store")
    keyring = Keyring(db, load_master_key(data_dir / "store"))
    [hit] = datasets_for_values(db, keyring, "default", [("IBAN_CODE", IBAN)])
    db.close()
    digest = folder_digest(data_dir / "clean.jsonl")
    assert (hit.dataset_id, hit.version) == (f"{data_dir.name}/clean.jsonl#{digest}", 1)


def test_scrub_table_names_fields_and_types_not_values(
    tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"body": f"mail {EMAIL}"}])
    out = data_dir / "table.jsonl"
    result = CliRunner(env=_env(data_dir)).invoke(
        main,
        ["scrub", str(source), "-o", str(out), "--mode", "redact", "--no-progress"],
    )
    assert result.exit_code == 0, result.output
    assert "body" in result.output
    assert "EMAIL_ADDRESS" in result.output
    assert EMAIL not in result.output


def test_scrub_strict_exits_2_with_one_line(tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"text": "a"}\n{oops\n', encoding="utf-8")
    result = CliRunner(env=_env(data_dir)).invoke(
        main, ["scrub", str(source), "-o", str(data_dir / "s.jsonl"), "--strict"]
    )
    assert result.exit_code == 2
    assert "line 2 of bad.jsonl" in result.output


def test_scrub_missing_input_exits_2(tmp_path: Path, data_dir: Path) -> None:
    result = CliRunner(env=_env(data_dir)).invoke(
        main, ["scrub", str(tmp_path / "none-*.jsonl"), "-o", str(data_dir / "x.jsonl")]
    )
    assert result.exit_code == 2
    assert "no input file matches" in result.output


def test_record_of_processing_lists_scrubbed_datasets(
    tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": f"mail {EMAIL}"}])
    runner = CliRunner(env=_env(data_dir))
    scrubbed = runner.invoke(
        main,
        [
            "scrub",
            str(source),
            "-o",
            str(data_dir / "r.jsonl"),
            "--dataset",
            "support",
            "--purpose",
            "train_ai_system",
            "--json",
        ],
    )
    assert scrubbed.exit_code == 0, scrubbed.output
    result = runner.invoke(main, ["records", "--format", "json"])
    assert result.exit_code == 0, result.output
    datasets = json.loads(result.stdout)["registers"]["datasets"]
    assert datasets == [
        {
            "name": "support v1",
            "purpose": "train_ai_system",
            "records": 1,
            "entities": {"EMAIL_ADDRESS": 1},
        }
    ]


def test_scrub_on_unreachable_ray_exits_2_with_one_line(
    tmp_path: Path, data_dir: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": f"mail {EMAIL}"}])
    result = CliRunner(env=_env(data_dir)).invoke(
        main,
        [
            "scrub",
            str(source),
            "-o",
            str(data_dir / "ray.jsonl"),
            "--engine",
            "ray",
            "--ray-address",
            f"127.0.0.1:{port}",
        ],
    )
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert f"cannot reach Ray at 127.0.0.1:{port}" in line
    assert not (data_dir / "ray.jsonl").exists()
