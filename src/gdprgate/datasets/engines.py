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
from concurrent.futures import (
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from typing import Protocol

from gdprgate.datasets.detection import Detected, detect_texts, new_detector
from gdprgate.detect import Detector, DetectorConfig

IN_FLIGHT_PER_WORKER = 2
# How long close() waits for a batch in a detection thread to end.
STOP_GRACE_S = 2.0
THREAD_PREFIX = "gdprgate-scrub"


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
    """Detection in a thread of this process (``workers=1``) or a process pool.

    The driver's main thread only waits for results, so Ctrl-C and SIGTERM
    reach it at once, even while a huge record is being detected.
    """

    def __init__(
        self,
        config: DetectorConfig,
        workers: int = 1,
        language: str | None = None,
        detector: Detector | None = None,
    ) -> None:
        self._language = language
        self._workers = max(1, workers)
        self._pending: deque[Future[list[Detected]]] = deque()
        self._processes: ProcessPoolExecutor | None = None
        self._detector: Detector | None = None
        self._pool: Executor | None
        if self._workers == 1:
            self._detector = detector or new_detector(config)
            self._pool = ThreadPoolExecutor(1, thread_name_prefix=THREAD_PREFIX)
        else:
            # spawn: a fresh interpreter per worker, no threads or open
            # connections of the driver copied into it.
            self._pool = self._processes = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(config,),
            )

    def run(self, batches: Iterable[list[str]]) -> Iterator[list[Detected]]:
        assert self._pool is not None, "the engine is closed"
        pending = self._pending
        limit = self._workers * IN_FLIGHT_PER_WORKER
        for texts in batches:
            pending.append(self._submit(self._pool, texts))
            if len(pending) >= limit:
                yield pending[0].result()
                pending.popleft()
        while pending:
            yield pending[0].result()
            pending.popleft()

    def _submit(self, pool: Executor, texts: list[str]) -> Future[list[Detected]]:
        if self._detector is not None:
            return pool.submit(detect_texts, self._detector, texts, self._language)
        return pool.submit(_detect_in_worker, texts, self._language)

    def close(self) -> None:
        """Stop the workers; a run left unfinished stops its batches at once."""
        if self._pool is None:
            return
        unfinished = [future for future in self._pending if not future.done()]
        self._pending.clear()
        if unfinished and self._processes is not None:
            # Worker processes would finish their batch first: minutes for
            # a huge record. Nothing of theirs is wanted any more.
            for process in list(self._processes._processes.values()):
                process.terminate()
        elif unfinished:
            # A thread cannot be stopped: give it a moment, then leave it
            # to detection_left_running() and the command.
            self._pool.shutdown(wait=False, cancel_futures=True)
            wait(unfinished, timeout=STOP_GRACE_S)
            _LEFT_RUNNING.extend(f for f in unfinished if not f.done())
        self._pool.shutdown(wait=not _LEFT_RUNNING, cancel_futures=True)
        self._pool = None


_LEFT_RUNNING: list[Future[list[Detected]]] = []


def detection_left_running() -> bool:
    """Whether a closed engine left a detection thread at work.

    Such a thread holds the process (and its model's threads) for as long
    as its record takes: the command then ends the process at once.
    """
    return any(not future.done() for future in _LEFT_RUNNING)
