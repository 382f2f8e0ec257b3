"""The files around a scrub: inputs it must not touch, how inputs and data
sets are named, CSV headers and quotes, and the output's place."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from gdprgate.cli import main
from gdprgate.datasets.sources import check_output, source_labels, split_suffixes
from gdprgate.errors import ConfigError, ScrubStopped
from gdprgate.store import Database
from gdprgate.store.schema import scrub_subjects
from tests.datasets.conftest import read_jsonl, write_jsonl
from tests.support.canary import EMAIL, IBAN


def _scrub_cli(data_dir: Path, *args: str) -> Any:
    env = {
        "GDPRGATE_DATA_DIR": str(data_dir / "store"),
        "GDPRGATE_DETECT_RAMPART": "false",
        "GDPRGATE_DETECT_SPACY": "false",
    }
    return CliRunner(env=env).invoke(main, ["scrub", *args, "--no-progress"])


# inputs the run would write or remove


@pytest.mark.parametrize(
    "side",
    [
        "o.jsonl.partial",
        "o.jsonl.rejects.jsonl",
        "o.jsonl.rejects.jsonl.partial",
        "o.jsonl.report.json",
        "o.jsonl.report.json.partial",
    ],
)
def test_an_input_named_like_a_side_file_is_refused_untouched(
    tmp_path: Path, data_dir: Path, side: str
) -> None:
    source = write_jsonl(tmp_path / side, [{"text": f"IBAN {IBAN}"}])
    before = source.read_bytes()

    result = _scrub_cli(data_dir, str(source), "-o", str(tmp_path / "o.jsonl"))

    assert result.exit_code == 2
    assert "a file this run writes or removes" in result.output
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [side]


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_an_input_linked_to_the_output_or_a_side_file_is_refused(
    scrub: Any, tmp_path: Path, link: str
) -> None:
    target = write_jsonl(tmp_path / "o.jsonl.rejects.jsonl", [{"text": "x"}])
    source = tmp_path / "in.jsonl"
    if link == "symlink":
        source.symlink_to(target)
    else:
        os.link(target, source)

    with pytest.raises(ConfigError, match="a file this run writes or removes"):
        scrub([source], tmp_path / "o.jsonl")
    assert read_jsonl(target) == [{"text": "x"}]


# CSV headers and quotes


def test_a_csv_without_header_fails_naming_column_and_type_not_value(
    tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "x.csv"
    source.write_text(f"1,{EMAIL},hello\n2,someone,hi\n", "utf-8")

    result = _scrub_cli(data_dir, str(source), "-o", str(data_dir / "x.jsonl"))

    assert result.exit_code == 2
    assert "the header of x.csv holds what looks like personal data" in result.output
    assert "(EMAIL_ADDRESS in column 2); a CSV needs a header line" in result.output
    assert EMAIL not in result.output
    assert not (data_dir / "x.jsonl").exists()


def test_csv_column_names_of_one_word_pass_the_header_check(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "x.csv"
    source.write_text(f"id,name,email\n1,someone,{EMAIL}\n", "utf-8")

    report = scrub([source], data_dir / "x.csv")

    assert report.records_out == 1


def test_an_unterminated_quote_rejects_its_record_with_the_reason(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "q.csv"
    source.write_text(
        f'id,name,text\n0,a,b\n1,{EMAIL},"unterminated quote\n2,c,d\n3,e,f\n',
        "utf-8",
    )

    report = scrub([source], data_dir / "q.jsonl")

    # The bad record is its first line; the lines after it are read again.
    assert (report.records_in, report.records_out, report.rejected) == (4, 3, 1)
    assert [r["id"] for r in read_jsonl(data_dir / "q.jsonl")] == ["0", "2", "3"]
    [reject] = read_jsonl(data_dir / "q.jsonl.rejects.jsonl")
    assert reject["line"] == 3
    assert "quoted field is never closed" in reject["reason"]
    # Its text is kept, scrubbed like the text of any reject.
    assert reject["text"].startswith("1,")
    assert "unterminated quote" in reject["text"]
    assert EMAIL not in reject["text"]


def test_rows_after_an_unterminated_quote_are_all_accounted_for(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "u.csv"
    source.write_text(
        'id,name,note\n1,Anna Schmidt,"ok"\n2,Bob,"unterminated\n'
        "3,Carl Meier,fine\n4,Dora Klein,fine\n",
        "utf-8",
    )

    report = scrub([source], data_dir / "u.jsonl")

    assert (report.records_in, report.records_out, report.rejected) == (4, 3, 1)
    assert [r["id"] for r in read_jsonl(data_dir / "u.jsonl")] == ["1", "3", "4"]
    [reject] = read_jsonl(data_dir / "u.jsonl.rejects.jsonl")
    assert reject["line"] == 3
    assert reject["text"] is not None
    assert reject["text"].startswith("2,")


def test_a_csv_error_reject_keeps_its_scrubbed_text(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "s.csv"
    source.write_text(f'id,text\n1,"a"b {EMAIL}\n2,ok\n', "utf-8")

    report = scrub([source], data_dir / "s.jsonl")

    assert (report.records_in, report.records_out, report.rejected) == (2, 1, 1)
    [reject] = read_jsonl(data_dir / "s.jsonl.rejects.jsonl")
    assert reject["line"] == 2
    assert reject["text"] is not None
    assert reject["text"].startswith("1,")
    assert EMAIL not in reject["text"]


def test_an_unterminated_quote_stops_a_strict_run(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "q.csv"
    source.write_text('id,text\n1,"open\n2,b\n', "utf-8")

    with pytest.raises(ScrubStopped, match=r"line 2 of q\.csv"):
        scrub([source], data_dir / "q.jsonl", strict=True)


def test_a_header_only_csv_keeps_its_header(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / "h.csv"
    source.write_text("id,text\n", "utf-8")

    report = scrub([source], data_dir / "h.csv")

    assert report.records_in == 0
    assert (data_dir / "h.csv").read_text("utf-8") == "id,text\n"


# names of inputs and data sets


def test_inputs_of_one_name_in_two_folders_are_two_sources(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    paths = []
    for folder in ("s1", "s2"):
        (tmp_path / folder).mkdir()
        paths.append(write_jsonl(tmp_path / folder / "train.jsonl", ["bad", "x"]))
        (tmp_path / folder / "train.jsonl").write_text("broken\n", "utf-8")

    report = scrub(paths, data_dir / "o.jsonl")

    assert report.inputs == ["s1/train.jsonl", "s2/train.jsonl"]
    sources = [r["source"] for r in read_jsonl(data_dir / "o.jsonl.rejects.jsonl")]
    assert sources == ["s1/train.jsonl", "s2/train.jsonl"]


def test_source_labels_are_the_shortest_distinct_ends() -> None:
    paths = [Path("/d/s1/train.jsonl"), Path("/d/s2/train.jsonl"), Path("/d/o.csv")]
    assert source_labels(paths) == ["s1/train.jsonl", "s2/train.jsonl", "o.csv"]
    assert source_labels([Path("/a/x.jsonl"), Path("/a/x.jsonl")]) == ["x.jsonl"] * 2
    assert split_suffixes("chat.jsonl.gz") == ("chat", ".jsonl.gz")


def test_outputs_of_one_folder_name_in_different_places_are_two_data_sets(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": f"IBAN {IBAN}"}])
    reports = []
    for parent in ("p1", "p2"):
        (data_dir / parent / "train").mkdir(parents=True)
        reports.append(scrub([source], data_dir / parent / "train" / "clean.jsonl"))

    ids = [report.dataset_id for report in reports]
    assert ids[0] != ids[1]
    assert all(i.startswith("train/clean.jsonl#") for i in ids)
    assert [report.version for report in reports] == [1, 1]
    given = scrub([source], data_dir / "p1" / "train" / "c.jsonl", dataset_id="x")
    assert given.dataset_id == "x"


def test_personal_data_in_an_input_name_is_masked_wherever_stored(
    scrub: Any, store: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = tmp_path / f"chat_{EMAIL}.jsonl"
    source.write_text(f'{{"text": "IBAN {IBAN}"}}\nbroken\n', "utf-8")

    report = scrub([source], data_dir / "o.jsonl")

    # The e-mail pattern takes "chat_" as part of the address.
    assert report.inputs == ["[EMAIL_ADDRESS].jsonl"]
    [reject] = read_jsonl(data_dir / "o.jsonl.rejects.jsonl")
    assert reject["source"] == "[EMAIL_ADDRESS].jsonl"
    db: Database = store[0]
    with db.engine.connect() as connection:
        stored = connection.execute(sa.select(scrub_subjects.c.source)).scalars().all()
    assert stored == ["[EMAIL_ADDRESS].jsonl"]
    assert EMAIL not in json.dumps(report.as_json())


# --fields and the output's place


def test_fields_naming_only_a_numeric_field_fail(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "n.jsonl", [{"id": 1, "text": f"mail {EMAIL}"}])

    with pytest.raises(ConfigError, match="--fields id: matched no text"):
        scrub([source], data_dir / "n.jsonl", fields=["id"])
    assert not (data_dir / "n.jsonl").exists()


def test_fields_naming_an_object_with_keys_to_scrub_pass(
    scrub: Any, tmp_path: Path, data_dir: Path
) -> None:
    source = write_jsonl(tmp_path / "k.jsonl", [{"users": {EMAIL: 1}}])

    report = scrub([source], data_dir / "k.jsonl", fields=["users"])

    assert EMAIL not in (data_dir / "k.jsonl").read_text("utf-8")
    assert report.records_out == 1


def test_an_output_below_a_file_names_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "basic.jsonl"
    blocker.write_text("{}\n", "utf-8")

    with pytest.raises(ConfigError, match=r"basic\.jsonl: is a file, not a folder"):
        check_output(blocker / "x.jsonl")
