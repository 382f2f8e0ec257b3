"""When a data-subject request must be answered (Art. 12(3) GDPR).

The deadline is computed the way the ICO describes it: the same calendar
date one month after the request was received; when the next month has no
such date, the last day of that month; when that day is a weekend day (or a
listed public holiday), the next working day. An extension (by up to two
further months) is computed the same way from the day of receipt.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection
from datetime import date, timedelta

MAX_EXTENSION_MONTHS = 2


def add_months(start: date, months: int) -> date:
    """The same date ``months`` later, or the last day of that month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def next_working_day(day: date, holidays: Collection[date] = ()) -> date:
    """``day`` itself when it is a working day, else the next one."""
    while day.weekday() >= 5 or day in holidays:
        day += timedelta(days=1)
    return day


def due_date(received: date, months: int = 1, holidays: Collection[date] = ()) -> date:
    """The day a request received on ``received`` must be answered by."""
    return next_working_day(add_months(received, months), holidays)


def extended_due_date(
    received: date, extra_months: int, holidays: Collection[date] = ()
) -> date:
    """The deadline after an Art. 12(3) extension of ``extra_months`` (1 or 2)."""
    if not 1 <= extra_months <= MAX_EXTENSION_MONTHS:
        msg = f"an extension is 1 to {MAX_EXTENSION_MONTHS} months (Art. 12(3))"
        raise ValueError(msg)
    return due_date(received, 1 + extra_months, holidays)
