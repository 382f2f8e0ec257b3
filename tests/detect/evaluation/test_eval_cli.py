"""``gdprgate eval`` prints scores as a table or as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from gdprgate.cli import main
from gdprgate.detect import Detector, Finding

PATTERNS_ONLY = {"GDPRGATE_DETECT_RAMPART": "false", "GDPRGATE_DETECT_SPACY": "false"}


def _eval(*args: str) -> tuple[int, str]:
    result = CliRunner(env=PATTERNS_ONLY).invoke(main, ["eval", *args])
    return result.exit_code, result.stdout


def test_eval_json_scores_a_presidio_file(fixtures: Path) -> None:
    """Patterns find the e-mail (4 word tokens) and no name or address.

    Gold word tokens: 4 e-mail, 4 person, 3 location ("Dr." is not scored).
    """
    code, output = _eval(
        "--dataset", str(fixtures / "presidio_synth.json"), "--format", "presidio",
        "--json",
    )  # fmt: skip
    assert code == 0, output
    [report] = json.loads(output)
    scores = report["token_level"]
    assert scores["EMAIL_ADDRESS"] == {
        "tp": 4, "fp": 0, "fn": 0,
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "f2": 1.0,
    }  # fmt: skip
    assert (scores["PERSON"]["fn"], scores["PERSON"]["recall"]) == (4, 0.0)
    assert scores["PERSON"]["precision"] is None
    overall = scores["ALL"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (4, 0, 7)
    assert overall["f2"] == round(5 * 1.0 * (4 / 11) / (4 * 1.0 + 4 / 11), 4)
    assert report["samples"] == 3
    assert report["tab"] is None
    assert report["error_kinds"]["gold"]["PERSON"] == {"missed": 2}


def test_eval_json_reports_tab_measures(fixtures: Path) -> None:
    code, output = _eval(
        "--dataset", str(fixtures / "entity_tab_toy.jsonl"), "--format", "tab",
        "--split", "test", "--json",
    )  # fmt: skip
    assert code == 0, output
    [report] = json.loads(output)
    tab = report["tab"]
    # Patterns alone find the application number (a DIRECT identifier) but
    # not the name; what they mask is all personal data (precision 1).
    assert tab["direct_recall"] == {"found": 1, "total": 2, "recall": 0.5}
    assert tab["quasi_recall"]["total"] == 2
    assert tab["token_precision"] == {"tp": 2, "fp": 0, "precision": 1.0}


def test_eval_prints_one_table_per_file(fixtures: Path) -> None:
    code, output = _eval("--dataset", str(fixtures / "echr"), "--format", "echr-tsv")
    assert code == 0, output
    assert output.count("== echr/") == 2
    assert "PERSON" in output
    assert "Verdasque" not in output


def test_eval_errors_option_shows_forms_on_the_terminal(fixtures: Path) -> None:
    code, output = _eval(
        "--dataset", str(fixtures / "uner"), "--format", "uner", "--errors", "3",
    )  # fmt: skip
    assert code == 0, output
    assert "PERSON missed: 'Mira Oldcastle' 1" in output


def test_eval_turns_a_broken_dataset_into_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = CliRunner(env=PATTERNS_ONLY).invoke(
        main, ["eval", "--dataset", str(broken), "--format", "presidio"]
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == f"gdprgate: {broken} is not valid JSON (line 1)"


def test_eval_with_workers_scores_the_same_in_batches(fixtures: Path) -> None:
    args = ["--dataset", str(fixtures / "presidio_synth.json"), "--format", "presidio"]
    code, single = _eval(*args, "--json")
    assert code == 0, single
    code, pooled = _eval(*args, "--workers", "2", "--json")
    assert code == 0, pooled
    [one], [two] = json.loads(single), json.loads(pooled)
    assert two["token_level"] == one["token_level"]
    assert two["median_ms"] == 0  # batches are timed as a whole
    assert two["samples_per_second"] > 0
    code, text = _eval(*args, "--workers", "2")
    assert code == 0, text
    assert "in batches" in text


def test_eval_lang_auto_lets_the_detector_guess(
    fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--lang auto`` hands no language to the detector, as the gateway
    does; by default each sample goes with its file's language."""
    asked: list[str | None] = []
    analyze_batch = Detector.analyze_batch

    def spy(
        self: Detector,
        texts: Sequence[str],
        language: str | None = None,
        scope: str = "",
    ) -> list[list[Finding]]:
        asked.append(language)
        return analyze_batch(self, texts, language, scope)

    monkeypatch.setattr(Detector, "analyze_batch", spy)
    args = ["--dataset", str(fixtures / "presidio_synth.json"), "--format", "presidio"]
    code, given = _eval(*args, "--json")
    assert code == 0, given
    assert set(asked) == {"en"}
    asked.clear()
    code, guessed = _eval(*args, "--lang", "auto", "--json")
    assert code == 0, guessed
    assert set(asked) == {None}
    # The fixture is English: guessing changes nothing in the scores.
    assert json.loads(guessed)[0]["token_level"] == json.loads(given)[0]["token_level"]
