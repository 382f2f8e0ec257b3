"""The Ray engine runs on Ray Data: an actor pool, one detector per actor.

Every test here shares one local Ray instance (127.0.0.1, two CPUs), started
by the first engine and stopped when the module ends: starting Ray costs
seconds.
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from gdprgate.cli import main
from gdprgate.datasets.detection import detect_texts, new_detector
from gdprgate.datasets.ray_engine import RayEngine
from gdprgate.detect import Detector, DetectorConfig
from tests.datasets.conftest import PATTERNS, write_jsonl
from tests.support.canary import EMAIL, EMAIL_2, IBAN, PHONE


@pytest.fixture(scope="module")
def ray_instance() -> Iterator[RayEngine]:
    """The engine that started the module's Ray instance; closing it stops Ray."""
    owner = RayEngine(PATTERNS, workers=2)
    yield owner
    owner.close()


def _marking_detector(folder: Path, config: DetectorConfig) -> Detector:
    """A detector that leaves one file per construction, named by process."""
    (folder / f"{os.getpid()}-{uuid.uuid4().hex}").touch()
    return new_detector(config)


def test_plan_maps_batches_on_a_fixed_pool_of_actors(
    ray_instance: RayEngine, capsys: pytest.CaptureFixture[str]
) -> None:
    from gdprgate.datasets.ray_source import QueueSource

    engine = RayEngine(PATTERNS, workers=2)
    source = QueueSource()
    try:
        dataset = engine.dataset(source)
        dataset.explain()
        compute = dataset._logical_plan.dag.compute
    finally:
        source.close()
        engine.close()
    plan = capsys.readouterr().out
    physical = plan.split("Physical Plan (Optimized)")[1]
    assert "ActorPoolMapOperator[MapBatches(DetectBatches)]" in physical
    assert "TaskPoolMapOperator[ReadGdprgateBatches]" in physical
    assert (compute.min_size, compute.max_size) == (2, 2)
    assert dataset.context.execution_options.preserve_order


def test_detector_is_built_once_per_actor_not_per_batch_or_run(
    ray_instance: RayEngine, tmp_path: Path
) -> None:
    factory = functools.partial(_marking_detector, tmp_path)
    engine = RayEngine(PATTERNS, workers=2, factory=factory)
    batches = [[f"batch {n} mail {EMAIL}"] for n in range(30)]
    try:
        results = list(engine.run(iter(batches)))
        results += list(engine.run(iter(batches[:5])))
    finally:
        engine.close()
    assert len(results) == 35
    assert all(spans for [(_, spans)] in results)
    markers = [path.name.split("-")[0] for path in tmp_path.iterdir()]
    assert len(markers) == 2
    assert len(set(markers)) == 2
    assert str(os.getpid()) not in markers


def test_results_keep_input_order_over_many_small_batches(
    ray_instance: RayEngine, patterns_detector: Detector
) -> None:
    """Each span's offset differs per batch, so any reordering shows."""
    values = [EMAIL, PHONE, IBAN, EMAIL_2]
    batches = [[f"{'x ' * n}contact {values[n % 4]}", f"note {n}"] for n in range(120)]
    consumed = 0

    def feed() -> Iterator[list[str]]:
        nonlocal consumed
        for texts in batches:
            consumed += 1
            yield texts

    engine = RayEngine(PATTERNS, workers=2)
    ahead = []
    results = []
    try:
        for produced, detected in enumerate(engine.run(feed()), 1):
            ahead.append(consumed - produced)
            results.append(detected)
    finally:
        engine.close()
    expected = [detect_texts(patterns_detector, texts, None) for texts in batches]
    assert results == expected
    assert max(ahead) <= 2 * 2


def test_run_stopped_early_leaves_nothing_for_the_next_run(
    ray_instance: RayEngine, patterns_detector: Detector
) -> None:
    first = [[f"{'x ' * n}mail {EMAIL}"] for n in range(20)]
    second = [[f"{'y ' * n}call {PHONE}"] for n in range(6)]
    engine = RayEngine(PATTERNS, workers=2)
    try:
        results = engine.run(iter(first))
        [next(results) for _ in range(3)]
        results.close()
        after = list(engine.run(iter(second)))
    finally:
        engine.close()
    assert after == [detect_texts(patterns_detector, t, None) for t in second]


def test_empty_input_gives_no_batches(ray_instance: RayEngine) -> None:
    engine = RayEngine(PATTERNS, workers=2)
    try:
        assert list(engine.run(iter([]))) == []
        [[(_, spans)]] = list(engine.run(iter([[f"mail {EMAIL}"]])))
    finally:
        engine.close()
    assert [entity for _, _, entity in spans] == ["EMAIL_ADDRESS"]


def test_scrub_command_on_ray_writes_what_the_local_engine_writes(
    ray_instance: RayEngine, tmp_path: Path, data_dir: Path
) -> None:
    values = [EMAIL, PHONE, IBAN, EMAIL_2]
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [{"id": n, "text": f"Record {n}: {values[n % 4]}"} for n in range(50)],
    )
    runner = CliRunner(
        env={
            "GDPRGATE_DATA_DIR": str(data_dir / "store"),
            "GDPRGATE_DETECT_RAMPART": "false",
            "GDPRGATE_DETECT_SPACY": "false",
        }
    )
    outputs = {}
    for engine, workers in (("local", "1"), ("ray", "2")):
        out = data_dir / f"{engine}.jsonl"
        result = runner.invoke(
            main,
            [
                "scrub",
                str(source),
                "-o",
                str(out),
                "--engine",
                engine,
                "--workers",
                workers,
                "--batch-size",
                "4",
                "--json",
            ],
        )
        assert result.exit_code == 0, result.output
        outputs[engine] = out.read_bytes()
    assert outputs["ray"] == outputs["local"]
    assert EMAIL.encode() not in outputs["ray"]


def test_a_lone_surrogate_does_not_stop_a_ray_run(
    ray_instance: RayEngine, patterns_detector: Detector
) -> None:
    """Broken JSON can hold a lone surrogate, which Arrow cannot carry."""
    batches = [[f"broken \ud800 text, mail {EMAIL}"]]
    engine = RayEngine(PATTERNS, workers=2)
    try:
        results = list(engine.run(iter(batches)))
    finally:
        engine.close()
    assert results == [detect_texts(patterns_detector, batches[0], None)]
    [[(_, spans)]] = results
    assert [entity for _, _, entity in spans] == ["EMAIL_ADDRESS"]
