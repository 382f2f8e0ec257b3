"""Scrub runs that fail closed: field typos, object keys, leftovers, ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from gdprgate.datasets.scrub import ScrubOptions, check_output
from gdprgate.datasets.sources import folder_digest
from gdprgate.errors import ConfigError
from gdprgate.store import Database
from gdprgate.store.schema import scrub_datasets, scrub_subjects
from gdprgate.vault import Keyring
from tests.datasets.conftest import write_jsonl
from tests.support.canary import IBAN, PHONE


def _rows(db: Database) -> tuple[int, int]:
    """Rows in the data set register and in the subject index."""
    with db.engine.connect() as connection:
        datasets = connection.execute(
            sa.select(sa.func.count()).select_from(scrub_datasets)
        ).scalar_one()
        subjects = connection.execute(
            sa.select(sa.func.count()).select_from(scrub_subjects)
        ).scalar_one()
    return int(datasets), int(subjects)


def _left_behind(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --fields


def test_a_field_that_matches_nothing_fails_the_run_and_leaves_nothing(
    scrub: Any, store: tuple[Database, Keyring], tmp_path: Path, data_dir: Path
) -> None:
    """A typo in --fields must not scrub nothing and look clean."""
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": f"IBAN {IBAN}"}])
    out_dir = data_dir / "out"
    out_dir.mkdir()

    with pytest.raises(ConfigError, match=r"nope, meta\.nope") as caught:
        scrub([source], out_dir / "o.jsonl", fields=["nope", "text", "meta.nope"])

    assert "text" not in str(caught.value).split(":")[0]
    assert _left_behind(out_dir) == []
    assert _rows(store[0]) == (0, 0)


def test_a_field_that_exists_only_empty_is_no_typo(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": f"{PHONE}", "note": ""}])
    report = scrub([source], data_dir / "o.jsonl", fields=["text", "note"])
    assert report.records_touched == 1


# leftovers


def test_output_that_is_a_folder_fails_before_any_work(
    scrub: Any, store: tuple[Database, Keyring], tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": f"IBAN {IBAN}"}])
    (data_dir / "adir").mkdir()

    with pytest.raises(ConfigError, match="is a folder"):
        scrub([source], data_dir / "adir")

    assert _left_behind(data_dir) == ["adir", "store"]
    assert _rows(store[0]) == (0, 0)


@pytest.mark.parametrize(
    "output", ["missing/o.jsonl", "file.txt/o.jsonl", "dir.partial"]
)
def test_unwritable_outputs_are_named_up_front(data_dir: Path, output: str) -> None:
    (data_dir / "file.txt").write_text("x", encoding="utf-8")
    (data_dir / "dir.partial.partial").mkdir()
    with pytest.raises(ConfigError, match="folder"):
        check_output(data_dir / output)


def test_a_failing_commit_removes_the_index_entries(
    scrub: Any,
    store: tuple[Database, Keyring],
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run that cannot give its output its name is no data set version."""
    from gdprgate.datasets.writers import RecordWriter

    def fail(self: RecordWriter) -> None:
        raise IsADirectoryError(str(self.path))

    monkeypatch.setattr(RecordWriter, "commit", fail)
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": f"IBAN {IBAN}"}])

    with pytest.raises(IsADirectoryError):
        scrub([source], data_dir / "o.jsonl")

    assert _rows(store[0]) == (0, 0)
    assert _left_behind(data_dir) == ["store"]


def test_a_clean_rerun_removes_the_old_rejects_file(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a"}\n{oops\n', encoding="utf-8")
    good = write_jsonl(tmp_path / "good.jsonl", [{"text": "a"}])
    out = data_dir / "o.jsonl"

    first = scrub([bad], out)
    assert first.rejects is not None
    assert Path(first.rejects).exists()
    second = scrub([good], out)

    assert second.rejects is None
    assert not (data_dir / "o.jsonl.rejects.jsonl").exists()


def test_blank_lines_are_counted_in_a_file_of_only_blank_lines(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "blank.jsonl"
    source.write_text("\n\n  \n", encoding="utf-8")
    report = scrub([source], data_dir / "o.jsonl")
    assert (report.records_in, report.blank_lines) == (0, 3)


# data set ids


def test_outputs_of_one_name_in_two_folders_are_two_data_sets(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": f"IBAN {IBAN}"}])
    for folder in ("train", "dev"):
        (data_dir / folder).mkdir()

    train = scrub([source], data_dir / "train" / "clean.jsonl")
    dev = scrub([source], data_dir / "dev" / "clean.jsonl.gz")

    assert (train.dataset_id, train.version) == (
        f"train/clean.jsonl#{folder_digest(data_dir / 'train' / 'x')}",
        1,
    )
    assert (dev.dataset_id, dev.version) == (
        f"dev/clean.jsonl#{folder_digest(data_dir / 'dev' / 'x')}",
        1,
    )


def test_an_explicit_dataset_id_is_kept(tmp_path: Path) -> None:
    options = ScrubOptions(
        inputs=[tmp_path / "a.jsonl"], output=tmp_path / "o.jsonl", dataset_id="x"
    )
    assert options.resolved_dataset_id == "x"


def test_a_dataset_id_too_long_for_the_register_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="128"):
        ScrubOptions(
            inputs=[tmp_path / "a.jsonl"],
            output=tmp_path / "o.jsonl",
            dataset_id="x" * 129,
        )


def test_fields_are_not_checked_when_no_record_was_written(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    """An empty input, or one of rejects only (scrubbed whole), is no typo."""
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    assert scrub([empty], data_dir / "e.jsonl", fields=["text"]).records_in == 0
    assert scrub([bad], data_dir / "b.jsonl", fields=["text"]).rejected == 1
