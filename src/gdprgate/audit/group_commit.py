"""Group commit: many threads' writes in one transaction, each caller still
returning only once its own write is committed.

The first caller that finds no write in progress becomes the leader: it
takes every waiting item, writes them in one go and wakes the others. Items
that arrive meanwhile wait for the next leader. Under load a transaction
(one lock, one disk flush) carries many audit entries; a lone caller pays
nothing extra.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass
class _Ticket(Generic[Item, Result]):
    item: Item
    done: bool = False
    result: Result | None = None
    error: BaseException | None = None


class GroupCommit(Generic[Item, Result]):
    """Runs ``write`` over batches of submitted items, up to ``limit`` each.

    ``write`` gets the items in submission order and returns one result per
    item; if it raises, every caller of that batch gets the exception.
    """

    def __init__(
        self, write: Callable[[Sequence[Item]], Sequence[Result]], limit: int = 256
    ) -> None:
        self._write = write
        self._limit = limit
        self._ready = threading.Condition()
        self._waiting: list[_Ticket[Item, Result]] = []
        self._busy = False

    def submit(self, item: Item) -> Result:
        """Write ``item`` (with whatever else is waiting); return its result."""
        ticket: _Ticket[Item, Result] = _Ticket(item)
        with self._ready:
            self._waiting.append(ticket)
        # A leader writes the oldest waiting items first, so it may lead
        # more than one batch before its own item is written.
        while batch := self._wait_or_lead(ticket):
            self._lead(batch)
        if ticket.error is not None:
            raise ticket.error
        return cast(Result, ticket.result)

    def _wait_or_lead(
        self, ticket: _Ticket[Item, Result]
    ) -> list[_Ticket[Item, Result]]:
        """The next batch to write, or ``[]`` once ``ticket`` is written."""
        with self._ready:
            while not ticket.done:
                if not self._busy:
                    self._busy = True
                    batch = self._waiting[: self._limit]
                    del self._waiting[: self._limit]
                    return batch
                self._ready.wait()
        return []

    def _lead(self, batch: list[_Ticket[Item, Result]]) -> None:
        try:
            results = self._write([ticket.item for ticket in batch])
            for ticket, result in zip(batch, results, strict=True):
                ticket.result = result
        except BaseException as exc:
            for ticket in batch:
                ticket.error = exc
        finally:
            with self._ready:
                for ticket in batch:
                    ticket.done = True
                self._busy = False
                self._ready.notify_all()
