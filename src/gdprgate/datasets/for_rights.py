"""The subject index as the rights part asks it: which data sets hold a person.

Access reports and erasure receipts name each data set version as
``dataset_id@version`` with the number of its records that hold the person.
"""

from __future__ import annotations

from gdprgate.datasets.index import datasets_for
from gdprgate.rights.interfaces import DatasetHit, PersonKeys
from gdprgate.store import Database


class SubjectIndexForRights:
    """:class:`gdprgate.rights.interfaces.DatasetIndex` over the store."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def datasets_with(self, person: PersonKeys) -> list[DatasetHit]:
        """The scrubbed data set versions holding one of the person's values,
        as the vault keeps them or in another written form."""
        indexes = person.blind_indexes | person.written_forms
        hits = datasets_for(self._db, person.tenant, indexes)
        return [
            DatasetHit(name=f"{hit.dataset_id}@{hit.version}", records=len(hit.records))
            for hit in hits
        ]
