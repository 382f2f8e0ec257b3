"""The evidence bundle: record, map, verification, retention, rights, digests."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from gdprgate.cli import main
from tests.support.canary import CANARIES


def test_bundle_holds_every_part_with_a_manifest(
    policy_file: Path, traffic: Path
) -> None:
    bundle = traffic / "bundle.zip"
    args = ["evidence", "-o", str(bundle), "--policy", str(policy_file)]
    args += ["--data-dir", str(traffic)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(bundle) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    for name in (
        "record.json",
        "record.md",
        "record.html",
        "map.mmd",
        "audit_verification.json",
        "retention.json",
        "rights_requests.json",
        "policy.sha256",
        "manifest.json",
    ):
        assert name in files
    digest = hashlib.sha256(policy_file.read_bytes()).hexdigest()
    assert files["policy.sha256"].decode().strip() == digest
    manifest = json.loads(files["manifest.json"])["sha256"]
    for name, expected in manifest.items():
        assert hashlib.sha256(files[name]).hexdigest() == expected
    verification = json.loads(files["audit_verification.json"])
    # The hash chain of the traffic verifies, checkpoint signatures included.
    assert verification["status"] == "ok"
    assert verification["entries"] > 0
    assert verification["problems"] == []
    retention = json.loads(files["retention.json"])
    assert retention["in_force"]["customer.support"] == {
        "vault": "90d",
        "audit": "1y",
        "payloads": "30d",
    }
    assert retention["in_force"]["default"] == "MISSING"
    everything = b"".join(files.values()).lower()
    for canary in CANARIES:
        assert canary.lower().encode() not in everything


def test_a_broken_chain_is_said_and_fails_the_command(
    policy_file: Path, traffic: Path
) -> None:
    from gdprgate.store import Database

    db = Database.for_data_dir(traffic)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE audit_events SET outcome = 'edited' WHERE seq = 1"
        )
    db.close()
    bundle = traffic / "broken.zip"
    args = ["evidence", "-o", str(bundle), "--policy", str(policy_file)]
    result = CliRunner().invoke(main, [*args, "--data-dir", str(traffic)])
    assert result.exit_code == 3
    assert "does NOT verify" in result.output
    with zipfile.ZipFile(bundle) as archive:
        verification = json.loads(archive.read("audit_verification.json"))
    assert verification["status"] == "broken"
    assert verification["problems"][0]["seq"] == 1
