"""The source of the Ray engine's dataset: the batches the driver hands over.

The driver puts each batch of texts into a queue (a small Ray actor); one
read task takes them out in order and yields each as a one-row block, until
the driver marks the end. The corpus never has to be readable from the
cluster's nodes, and the driver decides how far it reads ahead.

Import this module only after :func:`gdprgate.datasets.ray_engine._import_ray`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
from ray.data import DataContext
from ray.data.block import BlockMetadata
from ray.data.datasource import Datasource, ReadTask
from ray.util.queue import Queue

# One row per driver batch.
BATCH_SCHEMA = pa.schema([("texts", pa.list_(pa.string()))])


def _read(queue: Queue) -> Iterator[pa.Table]:
    while True:
        texts = queue.get(block=True)
        if texts is None:
            return
        yield pa.table({"texts": [texts]}, schema=BATCH_SCHEMA)


class QueueSource(Datasource):
    """Batches of texts, in the order the driver puts them."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        # No CPU: the queue only holds the batches the driver reads ahead.
        self._queue = Queue(actor_options={"num_cpus": 0})

    def put(self, texts: list[str]) -> None:
        """Hand one batch to the dataset."""
        self._queue.put(texts, block=True)

    def end(self) -> None:
        """No batch follows: the dataset ends after the ones put."""
        self._queue.put(None, block=True)

    def close(self) -> None:
        """Stop the queue's actor; a read task still waiting on it fails."""
        self._queue.shutdown(force=True)

    def get_name(self) -> str:
        return "GdprgateBatches"

    def estimate_inmemory_data_size(self) -> int | None:
        return None

    def get_read_tasks(
        self,
        parallelism: int,
        per_task_row_limit: int | None = None,
        data_context: DataContext | None = None,
    ) -> list[ReadTask]:
        # One task: a single reader keeps the driver's order.
        queue = self._queue
        metadata = BlockMetadata(
            num_rows=None, size_bytes=None, exec_stats=None, input_files=None
        )
        return [ReadTask(lambda: _read(queue), metadata, schema=BATCH_SCHEMA)]
