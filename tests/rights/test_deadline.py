"""Art. 12(3) deadlines: month ends, leap years, weekends, extensions."""

from __future__ import annotations

from datetime import date

import pytest

from gdprgate.rights.deadline import due_date, extended_due_date


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2025, 9, 3), date(2025, 10, 3)),  # same date next month (Friday)
        (date(2025, 3, 31), date(2025, 4, 30)),  # no 31 April: last day
        (date(2024, 1, 31), date(2024, 2, 29)),  # leap year: 29 February
        (date(2025, 1, 31), date(2025, 2, 28)),  # common year: 28 February
        (date(2024, 1, 30), date(2024, 2, 29)),  # 30 February does not exist
        (date(2026, 1, 31), date(2026, 3, 2)),  # 28 Feb 2026 is a Saturday
        (date(2026, 9, 3), date(2026, 10, 5)),  # 3 Oct 2026 is a Saturday
        (date(2025, 12, 15), date(2026, 1, 15)),  # across the year end
        (date(2025, 12, 7), date(2026, 1, 7)),  # received on a Sunday
    ],
)
def test_due_date_follows_the_ico_rule(received: date, due: date) -> None:
    assert due_date(received) == due


def test_a_public_holiday_moves_the_deadline_on() -> None:
    assert due_date(date(2025, 11, 25), holidays={date(2025, 12, 25)}) == date(
        2025, 12, 26
    )
    assert due_date(date(2025, 11, 25)) == date(2025, 12, 25)


def test_extension_counts_from_the_day_of_receipt() -> None:
    assert extended_due_date(date(2025, 3, 31), 2) == date(2025, 6, 30)
    assert extended_due_date(date(2024, 11, 30), 2) == date(2025, 2, 28)


@pytest.mark.parametrize("months", [0, 3])
def test_extension_is_one_or_two_months(months: int) -> None:
    with pytest.raises(ValueError, match="1 to 2 months"):
        extended_due_date(date(2025, 1, 1), months)
