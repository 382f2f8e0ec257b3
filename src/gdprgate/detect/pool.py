"""Detection on every core: a pool of processes, each with its own detector.

One detector keeps one core busy: its model layers run a text at a time
(see :mod:`gdprgate.detect.rampart`), and Python holds the rest of its work
to one thread. :class:`DetectorPool` starts ``workers`` processes, builds a
detector in each once, and splits a batch of texts into chunks that the
workers analyse side by side. Findings come back in input order and are the
same as one detector's for the same configuration: each text is analysed
whole, by one worker, independently of its neighbours.

With ``workers=1`` the pool is a plain detector in this process. Workers are
started with ``spawn`` (a fresh interpreter: no threads, locks or open
connections of the caller are copied), so a script that builds a pool needs
the usual ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from gdprgate.detect.detector import Detector, DetectorConfig, build_detector
from gdprgate.detect.finding import Finding
from gdprgate.errors import ConfigError, DetectionError, GdprgateError

# Texts per task: large enough that sending them costs little next to
# analysing them, small enough that the workers finish close together.
CHUNK_TEXTS = 16
MAX_WORKERS = 64

_WORKER_DETECTOR: Detector | None = None
# Why the worker could not build its detector; raised for every task.
_WORKER_ERROR: GdprgateError | None = None


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(config: DetectorConfig) -> None:
    global _WORKER_DETECTOR, _WORKER_ERROR
    try:
        detector = build_detector(config)
        detector.warm_up()
    except GdprgateError as exc:
        # Kept for the first task: an error raised here would only break
        # the pool, and the caller would never learn why.
        _WORKER_ERROR = exc
        return
    _WORKER_DETECTOR = detector


def _analyze_in_worker(
    texts: list[str], language: str | None, scope: str = ""
) -> list[list[Finding]]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    assert _WORKER_DETECTOR is not None, "the worker was not started"
    return _WORKER_DETECTOR.analyze_batch(texts, language, scope)


class DetectorPool:
    """Findings for batches of texts, analysed by ``workers`` processes.

    Use it as a context manager, or call :meth:`close`. The detectors of the
    workers are built and their models loaded when the pool starts.
    """

    def __init__(
        self,
        config: DetectorConfig | None = None,
        workers: int | None = None,
        chunk: int = CHUNK_TEXTS,
    ) -> None:
        config = config or DetectorConfig()
        workers = default_workers() if workers is None else workers
        if not 1 <= workers <= MAX_WORKERS:
            msg = f"workers must be within [1, {MAX_WORKERS}], got {workers}"
            raise ConfigError(msg)
        if chunk < 1:
            msg = f"chunk must be 1 or more, got {chunk}"
            raise ConfigError(msg)
        self.workers = workers
        self._chunk = chunk
        self._detector: Detector | None = None
        self._pool: ProcessPoolExecutor | None = None
        if workers == 1:
            self._detector = build_detector(config)
            self._detector.warm_up()
            return
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(config,),
        )
        # Start every worker now, so that model loading is not counted
        # against the first batch and a broken install fails here.
        try:
            self._map([[""]] * workers, None)
        except GdprgateError:
            self.close()
            raise

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None, scope: str = ""
    ) -> list[list[Finding]]:
        """Findings for each text, in order (see :meth:`Detector.analyze`).

        Every chunk of ``texts`` is queued at once: the texts are in memory
        already. Any failure raises :class:`DetectionError` (or the error
        that kept a worker from starting, such as ``ModelUnavailable``).
        """
        if self._detector is not None:
            return self._detector.analyze_batch(texts, language, scope)
        chunks = [
            list(texts[first : first + self._chunk])
            for first in range(0, len(texts), self._chunk)
        ]
        return [found for part in self._map(chunks, language, scope) for found in part]

    def analyze_one(self, text: str, language: str | None = None) -> list[Finding]:
        """Findings in one text (see :meth:`Detector.analyze`)."""
        return self.analyze_batch([text], language)[0]

    def _map(
        self, chunks: list[list[str]], language: str | None, scope: str = ""
    ) -> list[list[list[Finding]]]:
        if self._pool is None:
            msg = "the detector pool is closed"
            raise DetectionError(msg)
        futures: list[Future[list[list[Finding]]]] = []
        try:
            futures = [
                self._pool.submit(_analyze_in_worker, chunk, language, scope)
                for chunk in chunks
            ]
            return [future.result() for future in futures]
        except GdprgateError:
            raise
        except BrokenProcessPool as exc:
            msg = "a detection worker process died"
            raise DetectionError(msg) from exc
        except Exception as exc:
            # No text in the message: the worker's error may quote one.
            msg = f"a detection worker failed ({type(exc).__name__})"
            raise DetectionError(msg) from None
        finally:
            for future in futures:
                future.cancel()

    def close(self) -> None:
        """Stop the workers; safe to call more than once."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._detector = None

    def __enter__(self) -> DetectorPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
