"""What other parts register for the record: rights requests, deletion hooks,
scrubbed data sets and stored payloads.

The record reads them through :class:`Registers`. Parts that do not exist
yet are answered by :class:`NothingRegistered`, and the record says "none
registered" (or lists what the policy declares) for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class RightsSummary:
    """Counts of data-subject requests, for the record and the evidence."""

    received: int = 0
    open: int = 0
    overdue: int = 0
    closed: int = 0


@dataclass(frozen=True)
class Dataset:
    """A training data set scrubbed by ``gdprgate scrub``."""

    name: str
    purpose: str | None
    records: int
    entity_counts: dict[str, int]


class Registers(Protocol):
    """The registers the record reads; each may be empty."""

    def deletion_hooks(self) -> list[str]:
        """Names of the hooks called on erasure."""
        ...

    def datasets(self) -> list[Dataset]:
        """Data sets scrubbed, with their subject index."""
        ...

    def stored_payloads(self) -> bool:
        """Whether request or answer payloads are stored."""
        ...

    def rights(self) -> RightsSummary | None:
        """The rights-request register, or ``None`` when there is none."""
        ...


class NothingRegistered:
    """The registers before the rights, retention and dataset parts exist."""

    def deletion_hooks(self) -> list[str]:
        return []

    def datasets(self) -> list[Dataset]:
        return []

    def stored_payloads(self) -> bool:
        return False

    def rights(self) -> RightsSummary | None:
        return None
