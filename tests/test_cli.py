"""The ``gdprgate`` command line: scan prints findings, errors are one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gdprgate.cli import main
from tests.support.canary import EMAIL, IBAN

PATTERNS_ONLY = {"GDPRGATE_DETECT_RAMPART": "false", "GDPRGATE_DETECT_SPACY": "false"}


def test_scan_json_lists_exact_spans() -> None:
    text = f"Mail {EMAIL} and pay {IBAN}."
    result = CliRunner(env=PATTERNS_ONLY).invoke(main, ["scan", "--json"], input=text)
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)
    assert [(f["start"], f["end"], f["entity"]) for f in findings] == [
        (5, 5 + len(EMAIL), "EMAIL_ADDRESS"),
        (text.index(IBAN), text.index(IBAN) + len(IBAN), "IBAN_CODE"),
    ]
    assert all(0 < f["score"] <= 1 for f in findings)


def test_scan_reads_a_file_and_prints_a_table(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text(f"Contact: {EMAIL}\n", encoding="utf-8")
    result = CliRunner(env=PATTERNS_ONLY).invoke(main, ["scan", str(source)])
    assert result.exit_code == 0
    start, end, entity, _score, value = result.output.strip().split("\t")
    assert (int(start), int(end), entity, value) == (
        9,
        9 + len(EMAIL),
        "EMAIL_ADDRESS",
        EMAIL,
    )


def test_scan_counts_offsets_in_code_points() -> None:
    text = f"Grüße 😀 {EMAIL}"
    result = CliRunner(env=PATTERNS_ONLY).invoke(main, ["scan", "--json"], input=text)
    [finding] = json.loads(result.output)
    assert text[finding["start"] : finding["end"]] == EMAIL


def test_scan_offsets_fit_a_file_with_crlf_line_ends(tmp_path: Path) -> None:
    text = f"Line one.\r\nLine two.\r\nMail {EMAIL}\r\n"
    source = tmp_path / "crlf.txt"
    source.write_bytes(text.encode("utf-8"))
    result = CliRunner(env=PATTERNS_ONLY).invoke(main, ["scan", "--json", str(source)])
    assert result.exit_code == 0, result.output
    [finding] = json.loads(result.output)
    assert text[finding["start"] : finding["end"]] == EMAIL


def test_scan_takes_every_detection_language() -> None:
    text = f"Tack Lars, maila {EMAIL}"
    result = CliRunner(env=PATTERNS_ONLY).invoke(
        main, ["scan", "--json", "--lang", "sv"], input=text
    )
    assert result.exit_code == 0, result.output
    assert [f["entity"] for f in json.loads(result.output)] == ["EMAIL_ADDRESS"]


def test_scan_refuses_invalid_utf8_with_one_line(tmp_path: Path) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(b"caf\xe9 \xff")
    result = CliRunner(env=PATTERNS_ONLY).invoke(main, ["scan", str(source)])
    assert result.exit_code == 2
    assert result.output.strip() == "gdprgate: the input is not valid UTF-8"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"GDPRGATE_MAX_BODY_BYTES": "-1"}, "max_body_bytes"),
        ({"GDPRGATE_LOG_LEVEL": "LOUD"}, "log_level"),
    ],
)
def test_invalid_settings_exit_2_naming_the_field(
    env: dict[str, str], expected: str, tmp_path: Path
) -> None:
    result = CliRunner(env=env).invoke(main, ["serve", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert expected in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unreadable_master_key_setting_exits_2(tmp_path: Path) -> None:
    env = {"GDPRGATE_MASTER_KEY": "too-short", **PATTERNS_ONLY}
    result = CliRunner(env=env).invoke(
        main,
        ["serve", "--data-dir", str(tmp_path), "--upstream", "http://127.0.0.1:9/v1"],
    )
    assert result.exit_code == 2
    assert "GDPRGATE_MASTER_KEY" in result.output
    assert "too-short" not in result.output
