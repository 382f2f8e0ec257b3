"""``gdprgate eval`` refuses splits and languages it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gdprgate.cli import main

PATTERNS_ONLY = {"GDPRGATE_DETECT_RAMPART": "false", "GDPRGATE_DETECT_SPACY": "false"}


def _eval(dataset: Path, *args: str) -> tuple[int, str]:
    result = CliRunner(env=PATTERNS_ONLY).invoke(
        main, ["eval", "--dataset", str(dataset), "--format", "tab", *args]
    )
    return result.exit_code, result.output


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "tab.jsonl"
    path.write_text("", encoding="utf-8")
    return path


def test_an_unknown_split_is_an_error(dataset: Path) -> None:
    code, output = _eval(dataset, "--split", "bogus")
    assert code == 2
    assert "'bogus' is not one of" in output


def test_an_unknown_language_is_an_error_listing_the_known(dataset: Path) -> None:
    code, output = _eval(dataset, "--lang", "xx")
    assert code == 2
    assert "--lang 'xx' is not supported; use auto or one of en, de" in output


@pytest.mark.parametrize("lang", ["auto", "DE", "en-GB"])
def test_known_languages_and_auto_pass(dataset: Path, lang: str) -> None:
    code, output = _eval(dataset, "--lang", lang, "--split", "all", "--json")
    assert "not supported" not in output
    assert code == 0, output
