"""Group commit: each caller gets its own result, once its batch is written."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest

from gdprgate.audit.group_commit import GroupCommit


def test_waiting_callers_share_a_write_and_get_their_own_results() -> None:
    batches: list[list[int]] = []
    writing: list[int] = []
    gate = threading.Event()

    def write(items: Sequence[int]) -> list[int]:
        writing.append(len(items))
        gate.wait(timeout=30)  # the first batch holds until all have queued
        batches.append(list(items))
        return [item * 10 for item in items]

    group: GroupCommit[int, int] = GroupCommit(write)
    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(group.submit, n) for n in range(8)]
        _until_all_queued(group, writing, 8)
        gate.set()
        results = [future.result() for future in futures]
    assert results == [n * 10 for n in range(8)]
    assert sorted(n for batch in batches for n in batch) == list(range(8))
    assert len(batches) == 2  # the first batch, then everyone who waited


def _until_all_queued(group: GroupCommit[int, int], writing: list[int], n: int) -> None:
    while len(group._waiting) + sum(writing) < n:
        threading.Event().wait(0.01)


def test_a_failed_write_fails_every_caller_of_its_batch() -> None:
    def write(items: Sequence[int]) -> list[int]:
        raise OSError("disk full")

    group: GroupCommit[int, int] = GroupCommit(write)
    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(group.submit, n) for n in range(4)]
        for future in futures:
            with pytest.raises(OSError, match="disk full"):
                future.result()


def test_batches_respect_the_limit() -> None:
    sizes: list[int] = []
    gate = threading.Event()

    def write(items: Sequence[int]) -> list[int]:
        sizes.append(len(items))
        gate.wait(timeout=30)
        return list(items)

    group: GroupCommit[int, int] = GroupCommit(write, limit=3)
    with ThreadPoolExecutor(10) as pool:
        futures = [pool.submit(group.submit, n) for n in range(10)]
        _until_all_queued(group, sizes, 10)
        gate.set()
        assert sorted(f.result() for f in futures) == list(range(10))
    assert max(sizes) <= 3
    assert sum(sizes) == 10
