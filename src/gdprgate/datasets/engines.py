"""Engines run the detection of batches, in order, with bounded memory.

:class:`LocalEngine` runs it in this process (one worker) or in a pool of
processes; the Ray engine lives in :mod:`gdprgate.datasets.ray_engine`. Both
keep at most two batches per worker in flight and hand results back in the
order the batches came in, so the output does not depend on the engine.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Protocol

from gdprgate.datasets.detection import Detected, detect_texts, new_detector
from gdprgate.detect import Detector, DetectorConfig

IN_FLIGHT_PER_WORKER = 2


class Engine(Protocol):
    """Turns batches of texts into detections, in order."""

    def run(self, batches: Iterable[list[str]]) -> Iterator[list[Detected]]:
        """The detections of each batch, in the order of ``batches``."""
        ...

    def close(self) -> None:
        """Stop the workers; safe to call more than once."""
        ...


_WORKER_DETECTOR: Detector | None = None


def _start_worker(config: DetectorConfig) -> None:
    global _WORKER_DETECTOR
    _WORKER_DETECTOR = new_detector(config)


def _detect_in_worker(texts: list[str], language: str | None) -> list[Detected]:
    assert _WORKER_DETECTOR is not None, "the worker was not started"
    return detect_texts(_WORKER_DETECTOR, texts, language)


class LocalEngine:
    """Detection in this process (``workers=1``) or a process pool."""

    def __init__(
        self,
        config: DetectorConfig,
        workers: int = 1,
        language: str | None = None,
        detector: Detector | None = None,
    ) -> None:
        self._language = language
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._detector: Detector | None = None
        if workers <= 1:
            self._detector = detector or new_detector(config)
        else:
            # spawn: a fresh interpreter per worker, no threads or open
            # connections of the driver copied into it.
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(config,),
            )

    def run(self, batches: Iterable[list[str]]) -> Iterator[list[Detected]]:
        if self._pool is None:
            assert self._detector is not None
            for texts in batches:
                yield detect_texts(self._detector, texts, self._language)
            return
        pending: deque[Future[list[Detected]]] = deque()
        limit = self._workers * IN_FLIGHT_PER_WORKER
        for texts in batches:
            pending.append(self._pool.submit(_detect_in_worker, texts, self._language))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
