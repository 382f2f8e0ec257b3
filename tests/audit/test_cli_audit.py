"""``gdprgate audit``, ``retention`` and ``db``: thin commands, clear results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gdprgate.audit import AuditLog, load_signer
from gdprgate.cli import main
from gdprgate.store import Database
from tests.audit.conftest import entry, execute


@pytest.fixture
def runner(data_dir: Path) -> CliRunner:
    return CliRunner(env={"GDPRGATE_DATA_DIR": str(data_dir)})


@pytest.fixture
def filled(data_dir: Path) -> Database:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    log = AuditLog(db, load_signer(data_dir / "audit-signing.key"), checkpoint_every=3)
    for number in range(1, 8):
        log.append(entry(number))
    return db


def test_db_upgrade_reports_the_revision(runner: CliRunner) -> None:
    first = runner.invoke(main, ["db", "upgrade"])
    again = runner.invoke(main, ["db", "upgrade"])
    assert first.exit_code == 0, first.output
    assert "upgraded from empty to" in first.output
    assert "already at revision" in again.output


def test_db_upgrade_with_an_unreachable_server_is_one_line(data_dir: Path) -> None:
    env = {
        "GDPRGATE_DATA_DIR": str(data_dir),
        "GDPRGATE_DATABASE_URL": "postgresql://nobody@127.0.0.1:9/none",
    }
    result = CliRunner(env=env).invoke(main, ["db", "upgrade"])
    assert result.exit_code == 2
    assert result.output.startswith("gdprgate: cannot read the store")
    assert "Traceback" not in result.output


def test_verify_passes_then_names_the_tampered_position(
    runner: CliRunner, filled: Database
) -> None:
    good = runner.invoke(main, ["audit", "verify"])
    assert good.exit_code == 0, good.output
    assert "chain verifies" in good.output
    execute(filled, "UPDATE audit_events SET tenant = 'other' WHERE seq = 3")
    bad = runner.invoke(main, ["audit", "verify", "--json"])
    assert bad.exit_code == 1
    report = json.loads(bad.output)
    assert report["problems"][0]["kind"] == "modified"
    assert report["problems"][0]["seq"] == 3
    filled.close()


def test_reviewers_verify_with_the_public_key_alone(
    runner: CliRunner, filled: Database, tmp_path: Path
) -> None:
    public = runner.invoke(main, ["audit", "public-key"]).output
    key_file = tmp_path / "audit-public.key"
    key_file.write_text(public)
    result = runner.invoke(main, ["audit", "verify", "--public-key", str(key_file)])
    assert result.exit_code == 0, result.output
    assert "2 checkpoints" in result.output
    filled.close()


def test_export_filters_by_time_and_writes_csv(
    runner: CliRunner, filled: Database, tmp_path: Path
) -> None:
    out = tmp_path / "audit.csv"
    result = runner.invoke(
        main,
        [
            "audit", "export", "--since", "2030-01-01T08:03:00Z",
            "--until", "2030-01-01T08:05:00+00:00", "--format", "csv", "-o", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert lines[0].startswith("seq,ts,request_id")
    assert [line.split(",")[2] for line in lines[1:]] == ["req_0003", "req_0004"]
    jsonl = runner.invoke(main, ["audit", "export"]).output.splitlines()
    assert [json.loads(line)["seq"] for line in jsonl] == list(range(1, 8))
    filled.close()


def test_export_refuses_a_date_it_cannot_read(runner: CliRunner) -> None:
    result = runner.invoke(main, ["audit", "export", "--since", "last week"])
    assert result.exit_code == 2
    assert "ISO 8601" in result.output


def test_checkpoint_signs_the_head_once(runner: CliRunner, filled: Database) -> None:
    first = runner.invoke(main, ["audit", "checkpoint"])
    again = runner.invoke(main, ["audit", "checkpoint"])
    assert "signed checkpoint at position 7" in first.output
    assert "nothing new to sign" in again.output
    filled.close()


def test_retention_run_prints_counts(runner: CliRunner, tmp_path: Path) -> None:
    policy = tmp_path / "gdprgate.yaml"
    policy.write_text(
        "version: 1\n"
        "controller: {name: Example Ltd, contact: privacy@example.org}\n"
        "purposes:\n"
        "  - id: support\n"
        "    description: Answering tickets.\n"
        "    legal_basis: b\n"
        "    data_subjects: [customer]\n"
        "    data_categories: [user.name]\n"
        "    retention: {payloads: 30d}\n"
    )
    result = runner.invoke(
        main, ["retention", "run", "--policy", str(policy), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["payloads"] == 0


@pytest.mark.parametrize(
    "command",
    [
        ["db"],
        ["db", "upgrade"],
        ["audit"],
        ["audit", "verify"],
        ["audit", "export"],
        ["audit", "checkpoint"],
        ["audit", "public-key"],
        ["retention"],
        ["retention", "run"],
    ],
)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_verify_without_any_key_says_checkpoints_were_not_checked(
    runner: CliRunner, filled: Database, data_dir: Path
) -> None:
    (data_dir / "audit-signing.key").unlink()
    result = runner.invoke(main, ["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert "checkpoints not checked" in result.output
    assert not (data_dir / "audit-signing.key").exists()
    filled.close()


def test_verify_without_a_store_says_so_and_creates_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "nowhere"
    env = {"GDPRGATE_DATA_DIR": str(empty)}
    for command in (["audit", "verify"], ["audit", "export"]):
        result = CliRunner(env=env).invoke(main, command)
        assert result.exit_code == 2, result.output
        assert "no store in" in result.output
    assert not empty.exists()


def test_a_store_of_an_unknown_revision_is_one_line(
    runner: CliRunner, data_dir: Path
) -> None:
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    db = Database.for_data_dir(data_dir)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    result = runner.invoke(main, ["db", "upgrade"])
    assert result.exit_code == 2
    assert "another version of gdprgate" in result.output
    assert "Traceback" not in result.output


def test_export_into_a_new_folder_is_private(
    runner: CliRunner, filled: Database, tmp_path: Path
) -> None:
    target = tmp_path / "reviews" / "2026" / "trail.jsonl"
    result = runner.invoke(main, ["audit", "export", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o777 == 0o600
    assert len(target.read_text(encoding="utf-8").splitlines()) >= 7


def test_export_to_a_path_that_cannot_be_written_is_one_line(
    runner: CliRunner, filled: Database, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(main, ["audit", "export", "-o", str(blocker / "t.jsonl")])
    assert result.exit_code == 2
    assert result.output.startswith("gdprgate: cannot write")
    assert "Traceback" not in result.output
