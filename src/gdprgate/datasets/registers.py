"""The data set register for the Art. 30 record."""

from __future__ import annotations

from gdprgate.datasets.index import SubjectIndex
from gdprgate.records.registers import Dataset, NothingRegistered
from gdprgate.store import Database


class DatasetRegisters(NothingRegistered):
    """The registers with the scrubbed data sets filled in from the store."""

    def __init__(self, db: Database, tenant: str | None = None) -> None:
        self._index = SubjectIndex(db)
        self._tenant = tenant

    def datasets(self) -> list[Dataset]:
        return self._index.datasets(self._tenant)
