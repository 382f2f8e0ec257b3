"""Scrubbing training corpora, and the subject index of what was scrubbed.

:func:`scrub_corpus` reads JSONL, CSV or Parquet files (plain, gzip or
zstd), replaces the personal data in them (surrogates, vault tokens or
redaction) on this machine or on Ray, writes the scrubbed records, the
rejected ones and a report, and records who was found where in the subject
index. :func:`datasets_for` answers "which data sets contain this person".
"""

from __future__ import annotations

from gdprgate.datasets.engines import Engine, LocalEngine
from gdprgate.datasets.index import (
    DatasetHit,
    RecordPlace,
    SubjectIndex,
    datasets_for,
    datasets_for_values,
    forget_subjects,
)
from gdprgate.datasets.registers import DatasetRegisters
from gdprgate.datasets.report import ScrubReport
from gdprgate.datasets.scrub import MODES, Scrubber, ScrubOptions
from gdprgate.datasets.surrogate import Surrogates, surrogate_key
from gdprgate.detect import DetectorConfig
from gdprgate.store import Database
from gdprgate.vault import Keyring

__all__ = [
    "MODES",
    "DatasetHit",
    "DatasetRegisters",
    "Engine",
    "LocalEngine",
    "RecordPlace",
    "ScrubOptions",
    "ScrubReport",
    "Scrubber",
    "SubjectIndex",
    "Surrogates",
    "datasets_for",
    "datasets_for_values",
    "forget_subjects",
    "make_engine",
    "scrub_corpus",
    "surrogate_key",
]


def make_engine(
    config: DetectorConfig,
    engine: str = "local",
    workers: int = 1,
    language: str | None = None,
    ray_address: str | None = None,
) -> Engine:
    """The local engine, or the Ray engine (``engine="ray"``)."""
    if engine == "ray":
        from gdprgate.datasets.ray_engine import RayEngine

        return RayEngine(config, workers, language, ray_address)
    return LocalEngine(config, workers, language)


def scrub_corpus(
    db: Database,
    keyring: Keyring,
    options: ScrubOptions,
    config: DetectorConfig,
    ray_address: str | None = None,
) -> ScrubReport:
    """Scrub ``options.inputs`` with a fresh engine, closed afterwards."""
    engine = make_engine(
        config, options.engine_name, options.workers, options.language, ray_address
    )
    try:
        return Scrubber(db, keyring, options, engine).run()
    finally:
        engine.close()
