"""CSV output and spreadsheet formulas: the tool's own fakes never start a
formula; the user's cells that do are counted and, when asked, escaped."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gdprgate.cli import main
from gdprgate.datasets import Surrogates, surrogate, surrogate_key
from gdprgate.datasets.writers import formula_like
from tests.datasets.conftest import write_jsonl

KEY = surrogate_key(b"\x05" * 32)
RECORDS: list[dict[str, Any]] = [
    {"id": 1, "note": '=WENN(A1>2;"ja";"nein")', "n": -5},
    {"id": 2, "note": "+49 171 2345678", "n": 3},
    {"id": 3, "note": "-Liste ohne Namen", "n": 4},
    {"id": 4, "note": "@SUM(A1:A9)", "n": 5},
    {"id": 5, "note": "\tTabulator vorne", "n": 6},
    {"id": 6, "note": "Kein Problem hier = gar keins", "n": 7},
]


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=1+1", True),
        ("+49 171 2345678", True),
        ("-5", True),
        ("@SUM(A1)", True),
        ("\tx", True),
        ("\rx", True),
        ("a=1", False),
        (" =1", False),
        ("", False),
        ("'=1", False),
    ],
)
def test_formula_like_cells(text: str, formula: bool) -> None:
    assert formula_like(text) is formula


def test_a_fake_never_starts_a_formula_the_value_did_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A draw that would open a formula is drawn again."""
    draws = iter(["=HYPERLINK(1)", "@Firma", "Nordwind Handel AG"])

    def company(value: str, rng: random.Random, faker: Any) -> str:
        return next(draws)

    monkeypatch.setitem(surrogate._GENERATORS, "ORGANIZATION", company)

    fake = Surrogates(KEY).make("ORGANIZATION", "Bäckerei Lindqvist GmbH", "de")

    assert fake == "Nordwind Handel AG"


def test_a_phone_keeps_its_plus() -> None:
    """The value started with "+": its fake may too (same shape)."""
    fake = Surrogates(KEY).make("PHONE_NUMBER", "+49 171 2345678", "de")
    assert fake.startswith("+49 ")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_formula_cells_are_kept_and_counted_by_default(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "f.jsonl", RECORDS)

    report = scrub([source], data_dir / "f.csv")

    rows = _rows(data_dir / "f.csv")
    assert rows[0]["note"] == RECORDS[0]["note"]
    assert rows[2]["note"] == "-Liste ohne Namen"
    assert rows[1]["note"].startswith("+49 ")
    assert rows[1]["note"] != RECORDS[1]["note"]
    assert rows[0]["n"] == "-5"
    assert report.formula_cells == 5
    assert report.as_json()["csv_formula_cells"] == 5
    assert report.as_json()["csv_formulas_escaped"] is False
    assert "formula-like 5 CSV cells" in report.table()


def test_formula_cells_are_escaped_when_asked(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    """Text cells get an apostrophe; numbers and other cells stay as they
    are."""
    source = write_jsonl(tmp_path / "f.jsonl", RECORDS)

    report = scrub([source], data_dir / "f.csv", escape_formulas=True)

    rows = _rows(data_dir / "f.csv")
    notes = [row["note"] for row in rows]
    assert notes[0] == "'" + RECORDS[0]["note"]
    assert notes[1].startswith("'+49 ")
    assert notes[2:5] == ["'-Liste ohne Namen", "'@SUM(A1:A9)", "'\tTabulator vorne"]
    assert notes[5] == RECORDS[5]["note"]
    assert [row["n"] for row in rows] == ["-5", "3", "4", "5", "6", "7"]
    assert report.formula_cells == 5
    assert report.formulas_escaped is True


def test_jsonl_output_has_no_formula_count(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "f.jsonl", RECORDS)

    report = scrub([source], data_dir / "f.jsonl", escape_formulas=True)

    assert report.as_json()["csv_formula_cells"] is None
    first = json.loads((data_dir / "f.jsonl").read_text("utf-8").splitlines()[0])
    assert first["note"] == RECORDS[0]["note"]


def test_the_command_escapes_formulas_with_its_flag(
    tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "c.csv"
    source.write_text('id,note\n1,"=1+2"\n2,ruhig\n', "utf-8")
    env = {
        "GDPRGATE_DATA_DIR": str(data_dir / "store"),
        "GDPRGATE_DETECT_RAMPART": "false",
        "GDPRGATE_DETECT_SPACY": "false",
    }
    args = ["scrub", str(source), "-o", str(data_dir / "c.csv"), "--no-progress"]

    result = CliRunner(env=env).invoke(main, [*args, "--escape-formulas", "--json"])

    assert result.exit_code == 0, result.output
    assert (data_dir / "c.csv").read_text("utf-8") == "id,note\n1,'=1+2\n2,ruhig\n"
    assert json.loads(result.output.splitlines()[0])["csv_formula_cells"] == 1
