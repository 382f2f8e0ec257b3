"""The register: requests with deadlines, extensions, history and counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gdprgate.errors import NotFound, RightsError
from gdprgate.rights import RightsRegister
from gdprgate.rights.registers import RegistersWithRights
from gdprgate.rights.subjects import Identifier
from gdprgate.store import Database

BY_EMAIL = [Identifier("EMAIL_ADDRESS", "ab" * 32)]


class Today:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def db(data_dir: Path) -> Database:
    store = Database.for_data_dir(data_dir)
    store.upgrade()
    return store


def test_a_request_is_due_one_month_after_receipt(db: Database) -> None:
    register = RightsRegister(db, Today(date(2025, 3, 31)))
    opened = register.open(
        tenant="acme", kind="access", subject_hash=None, identifiers=BY_EMAIL
    )
    assert opened.received_on == date(2025, 3, 31)
    assert opened.due_on == date(2025, 4, 30)
    assert opened.status == "open"
    assert [e.event for e in opened.events] == ["received"]
    assert register.get(opened.id).identifiers == tuple(BY_EMAIL)


def test_overdue_lists_only_open_requests_past_their_deadline(db: Database) -> None:
    today = Today(date(2025, 9, 3))
    register = RightsRegister(db, today)
    late = register.open(
        tenant="acme", kind="erase", subject_hash="f" * 64, identifiers=[]
    )
    answered = register.open(
        tenant="acme", kind="access", subject_hash="e" * 64, identifiers=[]
    )
    register.set_status(answered.id, "closed", "answered", {})
    today.day = date(2025, 10, 3)
    assert register.list(overdue=True) == []
    today.day = date(2025, 10, 4)
    assert [r.id for r in register.list(overdue=True)] == [late.id]
    assert register.open_count() == 1
    assert register.overdue_count() == 1
    summary = RegistersWithRights(register).rights()
    assert summary is not None
    assert (summary.received, summary.open, summary.closed) == (2, 1, 1)


def test_an_extension_needs_a_reason_and_moves_the_deadline(db: Database) -> None:
    register = RightsRegister(db, Today(date(2024, 11, 30)))
    opened = register.open(
        tenant="acme", kind="access", subject_hash="a" * 64, identifiers=[]
    )
    with pytest.raises(RightsError, match="reason"):
        register.extend(opened.id, 2, "  ")
    extended = register.extend(opened.id, 2, "Records in six systems.")
    assert extended.deadline == date(2025, 2, 28)
    assert extended.due_on == date(2024, 12, 30)
    assert extended.extension_reason == "Records in six systems."
    assert [e.event for e in extended.events] == ["received", "extended"]
    assert not extended.overdue(date(2025, 1, 15))


def test_a_request_must_name_the_person_and_a_known_kind(db: Database) -> None:
    register = RightsRegister(db)
    with pytest.raises(RightsError, match="name the person"):
        register.open(tenant="acme", kind="erase", subject_hash=None, identifiers=[])
    with pytest.raises(RightsError, match="kind"):
        register.open(
            tenant="acme", kind="forget", subject_hash=None, identifiers=BY_EMAIL
        )
    with pytest.raises(NotFound):
        register.get("rr_missing")


def test_the_registers_holidays_move_deadlines(db: Database) -> None:
    christmas = date(2025, 12, 25)
    register = RightsRegister(db, Today(date(2025, 11, 25)), holidays={christmas})
    opened = register.open(
        tenant="acme", kind="access", subject_hash="c" * 64, identifiers=[]
    )
    assert opened.due_on == date(2025, 12, 26)
