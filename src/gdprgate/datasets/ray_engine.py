"""Detection on Ray: one actor per worker, each loading the detector once.

Against ``address`` (``ray://host:10001`` or ``host:6379``) the actors run on
an existing cluster, whose nodes need gdprgate with its ``ner`` extra
installed. Without an address a local Ray instance is started on 127.0.0.1,
with no dashboard and no usage statistics, and stopped again on ``close()``.

The driver reads the input and sends batches of texts to the actors, at most
two per actor at a time, and takes the results back in input order; the
replacement of values, the vault and the subject index stay in the driver.
So the output is the same as the local engine's for the same key.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from gdprgate.datasets.detection import Detected, detect_texts, new_detector
from gdprgate.datasets.engines import IN_FLIGHT_PER_WORKER
from gdprgate.detect import DetectorConfig
from gdprgate.errors import ConfigError

LOCAL_OBJECT_STORE_BYTES = 128 * 1024 * 1024


class _DetectActor:
    """Holds one detector for the life of the actor."""

    def __init__(self, config: DetectorConfig) -> None:
        self._detector = new_detector(config)

    def detect(self, texts: list[str], language: str | None) -> list[Detected]:
        return detect_texts(self._detector, texts, language)


def _import_ray(local: bool) -> Any:
    # Set before Ray starts, so that no usage report is ever sent.
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    if local:
        # A single-node instance: every Ray process binds to 127.0.0.1 and
        # none looks for a routable address (read when ray is imported).
        os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
    # Importing ray replaces the process's log record factory (it adds a
    # field to every record); gdprgate's log lines keep their own fields.
    factory = logging.getLogRecordFactory()
    try:
        import ray
    except ImportError as exc:
        msg = "--engine ray needs `pip install 'gdprgate[ray]'`"
        raise ConfigError(msg) from exc
    finally:
        logging.setLogRecordFactory(factory)
    return ray


class RayEngine:
    """Detection on Ray actors, results in input order."""

    def __init__(
        self,
        config: DetectorConfig,
        workers: int = 2,
        language: str | None = None,
        address: str | None = None,
    ) -> None:
        ray = self._ray = _import_ray(local=address is None)
        self._language = language
        self._workers = max(1, workers)
        self._started = False
        if not ray.is_initialized():
            self._init(ray, address)
            self._started = True
        actor = ray.remote(num_cpus=1)(_DetectActor)
        self._actors = [actor.remote(config) for _ in range(self._workers)]

    def _init(self, ray: Any, address: str | None) -> None:
        options: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "configure_logging": False,
        }
        if address is None:
            options |= {
                "num_cpus": self._workers,
                "object_store_memory": LOCAL_OBJECT_STORE_BYTES,
                "_node_ip_address": "127.0.0.1",
            }
        else:
            options["address"] = address
        try:
            ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            msg = "cannot start or reach Ray: check --ray-address and the cluster"
            raise ConfigError(msg) from exc

    def run(self, batches: Iterable[list[str]]) -> Iterator[list[Detected]]:
        pending: deque[Any] = deque()
        limit = self._workers * IN_FLIGHT_PER_WORKER
        for number, texts in enumerate(batches):
            actor = self._actors[number % self._workers]
            pending.append(actor.detect.remote(texts, self._language))
            if len(pending) >= limit:
                yield self._ray.get(pending.popleft())
        while pending:
            yield self._ray.get(pending.popleft())

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started:
            self._ray.shutdown()
            self._started = False
