"""The ``gdprgate policy`` and ``gdprgate keys`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gdprgate.cli import main
from gdprgate.policy import EXAMPLE_POLICY, KeyStore, load_policy
from gdprgate.store import Database
from tests.support.canary import EMAIL, PERSON


def _runner(data_dir: Path) -> CliRunner:
    return CliRunner(env={"GDPRGATE_DATA_DIR": str(data_dir), "GDPRGATE_POLICY": None})


def test_policy_check_accepts_the_example(tmp_path: Path) -> None:
    path = tmp_path / "gdprgate.yaml"
    path.write_text(EXAMPLE_POLICY, encoding="utf-8")
    result = CliRunner().invoke(main, ["policy", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        f"{path}: valid: 1 tenant(s), 2 purpose(s): default, customer.support"
    )


def test_policy_check_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "gdprgate.yaml"
    text = EXAMPLE_POLICY.replace("legal_basis: f", f"legal_basis: {PERSON}", 1)
    text = text.replace("privacy@example.org", EMAIL)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"    legal_basis: {PERSON}") + 1
    result = CliRunner().invoke(main, ["policy", "check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:{line}: purposes[0].legal_basis: ")
    assert PERSON not in result.output
    assert EMAIL not in result.output


def test_policy_init_writes_a_working_file_once(tmp_path: Path) -> None:
    path = tmp_path / "gdprgate.yaml"
    first = CliRunner().invoke(main, ["policy", "init", "-o", str(path)])
    assert first.exit_code == 0, first.output
    assert load_policy(path).purpose("default") is not None
    path.write_text("# mine\n", encoding="utf-8")
    second = CliRunner().invoke(main, ["policy", "init", "-o", str(path)])
    assert second.exit_code == 2
    assert "not overwritten" in second.output
    assert path.read_text(encoding="utf-8") == "# mine\n"


def test_policy_init_can_print_to_stdout() -> None:
    result = CliRunner().invoke(main, ["policy", "init", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout == EXAMPLE_POLICY


def test_keys_create_list_revoke(data_dir: Path) -> None:
    runner = _runner(data_dir)
    created = runner.invoke(
        main, ["keys", "create", "--role", "client", "--name", "ci", "--expires", "90d"]
    )
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip()
    assert secret.startswith("gg_")
    assert "not shown again" in created.stderr

    listed = runner.invoke(main, ["keys", "list", "--json"])
    [row] = json.loads(listed.stdout)
    assert (row["status"], row["roles"], row["purposes"]) == (
        "active",
        ["client"],
        ["default"],
    )
    assert secret not in listed.output
    assert row["expires_at"] is not None

    db = Database.for_data_dir(data_dir)
    assert KeyStore(db).authenticate(secret) is not None
    revoked = runner.invoke(main, ["keys", "revoke", row["key_id"]])
    assert revoked.exit_code == 0
    assert KeyStore(db).authenticate(secret) is None
    db.close()

    table = runner.invoke(main, ["keys", "list"])
    assert table.stdout.split("\t")[:3] == [row["key_id"], "revoked", "default"]


def test_keys_create_json_carries_the_key_once(data_dir: Path) -> None:
    result = _runner(data_dir).invoke(
        main, ["keys", "create", "--role", "admin", "--json"]
    )
    data = json.loads(result.stdout)
    assert data["key"].startswith(f"gg_{data['key_id']}_")
    assert data["purposes"] == []


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--role", "superuser"], "roles"),
        (["--role", "client", "--purpose", "marketing"], "purposes"),
        (["--role", "client", "--tenant", "elsewhere"], "tenant"),
        (["--role", "client", "--expires", "6m"], "--expires"),
    ],
)
def test_keys_create_refuses_what_the_policy_does_not_know(
    data_dir: Path, args: list[str], fragment: str
) -> None:
    runner = _runner(data_dir)
    result = runner.invoke(main, ["keys", "create", *args])
    assert result.exit_code == 2
    assert fragment in result.output
    listed = runner.invoke(main, ["keys", "list", "--json"])
    assert json.loads(listed.stdout) == []


def test_keys_create_checks_purposes_against_a_policy_file(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "gdprgate.yaml"
    path.write_text(EXAMPLE_POLICY, encoding="utf-8")
    args = ["keys", "create", "--role", "client", "--purpose", "customer.support"]
    without = _runner(data_dir).invoke(main, args)
    assert without.exit_code == 2
    with_policy = _runner(data_dir).invoke(main, [*args, "--policy", str(path)])
    assert with_policy.exit_code == 0, with_policy.output


def test_revoking_an_unknown_key_exits_2(data_dir: Path) -> None:
    result = _runner(data_dir).invoke(main, ["keys", "revoke", "0123456789abcdef"])
    assert result.exit_code == 2
    assert "no key has this id" in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["policy"],
        ["policy", "check"],
        ["policy", "init"],
        ["keys"],
        ["keys", "create"],
        ["keys", "list"],
        ["keys", "revoke"],
    ],
)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
