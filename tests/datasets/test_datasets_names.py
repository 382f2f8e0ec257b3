"""With the name model on, a person becomes the same fake person everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdprgate.datasets import LocalEngine, Scrubber, ScrubOptions
from gdprgate.detect import DetectorConfig
from gdprgate.store import Database
from gdprgate.vault import Keyring
from tests.datasets.conftest import read_jsonl, write_jsonl
from tests.support.canary import PERSON, PERSON_2, scan_for_canaries


@pytest.mark.ner
def test_a_person_gets_one_fake_name_across_records(
    store: tuple[Database, Keyring], tmp_path: Path, data_dir: Path
) -> None:
    db, keyring = store
    corpus = write_jsonl(
        tmp_path / "names.jsonl",
        [
            {"text": f"Yesterday {PERSON} met {PERSON_2} in the office."},
            {"text": f"Later, {PERSON} wrote the minutes of the meeting."},
        ],
    )
    out = data_dir / "names.jsonl"
    engine = LocalEngine(DetectorConfig(spacy_languages=("en",)), language="en")
    try:
        Scrubber(db, keyring, ScrubOptions([corpus], out, language="en"), engine).run()
    finally:
        engine.close()

    first, second = (r["text"] for r in read_jsonl(out))
    assert not scan_for_canaries([out])
    fake = first.removeprefix("Yesterday ").split(" met ")[0]
    assert len(fake.split()) == 2
    assert second == f"Later, {fake} wrote the minutes of the meeting."
