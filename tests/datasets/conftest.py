"""Fixtures of the scrub tests: a store, a keyring and small corpora.

Input corpora are written under ``tmp_path`` (they hold the fictional test
values on purpose); everything a scrub writes goes under ``data_dir``,
which the canary check scans at the end of the run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from gdprgate.datasets import LocalEngine, Scrubber, ScrubOptions, ScrubReport
from gdprgate.detect import Detector, DetectorConfig, build_detector
from gdprgate.store import Database
from gdprgate.vault import Keyring, load_master_key

# Patterns only: fast and exact, enough for e-mail, phone and IBAN values.
PATTERNS = DetectorConfig(rampart=False, spacy=False, cache_size=0)


@pytest.fixture(scope="session")
def patterns_detector() -> Detector:
    detector = build_detector(PATTERNS)
    detector.warm_up()
    return detector


@pytest.fixture
def store(data_dir: Path) -> Iterator[tuple[Database, Keyring]]:
    db = Database.for_data_dir(data_dir / "store")
    db.upgrade()
    keyring = Keyring(db, load_master_key(data_dir / "store"))
    yield db, keyring
    db.close()


def write_jsonl(path: Path, records: Sequence[Any]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def read_jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture
def scrub(store: tuple[Database, Keyring], patterns_detector: Detector) -> Any:
    """Run a scrub with the patterns detector in this process."""
    db, keyring = store

    def run(inputs: Sequence[Path], output: Path, **options: Any) -> ScrubReport:
        engine = LocalEngine(PATTERNS, detector=patterns_detector)
        scrub_options = ScrubOptions(inputs=list(inputs), output=output, **options)
        return Scrubber(db, keyring, scrub_options, engine).run()

    return run
