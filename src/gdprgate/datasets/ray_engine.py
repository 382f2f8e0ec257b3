"""Detection on Ray Data: an actor pool in which each actor loads the detector once.

Against ``address`` (``host:6379`` or ``auto``) the actors run on
an existing cluster, whose nodes need gdprgate with its ``ner`` and ``ray``
extras installed. Without an address a local Ray instance is started on
127.0.0.1, with no dashboard and no usage statistics, and stopped again on
``close()``.

The driver keeps reading the input: each batch of texts goes into a small
queue (a Ray actor), the dataset's source reads the queue in order, and
``map_batches`` runs :class:`DetectBatches` over a fixed pool of
``workers`` actors. One execution of that dataset serves every run of the
engine until ``close()``, so each actor builds its detector once. Results
come back in input order, and the driver never has more than two batches
per worker in flight, so memory stays flat. The
replacement of values, the vault and the subject index stay in the driver,
so the output is the same as the local engine's for the same key.
"""

from __future__ import annotations

import logging
import os
import socket
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from gdprgate.datasets.detection import Detected, detect_texts, new_detector
from gdprgate.datasets.engines import IN_FLIGHT_PER_WORKER
from gdprgate.detect import Detector, DetectorConfig
from gdprgate.detect.layer import without_lone_surrogates
from gdprgate.errors import ConfigError

if TYPE_CHECKING:
    from gdprgate.datasets.ray_source import QueueSource

LOCAL_OBJECT_STORE_BYTES = 128 * 1024 * 1024
REMOTE_ARGS_DEPRECATED = "`ray_remote_args` is deprecated"
AUTH_LOGGER = "ray._private.authentication.authentication_token_setup"
DetectorFactory = Callable[[DetectorConfig], Detector]

# One row per driver batch: the language and the spans of each of its texts.
RESULT_SCHEMA = pa.schema(
    [
        ("languages", pa.list_(pa.string())),
        ("starts", pa.list_(pa.list_(pa.int64()))),
        ("ends", pa.list_(pa.list_(pa.int64()))),
        ("entities", pa.list_(pa.list_(pa.string()))),
    ]
)


class DetectBatches:
    """The ``map_batches`` callable: one detector per actor, built here."""

    def __init__(
        self,
        config: DetectorConfig,
        language: str | None,
        factory: DetectorFactory = new_detector,
    ) -> None:
        self._detector = factory(config)
        self._language = language

    def __call__(self, batch: pa.Table) -> pa.Table:
        found = [
            detect_texts(self._detector, texts, self._language)
            for texts in batch.column("texts").to_pylist()
        ]
        return pa.table(
            {
                "languages": [[lang for lang, _ in one] for one in found],
                "starts": [[[s for s, _, _ in sp] for _, sp in one] for one in found],
                "ends": [[[e for _, e, _ in sp] for _, sp in one] for one in found],
                "entities": [[[n for _, _, n in sp] for _, sp in one] for one in found],
            },
            schema=RESULT_SCHEMA,
        )


def _decode(row: dict[str, Any]) -> list[Detected]:
    return [
        (lang, list(zip(starts, ends, entities, strict=True)))
        for lang, starts, ends, entities in zip(
            row["languages"], row["starts"], row["ends"], row["entities"], strict=True
        )
    ]


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
        import ray.data
    except ImportError as exc:
        msg = "--engine ray needs `pip install 'gdprgate[ray]'`"
        raise ConfigError(msg) from exc
    finally:
        logging.setLogRecordFactory(factory)
    _quiet_ray_data()
    return ray


def _drop_auth_notice(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("Token authentication is enabled")


def _quiet_ray_data() -> None:
    """Only Ray Data's errors reach stderr; its file log is left as it is.

    The scrubber draws its own progress line and report there.
    """
    # A corpus of fewer batches than actors leaves some idle: no harm done.
    warnings.filterwarnings(
        "ignore",
        message="The minimum number of concurrent actors",
        category=UserWarning,
        module="ray\\.data",
    )
    # Ray's notice that a new local instance uses token authentication.
    logging.getLogger(AUTH_LOGGER).addFilter(_drop_auth_notice)
    for handler in logging.getLogger("ray.data").handlers:
        if type(handler) is not logging.FileHandler and isinstance(
            handler, logging.StreamHandler
        ):
            handler.setLevel(logging.ERROR)


def _check_reachable(address: str) -> None:
    """Fail at once on a head that does not answer; Ray would retry for minutes."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        # "auto", or a form Ray itself will judge.
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
    except OSError as exc:
        msg = f"cannot reach Ray at {address}: check --ray-address and the cluster"
        raise ConfigError(msg) from exc


def _rows(dataset: Any) -> Generator[dict[str, Any], None, None]:
    # No prefetching: it holds each result back until the next one is there,
    # and the last batch of a run has no next one until the following run.
    tables = dataset.iter_batches(
        batch_size=None, batch_format="pyarrow", prefetch_batches=0
    )
    for table in tables:
        yield from table.to_pylist()


@dataclass
class _Pipeline:
    """One execution of the dataset: batches go into ``source``, rows come out.

    It lasts from the engine's first run to its close, so that the actors,
    and their detectors, serve every run.
    """

    source: QueueSource
    rows: Generator[dict[str, Any], None, None]

    def close(self) -> None:
        try:
            self.source.end()
        finally:
            # Closing the iterator stops the execution and its actors.
            self.rows.close()
            self.source.close()


class RayEngine:
    """Detection with Ray Data on a pool of actors, results in input order."""

    def __init__(
        self,
        config: DetectorConfig,
        workers: int = 2,
        language: str | None = None,
        address: str | None = None,
        factory: DetectorFactory = new_detector,
    ) -> None:
        if address is not None:
            _check_reachable(address)
        ray = self._ray = _import_ray(local=address is None)
        self._config = config
        self._language = language
        self._factory = factory
        self._workers = max(1, workers)
        self._started = False
        self._pipeline: _Pipeline | None = None
        if not ray.is_initialized():
            self._init(ray, address)
            self._started = True

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

    def dataset(self, source: QueueSource) -> Any:
        """The Ray Data pipeline: the queue's batches through the actor pool."""
        ray = self._ray
        # The reader only waits on the queue: it takes no CPU from the pool.
        texts = ray.data.read_datasource(source, num_cpus=0, override_num_blocks=1)
        # The settings of this dataset only, not of the process's other ones.
        context = texts.context
        context.execution_options.preserve_order = True
        # The reader hands each batch on as soon as it has it, rather than
        # gathering batches into blocks of the default 128 MiB.
        context.target_max_block_size = 1
        context.enable_progress_bars = False
        context.enable_operator_progress_bars = False
        context.print_on_execution_start = False
        context.enable_auto_log_stats = False
        # The dataset waits for the driver between runs, as long as it must.
        context.execution_no_progress_timeout_s = -1
        with warnings.catch_warnings():
            # max_restarts has no named parameter in this Ray, only the
            # deprecated **ray_remote_args: that one warning is expected.
            warnings.filterwarnings(
                "ignore", message=REMOTE_ARGS_DEPRECATED, category=DeprecationWarning
            )
            return texts.map_batches(
                DetectBatches,
                fn_constructor_args=(self._config, self._language, self._factory),
                compute=ray.data.ActorPoolStrategy(size=self._workers),
                num_cpus=1,
                batch_size=1,
                batch_format="pyarrow",
                zero_copy_batch=True,
                udf_modifying_row_count=False,
                # Ray Data hands its actors their context and transform by
                # reference (the object store); with restarts allowed, Ray
                # logs an error for that on every run. A run whose actor
                # dies fails and is cleaned up; a restart would not help.
                max_restarts=0,
            )

    def run(self, batches: Iterable[list[str]]) -> Iterator[list[Detected]]:
        pipeline = self._pipeline or self._start()
        limit = self._workers * IN_FLIGHT_PER_WORKER
        feed = iter(batches)
        sent = received = 0
        ended = False
        try:
            while True:
                # Read ahead no further than the limit: memory stays flat.
                while not ended and sent - received < limit:
                    texts = next(feed, None)
                    if texts is None:
                        ended = True
                    else:
                        # Arrow holds valid Unicode only: a lone surrogate
                        # (from broken JSON) becomes U+FFFD, same offsets.
                        pipeline.source.put(
                            [without_lone_surrogates(text) for text in texts]
                        )
                        sent += 1
                if received == sent:
                    return
                yield _decode(next(pipeline.rows))
                received += 1
        finally:
            if received < sent:
                # Results still on their way would come out of the next run.
                self._stop()

    def _start(self) -> _Pipeline:
        from gdprgate.datasets.ray_source import QueueSource

        source = QueueSource()
        self._pipeline = _Pipeline(source, _rows(self.dataset(source)))
        return self._pipeline

    def _stop(self) -> None:
        if self._pipeline is not None:
            self._pipeline.close()
            self._pipeline = None

    def close(self) -> None:
        self._stop()
        if self._started:
            self._ray.shutdown()
            self._started = False
