"""Reporting periods: plain date arithmetic, with ``today`` always passed in.

Every function takes the day to reason about as an argument instead of reading the clock, so the
dashboard, the reminders and the tests agree on what is due and what is overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

# Pilots started in January 2025 (shared/CONTENT.md): periods count from there by default.
DEFAULT_ANCHOR = dt.date(2025, 1, 1)


def grace_days() -> int:
    """Days after a period ends before its report is overdue (``COORDINATION_REPORT_GRACE_DAYS``)."""
    return int(getattr(settings, "COORDINATION_REPORT_GRACE_DAYS", 7))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of month ``months`` later (periods start on the first, so no clamping needed)."""
    index = day.year * 12 + (day.month - 1) + months
    return day.replace(year=index // 12, month=index % 12 + 1)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @property
    def due(self) -> dt.date:
        """The last day on which the report is on time."""
        return self.end + dt.timedelta(days=grace_days())

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"


def period_containing(
    day: dt.date, months: int = 1, anchor: dt.date = DEFAULT_ANCHOR
) -> Period | None:
    """The reporting period that contains ``day`` (None before the first period)."""
    if day < anchor:
        return None
    months = max(1, months)
    elapsed = (day.year - anchor.year) * 12 + (day.month - anchor.month)
    index = elapsed // months
    start = add_months(anchor, index * months)
    if start > day:  # anchor on a later day of month than ``day``
        index -= 1
        start = add_months(anchor, index * months)
    end = add_months(start, months) - dt.timedelta(days=1)
    return Period(start, end)


def last_complete_period(
    today: dt.date, months: int = 1, anchor: dt.date = DEFAULT_ANCHOR
) -> Period | None:
    """The latest period that ended before ``today`` (None if none has ended yet)."""
    current = period_containing(today, months, anchor)
    if current is None:
        return None
    previous_end = current.start - dt.timedelta(days=1)
    return period_containing(previous_end, months, anchor)
