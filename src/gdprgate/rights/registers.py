"""The rights register as the record of processing reads it."""

from __future__ import annotations

from gdprgate.records.registers import NothingRegistered, RightsSummary
from gdprgate.rights.register import RightsRegister


class RegistersWithRights(NothingRegistered):
    """The record's registers with the rights-request register filled in;
    the others stay empty until their parts plug in."""

    def __init__(self, register: RightsRegister) -> None:
        self._register = register

    def rights(self) -> RightsSummary | None:
        return self._register.summary()
