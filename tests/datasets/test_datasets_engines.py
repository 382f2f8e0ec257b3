"""The process pool and Ray give the same output as one local worker.

Ray runs as a real local instance on 127.0.0.1 (two CPUs, small object
store, no dashboard, no usage statistics) and is shut down afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from gdprgate.datasets import Engine, LocalEngine, Scrubber, ScrubOptions, make_engine
from gdprgate.datasets.detection import detect_texts
from gdprgate.detect import Detector
from gdprgate.store import Database
from gdprgate.vault import Keyring
from tests.datasets.conftest import PATTERNS, read_jsonl, write_jsonl
from tests.support.canary import EMAIL, EMAIL_2, IBAN, PHONE


def _corpus(tmp_path: Path) -> Path:
    values = [EMAIL, PHONE, IBAN, EMAIL_2]
    records = [
        {"id": n, "text": f"Record {n}: contact {values[n % 4]} please."}
        for n in range(40)
    ]
    records[7] = {"id": 7, "text": None}
    return write_jsonl(tmp_path / "corpus.jsonl", records)


def _scrub(
    store: tuple[Database, Keyring],
    corpus: Path,
    out: Path,
    engine: Engine,
    workers: int,
) -> None:
    db, keyring = store
    options = ScrubOptions(inputs=[corpus], output=out, batch_size=8, workers=workers)
    try:
        Scrubber(db, keyring, options, engine).run()
    finally:
        engine.close()


def test_process_pool_output_equals_single_worker(
    store: tuple[Database, Keyring], tmp_path: Path, data_dir: Path
) -> None:
    corpus = _corpus(tmp_path)
    _scrub(store, corpus, data_dir / "one.jsonl", make_engine(PATTERNS), 1)
    _scrub(store, corpus, data_dir / "two.jsonl", make_engine(PATTERNS, "local", 2), 2)
    assert (data_dir / "one.jsonl").read_bytes() == (
        data_dir / "two.jsonl"
    ).read_bytes()
    assert [r["id"] for r in read_jsonl(data_dir / "two.jsonl")] == list(range(40))


def test_ray_output_equals_local_output_and_ray_listens_on_loopback(
    store: tuple[Database, Keyring], tmp_path: Path, data_dir: Path
) -> None:
    corpus = _corpus(tmp_path)
    _scrub(store, corpus, data_dir / "local.jsonl", make_engine(PATTERNS), 1)

    engine = make_engine(PATTERNS, "ray", 2)
    try:
        addresses = _listening_addresses()
        _scrub(store, corpus, data_dir / "ray.jsonl", engine, 2)
    finally:
        engine.close()

    import ray

    assert not ray.is_initialized()
    record = logging.getLogger("gdprgate.test").makeRecord(
        "gdprgate.test", logging.INFO, __file__, 1, "message", (), None
    )
    assert not any(name.startswith("_ray") for name in vars(record))
    assert addresses
    assert addresses <= {"127.0.0.1", "::ffff:127.0.0.1", "::1"}
    local = (data_dir / "local.jsonl").read_bytes()
    assert local == (data_dir / "ray.jsonl").read_bytes()
    assert EMAIL.encode() not in local


def _listening_addresses() -> set[str]:
    """The addresses this process and its children (Ray's) listen on."""
    import psutil

    me = psutil.Process()
    pids = {me.pid} | {child.pid for child in me.children(recursive=True)}
    return {
        conn.laddr.ip
        for conn in psutil.net_connections("tcp")
        if conn.status == psutil.CONN_LISTEN and conn.pid in pids
    }


def test_pool_keeps_at_most_two_batches_per_worker_in_flight() -> None:
    """Memory stays flat: the engine reads only a few batches ahead."""
    consumed = 0

    def batches() -> Iterator[list[str]]:
        nonlocal consumed
        for number in range(30):
            consumed += 1
            yield [f"text {number}"]

    engine = LocalEngine(PATTERNS, workers=2)
    ahead = []
    try:
        for produced, _ in enumerate(engine.run(batches()), 1):
            ahead.append(consumed - produced)
    finally:
        engine.close()
    assert len(ahead) == 30
    assert max(ahead) <= 2 * 2


def test_detect_texts_guesses_once_and_keeps_order(patterns_detector: Detector) -> None:
    """Texts of several languages, grouped per language for the detector,
    come back in input order with the detector's own findings and the
    language it would have guessed."""
    texts = [
        f"Please write to {EMAIL}, thank you.",
        f"Bitte schreiben Sie an {EMAIL_2}, danke.",
        "",
        f"Merci de m'écrire à {EMAIL} pour la facture.",
        f"IBAN {IBAN} for the refund, please.",
    ]
    detected = detect_texts(patterns_detector, texts, None)
    assert [lang for lang, _ in detected] == ["en", "de", "en", "fr", "en"]
    for text, (_, spans) in zip(texts, detected, strict=True):
        expected = [(f.start, f.end, f.entity) for f in patterns_detector.analyze(text)]
        assert spans == expected
    assert [entity for _, spans in detected for *_, entity in spans] == [
        "EMAIL_ADDRESS", "EMAIL_ADDRESS", "EMAIL_ADDRESS", "IBAN_CODE",
    ]  # fmt: skip
