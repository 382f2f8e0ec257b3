"""``DetectorPool``: detection in worker processes, same findings, in order."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator

import pytest

from gdprgate.detect import (
    Detector,
    DetectorConfig,
    DetectorPool,
    Finding,
    build_detector,
)
from gdprgate.errors import ConfigError, DetectionError, ModelUnavailable

# Patterns and a deny-list: no model to load, so workers start quickly.
CONFIG = DetectorConfig(
    rampart=False,
    spacy=False,
    cache_size=0,
    deny_list=(("PERSON", "Wilhelmina Quast"),),
)

TEXTS = [
    f"Ticket {n}: write to user{n}@example.org or call +49 30 {1200000 + n}."
    if n % 3 == 0
    else f"Note {n}: Wilhelmina Quast paid with IBAN DE89 3704 0044 0532 0130 00."
    if n % 3 == 1
    else f"Nothing personal in line {n}."
    for n in range(50)
]


@pytest.fixture(scope="module")
def pool() -> Iterator[DetectorPool]:
    with DetectorPool(CONFIG, workers=2, chunk=3) as started:
        yield started


def test_pool_finds_what_one_detector_finds_in_input_order(
    pool: DetectorPool,
) -> None:
    expected = build_detector(CONFIG).analyze_batch(TEXTS, "en")
    found = pool.analyze_batch(TEXTS, "en")
    assert found == expected
    # The texts differ, so a swapped pair of chunks would show.
    assert {f.entity for f in found[1]} == {"PERSON", "IBAN_CODE"}
    assert {f.entity for f in found[3]} >= {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    assert found[2] == []


def test_pool_analyses_in_more_than_one_process(pool: DetectorPool) -> None:
    assert pool.workers == 2
    workers = multiprocessing.active_children()
    assert len(workers) >= 2
    assert all(worker.pid != os.getpid() for worker in workers)


def test_pool_of_one_runs_in_this_process() -> None:
    before = len(multiprocessing.active_children())
    with DetectorPool(CONFIG, workers=1) as single:
        assert single.analyze_one("mail hans.muster@example.com", "de")[0].entity == (
            "EMAIL_ADDRESS"
        )
        assert len(multiprocessing.active_children()) == before


def test_pool_empty_batch_and_empty_texts() -> None:
    with DetectorPool(CONFIG, workers=1) as single:
        assert single.analyze_batch([], "en") == []
        assert single.analyze_batch(["", ""], "en") == [[], []]


@pytest.mark.parametrize("workers", [0, -1, 65])
def test_pool_refuses_a_worker_count_out_of_range(workers: int) -> None:
    with pytest.raises(ConfigError, match="workers must be within"):
        DetectorPool(CONFIG, workers=workers)


def test_pool_refuses_a_chunk_below_one() -> None:
    with pytest.raises(ConfigError, match="chunk must be 1 or more"):
        DetectorPool(CONFIG, workers=1, chunk=0)


def test_closed_pool_fails_closed() -> None:
    single = DetectorPool(CONFIG, workers=1)
    single.close()
    single.close()  # twice is fine
    with pytest.raises(DetectionError, match="closed"):
        single.analyze_batch(["mail hans.muster@example.com"])


def test_closed_pool_of_workers_fails_closed() -> None:
    before = {p.pid for p in multiprocessing.active_children()}
    started = DetectorPool(CONFIG, workers=2)
    assert started.analyze_batch(TEXTS[:2], "en")[1]
    started.close()
    started.close()
    assert {p.pid for p in multiprocessing.active_children()} <= before
    with pytest.raises(DetectionError, match="closed"):
        started.analyze_batch(TEXTS, "en")


def test_a_worker_that_cannot_load_its_models_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worker keeps the error of its start and raises it for each task
    (tested in this process: a spawned worker cannot be monkeypatched)."""
    import gdprgate.detect.pool as pool_module

    def broken(config: DetectorConfig) -> Detector:
        raise ModelUnavailable("the Rampart model files cannot be loaded: hint")

    monkeypatch.setattr(pool_module, "build_detector", broken)
    monkeypatch.setattr(pool_module, "_WORKER_DETECTOR", None)
    monkeypatch.setattr(pool_module, "_WORKER_ERROR", None)
    pool_module._start_worker(CONFIG)
    with pytest.raises(ModelUnavailable, match="cannot be loaded: hint"):
        pool_module._analyze_in_worker(["text"], "en")


def test_a_pool_that_fails_to_start_stops_its_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(
        self: DetectorPool, chunks: list[list[str]], language: str | None
    ) -> list[list[list[Finding]]]:
        raise ModelUnavailable("no model here")

    monkeypatch.setattr(DetectorPool, "_map", refuse)
    before = {p.pid for p in multiprocessing.active_children()}
    with pytest.raises(ModelUnavailable, match="no model here"):
        DetectorPool(CONFIG, workers=2)
    assert {p.pid for p in multiprocessing.active_children()} <= before


def test_a_worker_error_becomes_detection_error_without_text(
    pool: DetectorPool,
) -> None:
    with pytest.raises(DetectionError, match="worker failed") as caught:
        pool.analyze_batch([None, "Wilhelmina Quast"], "en")  # type: ignore[list-item]
    assert "Quast" not in str(caught.value)
    # The pool still works afterwards.
    assert pool.analyze_batch(["Wilhelmina Quast"], "en")[0][0].entity == "PERSON"


def test_pool_whose_worker_dies_raises_detection_error() -> None:
    before = {p.pid for p in multiprocessing.active_children()}
    broken = DetectorPool(CONFIG, workers=2)
    try:
        mine = [p for p in multiprocessing.active_children() if p.pid not in before]
        assert mine, "the pool started no worker process"
        assert mine[0].pid is not None
        os.kill(mine[0].pid, signal.SIGKILL)
        mine[0].join(timeout=10)
        with pytest.raises(DetectionError, match="worker process died"):
            broken.analyze_batch(TEXTS, "en")
    finally:
        broken.close()


def test_pool_serves_as_the_gateways_analyzer(pool: DetectorPool) -> None:
    from gdprgate.protect.output import Analyzer

    analyzer: Analyzer = pool  # the protocol the gateway and output check use
    [found] = analyzer.analyze_batch([TEXTS[1]], scope="acme")
    assert [f.entity for f in found] == ["PERSON", "IBAN_CODE"]
