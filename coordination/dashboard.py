"""The coordinator's dashboard: one row per pilot, computed for a given ``today``.

The screen and the CSV both render ``DashboardRow.cells()``, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.models import Region

from . import periods
from .models import Milestone, ProgressReport, ReportingSchedule, default_locale_pilots

INDICATOR_PROGRESS = "pilots.indicators.progress_summary"
# PilotPage fields that may hold the planned budget, tried in order (the pilots app decides).
BUDGET_FIELDS = ("budget_total", "total_budget", "budget", "funding_total", "total_cost")
STATUS_FILTERS = {"on_track", "at_risk", "off_track", "none"}
SORT_KEYS = {
    "pilot": lambda r: r.title.lower(),
    "region": lambda r: (r.region_name or "").lower(),
    "status": lambda r: r.status_rank,
    "overdue": lambda r: (not r.overdue, r.title.lower()),
    "update": lambda r: (r.days_since_update is None, -(r.days_since_update or 0)),
    "late": lambda r: (-r.late_milestones, r.title.lower()),
    "budget": lambda r: (r.budget_ratio is None, -(r.budget_ratio or 0)),
}
# The sort key of each column in ``headers()`` order (None: not sortable).
COLUMN_SORT_KEYS = ["pilot", "region", None, "status", "overdue", "update", "late", None, "budget"]
STATUS_RANK = {"off_track": 0, "at_risk": 1, "on_track": 2, None: 3}


class InvalidParameter(ValueError):
    """A ?sort=, ?status= or ?region= value the dashboard does not know."""


@dataclass
class DashboardRow:
    pilot: Any
    title: str
    region_name: str
    region_slug: str
    latest_report: ProgressReport | None
    last_period: periods.Period | None
    overdue: bool
    days_since_update: int | None
    late_milestones: int
    indicator_progress: str
    budget_used: Decimal | None
    budget_planned: Decimal | None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> str | None:
        return self.latest_report.overall_status if self.latest_report else None

    @property
    def status_rank(self) -> int:
        return STATUS_RANK.get(self.status, 3)

    @property
    def budget_ratio(self) -> Decimal | None:
        if self.budget_used is None or not self.budget_planned:
            return None
        return self.budget_used / self.budget_planned

    def cells(self) -> list[str]:
        """The row as text, in ``headers()`` order: the same on screen and in the CSV."""
        report = self.latest_report
        if report:
            status = f"{report.status_icon} {report.get_overall_status_display()}"
            latest = f"{report.period_start:%Y-%m-%d}–{report.period_end:%Y-%m-%d}"
        else:
            status, latest = "—", "—"
        overdue = (
            _("Overdue: %(period)s") % {"period": self.last_period}
            if self.overdue
            else (_("No") if self.last_period else "—")
        )
        days = "—" if self.days_since_update is None else str(self.days_since_update)
        # Both figures, always: "used / planned €", with a dash for the one that is unknown.
        if self.budget_used is None and not self.budget_planned:
            budget = "—"
        else:
            used = "—" if self.budget_used is None else f"{self.budget_used:.0f}"
            planned = f"{self.budget_planned:.0f}" if self.budget_planned else "—"
            budget = f"{used} / {planned} €"
        return [
            self.title,
            self.region_name or "—",
            latest,
            status,
            overdue,
            days,
            str(self.late_milestones),
            self.indicator_progress,
            budget,
        ]


def headers() -> list[str]:
    return [
        _("Pilot"),
        _("Region"),
        _("Latest approved report"),
        _("Status"),
        _("Report overdue"),
        _("Days since public update"),
        _("Late milestones"),
        _("Indicator progress"),
        _("Budget used / planned"),
    ]


def _indicator_progress(pilot: Any) -> str:
    try:
        summary = import_string(INDICATOR_PROGRESS)
    except ImportError:
        return "—"
    value = summary(pilot)
    return str(value) if value not in (None, "") else "—"


def _planned_budget(pilot: Any) -> Decimal | None:
    for name in BUDGET_FIELDS:
        value = getattr(pilot, name, None)
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return Decimal(str(value))
    return None


def is_overdue(pilot: Any, today: dt.date, schedule: tuple[int, dt.date], submitted: set) -> tuple:
    """(overdue?, last complete period): overdue once the period's due date has passed."""
    months, anchor = schedule
    last = periods.last_complete_period(today, months, anchor)
    if last is None:
        return False, None
    has_report = (pilot.pk, last.start) in submitted
    return (not has_report and today > last.due), last


def build_rows(
    today: dt.date, sort: str | None = None, status: str | None = None, region: str | None = None
) -> list[DashboardRow]:
    """Every Finnish pilot page as a dashboard row, filtered and sorted (params validated)."""
    sort = sort or "pilot"
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        raise InvalidParameter("sort")
    if status and status not in STATUS_FILTERS:
        raise InvalidParameter("status")

    pilots = list(
        default_locale_pilots()
        .select_related("region")
        .prefetch_related("indicators__measurements")
        .order_by("title")
    )
    if region:
        if not Region.objects.filter(slug=region).exists():
            raise InvalidParameter("region")
        pilots = [p for p in pilots if p.region and p.region.slug == region]
    ids = [p.pk for p in pilots]

    schedules = {
        s.pilot_id: (s.period_months, s.first_period_start)
        for s in ReportingSchedule.objects.filter(pilot_id__in=ids)
    }
    submitted = set(
        ProgressReport.objects.filter(
            pilot_id__in=ids,
            state__in=[ProgressReport.State.SUBMITTED, ProgressReport.State.APPROVED],
        ).values_list("pilot_id", "period_start")
    )
    latest: dict[int, ProgressReport] = {}
    for report in ProgressReport.objects.filter(
        pilot_id__in=ids, state=ProgressReport.State.APPROVED
    ).order_by("pilot_id", "-period_start"):
        latest.setdefault(report.pilot_id, report)
    latest_budget: dict[int, Decimal] = {}
    for report in (
        ProgressReport.objects.filter(pilot_id__in=ids, budget_used__isnull=False)
        .exclude(state=ProgressReport.State.DRAFT)
        .order_by("pilot_id", "-period_start")
    ):
        latest_budget.setdefault(report.pilot_id, report.budget_used)
    late: dict[int, int] = {}
    for milestone in Milestone.objects.filter(pilot_id__in=ids):
        if milestone.is_late(today):
            late[milestone.pilot_id] = late.get(milestone.pilot_id, 0) + 1
    last_update = _last_public_updates(pilots)

    rows = []
    for pilot in pilots:
        overdue, last = is_overdue(
            pilot, today, schedules.get(pilot.pk, (1, periods.DEFAULT_ANCHOR)), submitted
        )
        published = last_update.get(pilot.pk)
        rows.append(
            DashboardRow(
                pilot=pilot,
                title=pilot.title,
                region_name=pilot.region.name if pilot.region else "",
                region_slug=pilot.region.slug if pilot.region else "",
                latest_report=latest.get(pilot.pk),
                last_period=last,
                overdue=overdue,
                days_since_update=(today - published).days if published else None,
                late_milestones=late.get(pilot.pk, 0),
                indicator_progress=_indicator_progress(pilot),
                budget_used=latest_budget.get(pilot.pk),
                budget_planned=_planned_budget(pilot),
            )
        )
    if status:
        wanted = None if status == "none" else status
        rows = [r for r in rows if r.status == wanted]
    rows.sort(key=SORT_KEYS[key], reverse=descending)
    return rows


def _last_public_updates(pilots: list[Any]) -> dict[int, dt.date]:
    """Latest first publication among each pilot's live child pages (any page type), one query."""
    if not pilots:
        return {}
    children = Q()
    for pilot in pilots:
        children |= Q(path__startswith=pilot.path, depth=pilot.depth + 1)
    by_path = {pilot.path: pilot.pk for pilot in pilots}
    steplen = Page.steplen
    result: dict[int, dt.date] = {}
    for path, published in (
        Page.objects.live().public().filter(children).values_list("path", "first_published_at")
    ):
        pk = by_path.get(path[:-steplen])
        if pk is None or published is None:
            continue
        day = timezone.localdate(published)
        if pk not in result or day > result[pk]:
            result[pk] = day
    return result
