"""What the rights part needs from parts built elsewhere, and offers to them.

* :class:`PayloadStore`: stored request and answer payloads (kept per
  purpose with ``store_payloads``). Access lists them; erasure deletes them,
  and shreds the key of any copy that cannot be deleted in place.
* :class:`DatasetIndex`: the subject index of scrubbed training data sets,
  asked "which data sets contain this person". Erasure and access report
  the data sets named.

Until those parts are wired in, :class:`NoPayloads` and :class:`NoDatasets`
answer that nothing is stored.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class PersonKeys:
    """How a person is known to other stores, without a value in clear.

    ``tokens``: vault tokens of the person's values; ``blind_indexes``: the
    keyed hashes of those values (vault blind index, tenant-keyed);
    ``request_ids``: requests sent with the person's subject id;
    ``written_forms``: the keyed hashes of the other written forms of the
    values the request named (see
    :attr:`gdprgate.rights.subjects.Identifier.written_forms`), for data
    sets only.
    """

    tenant: str
    tokens: frozenset[str]
    blind_indexes: frozenset[str]
    request_ids: frozenset[str]
    written_forms: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DatasetHit:
    """A scrubbed data set that holds values of the person."""

    name: str
    records: int


class PayloadStore(Protocol):
    """Stored payloads, as the rights part uses them."""

    def stored_for(self, tenant: str, request_ids: Collection[str]) -> list[str]:
        """Which of ``request_ids`` have a stored payload."""
        ...

    def erase(self, person: PersonKeys) -> int:
        """Delete (or crypto-shred) every payload of the person; how many."""
        ...


class DatasetIndex(Protocol):
    """The subject index of scrubbed data sets."""

    def datasets_with(self, person: PersonKeys) -> list[DatasetHit]:
        """The data sets that hold a value of the person."""
        ...


class NoPayloads:
    """No payloads are stored."""

    def stored_for(self, tenant: str, request_ids: Collection[str]) -> list[str]:
        return []

    def erase(self, person: PersonKeys) -> int:
        return 0


class NoDatasets:
    """No data set is registered."""

    def datasets_with(self, person: PersonKeys) -> list[DatasetHit]:
        return []
