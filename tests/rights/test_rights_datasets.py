"""Rights reach scrubbed data sets: access names them, through the subject index."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from gdprgate.cli import main
from tests.support.canary import EMAIL, EMAIL_2


def test_access_names_the_data_sets_that_hold_the_person(
    data_dir: Path, tmp_path: Path
) -> None:
    store = data_dir / "store"
    env = {
        "GDPRGATE_DATA_DIR": str(store),
        "GDPRGATE_DETECT_RAMPART": "false",
        "GDPRGATE_DETECT_SPACY": "false",
    }
    runner = CliRunner(env=env)
    corpus = tmp_path / "tickets.jsonl"
    lines = [
        {"text": f"please write to {EMAIL} soon"},
        {"text": "nothing personal here"},
        {"text": f"again {EMAIL}, and {EMAIL_2}"},
    ]
    corpus.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    scrubbed = runner.invoke(
        main,
        ["scrub", str(corpus), "-o", str(data_dir / "clean.jsonl"),
         "--dataset", "support-tickets", "--no-progress"],
    )  # fmt: skip
    assert scrubbed.exit_code == 0, scrubbed.output

    opened = runner.invoke(
        main, ["rights", "open", "--kind", "access", "--email", EMAIL, "--json"]
    )
    assert opened.exit_code == 0, opened.output
    request_id = json.loads(opened.output)["id"]
    report = data_dir / "access.json"
    done = runner.invoke(
        main, ["rights", "run", request_id, "--format", "json", "-o", str(report)]
    )
    assert done.exit_code == 0, done.output
    answer = json.loads(report.read_text(encoding="utf-8"))
    assert answer["datasets"] == [{"name": "support-tickets@1", "records": 2}]
