"""``gdprgate rights``: open, list, run, extend, with one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from gdprgate.audit import AuditEntry, AuditLog
from gdprgate.cli import main
from gdprgate.store import Database
from gdprgate.vault import Keyring, Vault, load_master_key
from tests.support.canary import EMAIL, PERSON, PHONE


def _seed(data_dir: Path) -> Vault:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    vault = Vault(db, Keyring(db, load_master_key(data_dir)))
    tokens = [
        vault.tokenize("default", "EMAIL_ADDRESS", EMAIL),
        vault.tokenize("default", "PHONE_NUMBER", PHONE),
    ]
    AuditLog(db).append(
        AuditEntry(
            request_id="req_1",
            tenant="default",
            route="/v1/chat/completions",
            status=200,
            outcome="ok",
            latency_ms=3.0,
            model="m",
            purpose="default",
            tokens=tokens,
        )
    )
    return vault


def _run(data_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["rights", *args, "--data-dir", str(data_dir)])


def test_access_by_email_writes_an_html_report(data_dir: Path, tmp_path: Path) -> None:
    _seed(data_dir)
    opened = _run(data_dir, "open", "--kind", "access", "--email", EMAIL, "--json")
    assert opened.exit_code == 0, opened.output
    request_id = json.loads(opened.output)["id"]
    assert EMAIL not in opened.output
    report = tmp_path / "access.html"
    done = _run(data_dir, "run", request_id, "--format", "html", "-o", str(report))
    assert done.exit_code == 0, done.output
    page = report.read_text(encoding="utf-8")
    assert EMAIL in page
    assert PHONE not in page  # named in the same request, but not asked for
    listed = _run(data_dir, "list")
    assert request_id in listed.output
    assert "closed" in listed.output
    assert _run(data_dir, "list", "--overdue").output.strip() == "no requests overdue"


def test_erasure_by_phone_and_name_forgets_those_values(data_dir: Path) -> None:
    vault = _seed(data_dir)
    opened = _run(
        data_dir, "open", "--kind", "erase", "--phone", PHONE, "--name", PERSON
    )
    assert opened.exit_code == 0, opened.output
    request_id = opened.output.split()[0]
    done = _run(data_dir, "run", request_id)
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["erased_values"] == 1
    assert vault.lookup("default", "PHONE_NUMBER", PHONE) is None
    assert vault.lookup("default", "EMAIL_ADDRESS", EMAIL) is not None
    shown = json.loads(_run(data_dir, "show", request_id).output)
    assert shown["status"] == "closed"
    assert [e["event"] for e in shown["events"]] == [
        "received",
        "erased",
        "closed",
    ]


def test_extend_and_errors_are_one_line(data_dir: Path) -> None:
    opened = _run(
        data_dir,
        "open",
        "--kind",
        "access",
        "--subject",
        "c-1",
        "--received",
        "2025-01-31",
    )
    request_id = opened.output.split()[0]
    assert "due 2025-02-28" in opened.output
    extended = _run(data_dir, "extend", request_id, "--reason", "Many systems.")
    assert "due 2025-04-30" in extended.output
    missing = _run(data_dir, "show", "rr_missing")
    assert missing.exit_code == 2
    assert missing.output.strip() == "gdprgate: no rights request with this id"
    nobody = _run(data_dir, "open", "--kind", "erase")
    assert nobody.exit_code == 2
    assert "name the person" in nobody.output


@pytest.mark.parametrize(
    "command", ["open", "list", "show", "extend", "run", "lift", "hooks"]
)
def test_every_rights_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(main, ["rights", command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_a_wrong_output_path_fails_before_the_request_is_carried_out(
    data_dir: Path, tmp_path: Path
) -> None:
    _seed(data_dir)
    opened = _run(data_dir, "open", "--kind", "access", "--email", EMAIL, "--json")
    request_id = json.loads(opened.output)["id"]
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    failed = _run(data_dir, "run", request_id, "-o", str(blocker / "answer.json"))
    assert failed.exit_code == 2
    assert "nothing was carried out" in failed.output
    assert "Traceback" not in failed.output
    # Still open: it can be carried out with a good path, into a private file.
    good = tmp_path / "answer.json"
    done = _run(data_dir, "run", request_id, "-o", str(good))
    assert done.exit_code == 0, done.output
    assert good.stat().st_mode & 0o777 == 0o600
    assert EMAIL in good.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("kind", "route", "outcome"),
    [
        ("access", "rights/access", "answered"),
        ("export", "rights/export", "exported"),
        ("restrict", "rights/restrict", "blocked"),
        ("object", "rights/object", "blocked"),
    ],
)
def test_every_action_leaves_an_audit_entry_with_tokens_only(
    data_dir: Path, kind: str, route: str, outcome: str
) -> None:
    _seed(data_dir)
    opened = _run(data_dir, "open", "--kind", kind, "--email", EMAIL, "--json")
    request_id = json.loads(opened.output)["id"]
    assert _run(data_dir, "run", request_id).exit_code == 0
    if kind in {"restrict", "object"}:
        assert _run(data_dir, "lift", request_id).exit_code == 0
    db = Database.for_data_dir(data_dir)
    try:
        mine = [e for e in AuditLog(db).entries() if e.request_id == request_id]
    finally:
        db.close()
    assert [(e.route, e.outcome) for e in mine][:1] == [(route, outcome)]
    if kind in {"restrict", "object"}:
        assert [(e.route, e.outcome) for e in mine][1:] == [("rights/lift", "lifted")]
    text = repr(mine)
    assert EMAIL not in text
    assert mine[0].tokens


def test_hooks_exits_3_while_a_hook_has_not_confirmed(
    data_dir: Path, tmp_path: Path
) -> None:
    from gdprgate.policy import EXAMPLE_POLICY

    policy = tmp_path / "policy.yaml"
    policy.write_text(
        EXAMPLE_POLICY.replace(
            "purposes:",
            "deletion_hooks:\n"
            "  - {name: archive, entry_point: 'tests.rights.hook_target:refuse'}\n"
            "purposes:",
            1,
        ),
        encoding="utf-8",
    )
    _seed(data_dir)
    opened = _run(data_dir, "open", "--kind", "erase", "--email", EMAIL, "--json")
    request_id = json.loads(opened.output)["id"]
    ran = _run(data_dir, "run", request_id, "--policy", str(policy))
    assert ran.exit_code == 0, ran.output
    retried = _run(data_dir, "hooks", request_id, "--policy", str(policy))
    assert retried.exit_code == 3
    assert "archive: failed" in retried.output
