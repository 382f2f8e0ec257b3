"""``gdprgate scrub`` ends cleanly: SIGTERM, bad outputs, keys in the report."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

import gdprgate.datasets
from gdprgate.cli import main
from gdprgate.datasets.detection import Detected
from gdprgate.store import Database
from gdprgate.store.schema import scrub_datasets, scrub_subjects
from tests.datasets.conftest import write_jsonl
from tests.support.canary import EMAIL, IBAN, PHONE, scan_for_canaries


def _env(data_dir: Path) -> dict[str, str]:
    return {
        "GDPRGATE_DATA_DIR": str(data_dir / "store"),
        "GDPRGATE_DETECT_RAMPART": "false",
        "GDPRGATE_DETECT_SPACY": "false",
    }


def _scrub(data_dir: Path, *args: str) -> Any:
    return CliRunner(env=_env(data_dir)).invoke(main, ["scrub", *args, "--no-progress"])


def _index_rows(data_dir: Path) -> tuple[int, int]:
    db = Database.for_data_dir(data_dir / "store")
    try:
        with db.engine.connect() as connection:
            counts = [
                connection.execute(
                    sa.select(sa.func.count()).select_from(table)
                ).scalar_one()
                for table in (scrub_datasets, scrub_subjects)
            ]
    finally:
        db.close()
    return int(counts[0]), int(counts[1])


class _NotHandled(Exception):
    """SIGTERM reached the test's own handler: the command did not catch it."""


def test_sigterm_stops_the_run_like_ctrl_c(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Output, partial file and index entries are removed; the handler
    that was there before is back afterwards."""
    real_make_engine = gdprgate.datasets.make_engine

    class TermAfterFirstBatch:
        def __init__(self, engine: Any) -> None:
            self._engine = engine

        def run(self, batches: Iterable[list[str]]) -> Iterator[list[Detected]]:
            for number, detected in enumerate(self._engine.run(batches)):
                if number == 1:
                    os.kill(os.getpid(), signal.SIGTERM)
                yield detected

        def close(self) -> None:
            self._engine.close()

    def make_engine(*args: Any, **kwargs: Any) -> TermAfterFirstBatch:
        return TermAfterFirstBatch(real_make_engine(*args, **kwargs))

    def not_handled(_signum: int, _frame: FrameType | None) -> None:
        raise _NotHandled

    monkeypatch.setattr(gdprgate.datasets, "make_engine", make_engine)
    source = write_jsonl(
        tmp_path / "a.jsonl", [{"text": f"IBAN {IBAN} {n}"} for n in range(6)]
    )
    out = data_dir / "o.jsonl"
    previous = signal.signal(signal.SIGTERM, not_handled)
    try:
        result = _scrub(data_dir, str(source), "-o", str(out), "--batch-size", "1")
        after = signal.getsignal(signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, previous)

    assert not isinstance(result.exception, _NotHandled)
    assert result.exit_code == 1
    assert "Aborted" in result.output
    assert after is not_handled
    assert sorted(p.name for p in data_dir.iterdir()) == ["store"]
    assert _index_rows(data_dir) == (0, 0)


def test_an_output_that_is_a_folder_exits_2_before_any_work(
    tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": f"IBAN {IBAN}"}])
    (data_dir / "adir").mkdir()

    result = _scrub(data_dir, str(source), "-o", str(data_dir / "adir"))

    assert result.exit_code == 2
    assert "is a folder" in result.output
    assert sorted(p.name for p in data_dir.iterdir()) == ["adir"]


def test_an_output_in_a_missing_folder_exits_2(tmp_path: Path, data_dir: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": "x"}])
    result = _scrub(data_dir, str(source), "-o", "/proc/nope/o.jsonl")
    assert result.exit_code == 2
    assert result.output == (
        "gdprgate: /proc/nope: no such folder for the output; create it first\n"
    )


def test_a_field_typo_exits_2_and_leaves_no_output(
    tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": f"IBAN {IBAN}"}])
    out = data_dir / "o.jsonl"

    result = _scrub(data_dir, str(source), "-o", str(out), "--fields", "nope,meta.nope")

    assert result.exit_code == 2
    assert "--fields nope, meta.nope:" in result.output
    assert sorted(p.name for p in data_dir.iterdir()) == ["store"]
    assert _index_rows(data_dir) == (0, 0)


def test_keys_with_personal_data_never_reach_the_report(
    tmp_path: Path, data_dir: Path
) -> None:
    record = {"users": {EMAIL: {"note": f"Call on {PHONE}"}}}
    source = write_jsonl(tmp_path / "keys.jsonl", [record])
    out = data_dir / "out.jsonl"

    result = _scrub(data_dir, str(source), "-o", str(out))

    assert result.exit_code == 0, result.output
    assert EMAIL not in result.output
    assert "users.<key>.note" in result.output
    report = json.loads((data_dir / "out.jsonl.report.json").read_text("utf-8"))
    assert report["entities"]["users.<key>"] == {"EMAIL_ADDRESS": 1}
    assert not scan_for_canaries([data_dir])


def test_a_new_project_key_is_announced_once(tmp_path: Path) -> None:
    """Fakes hang on the key: a scrub from another folder must not make a
    new one silently."""
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": f"mail {EMAIL}"}])
    first = _scrub(tmp_path, str(source), "-o", str(tmp_path / "a.jsonl"))
    again = _scrub(tmp_path, str(source), "-o", str(tmp_path / "b.jsonl"))
    assert first.exit_code == 0, first.output
    assert again.exit_code == 0, again.output
    assert "made a new project key" in first.stderr
    assert "made a new project key" not in again.stderr
    # The same key: the same fake in both outputs.
    assert (tmp_path / "a.jsonl").read_text() == (tmp_path / "b.jsonl").read_text()


@pytest.mark.ner
def test_sigterm_stops_a_run_in_the_middle_of_a_huge_record(
    tmp_path: Path, data_dir: Path
) -> None:
    """A record the model takes minutes to read does not hold SIGTERM
    back: the process ends soon with the usual clean-up (no output, no
    partial file, no index version) and no crash of the model's threads."""
    source = tmp_path / "huge.jsonl"
    source.write_text(
        json.dumps({"text": f"Mail {EMAIL}. " + "Lorem ipsum dolor sit. " * 100_000})
        + "\n",
        encoding="utf-8",
    )
    out = data_dir / "h.jsonl"
    command = ["scrub", str(source), "-o", str(out), "--no-progress"]
    process = subprocess.Popen(
        [sys.executable, "-m", "gdprgate", *command],
        env={**os.environ, **_env(data_dir), "GDPRGATE_DETECT_RAMPART": "true"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    partial = data_dir / "h.jsonl.partial"
    deadline = time.monotonic() + 120
    while not partial.exists() and process.poll() is None:
        assert time.monotonic() < deadline, "the run never started writing"
        time.sleep(0.1)
    time.sleep(3.0)  # the model is loaded and well inside the record
    assert process.poll() is None, "the record was read before the signal"
    process.send_signal(signal.SIGTERM)
    try:
        # Reading the rest of the record takes minutes; a stop takes a few
        # seconds (a liveness bound with a wide margin, not a measurement).
        output, _ = process.communicate(timeout=60)
    finally:
        process.kill()

    text = output.decode("utf-8", "replace")
    assert process.returncode == 1, text
    assert "Aborted" in text
    assert "terminate called" not in text
    assert "Traceback" not in text
    assert sorted(p.name for p in data_dir.iterdir()) == ["store"]
    assert _index_rows(data_dir) == (0, 0)
