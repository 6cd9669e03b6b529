"""The dashboard's overdue and late flags follow the dates on a fixed clock; CSV = screen."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from coordination import dashboard, periods
from coordination.models import Milestone, ProgressReport, ReportingSchedule

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 4, 20)  # March ended 31 days ago, its report due 2025-04-07


class TableRows(HTMLParser):
    """The text of each body row of the dashboard table (all but the links column)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.header_count = 0
        self._in_table = False
        self._in_body = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("id", "coordination-dashboard") in attrs:
            self._in_table = True
        elif tag == "tbody" and self._in_table:
            self._in_body = True
        elif tag == "th" and self._in_table and not self._in_body:
            self.header_count += 1
        elif self._in_body and tag == "tr":
            self.rows.append([])
        elif self._in_body and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body = False
            self._in_table = False
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture
def scene(make_pilot):
    late = make_pilot("Myöhässä oleva kokeilu", region="pirkanmaa")
    fine = make_pilot("Ajallaan oleva kokeilu", region="hus")
    quarterly = make_pilot("Neljännesvuosikokeilu", region="kanta-hame")
    ReportingSchedule.objects.create(pilot=quarterly, period_months=3)
    # late: February approved (at risk), March missing -> overdue; one milestone late.
    ProgressReport.objects.create(
        pilot=late,
        period_start=dt.date(2025, 2, 1),
        state="approved",
        overall_status="at_risk",
        budget_used=Decimal("50000"),
    )
    Milestone.objects.create(pilot=late, name="Pilotti käyttöön", planned_date=dt.date(2025, 4, 1))
    Milestone.objects.create(
        pilot=late, name="Sopimus", planned_date=dt.date(2025, 2, 1), status="done"
    )
    Milestone.objects.create(
        pilot=late, name="Peruttu", planned_date=dt.date(2025, 2, 1), status="dropped"
    )
    # fine: March submitted -> not overdue; a future milestone is not late.
    ProgressReport.objects.create(
        pilot=fine, period_start=dt.date(2025, 3, 1), state="submitted", overall_status="on_track"
    )
    Milestone.objects.create(pilot=fine, name="Arviointi", planned_date=dt.date(2025, 6, 1))
    # quarterly: Q1 (Jan–Mar) ended, due 2025-04-07, nothing submitted -> overdue.
    return late, fine, quarterly


def _row(rows, pilot):
    return next(r for r in rows if r.pilot.pk == pilot.pk)


def test_periods_follow_the_calendar():
    assert periods.last_complete_period(TODAY) == periods.Period(
        dt.date(2025, 3, 1), dt.date(2025, 3, 31)
    )
    assert periods.last_complete_period(TODAY, 3) == periods.Period(
        dt.date(2025, 1, 1), dt.date(2025, 3, 31)
    )
    assert periods.last_complete_period(dt.date(2025, 1, 15)) is None


def test_milestone_status_is_derived_from_dates():
    m = Milestone(name="x", planned_date=dt.date(2025, 4, 1))
    assert m.effective_status(dt.date(2025, 4, 1)) == "planned"
    assert m.effective_status(dt.date(2025, 4, 2)) == "late"
    m.done_date = dt.date(2025, 4, 3)
    assert m.effective_status(dt.date(2025, 4, 5)) == "done"
    m.done_date, m.status = None, "dropped"
    assert m.effective_status(dt.date(2025, 4, 5)) == "dropped"


def test_overdue_and_late_flags_follow_the_dates(scene):
    late, fine, quarterly = scene
    rows = dashboard.build_rows(TODAY)
    assert (_row(rows, late).overdue, _row(rows, late).late_milestones) == (True, 1)
    assert (_row(rows, fine).overdue, _row(rows, fine).late_milestones) == (False, 0)
    assert _row(rows, quarterly).overdue is True
    assert _row(rows, late).latest_report.overall_status == "at_risk"
    assert _row(rows, fine).latest_report is None  # submitted, not approved
    # Before the due date nothing is overdue yet; the milestone is not yet late either.
    early = dashboard.build_rows(dt.date(2025, 4, 1))
    assert not any(r.overdue for r in early if r.pilot.pk in {late.pk, fine.pk, quarterly.pk})
    assert _row(early, late).late_milestones == 0


def test_filters_and_sorting(scene):
    late, fine, quarterly = scene
    ours = {late.pk, fine.pk, quarterly.pk}
    at_risk = dashboard.build_rows(TODAY, status="at_risk")
    assert [r.pilot.pk for r in at_risk if r.pilot.pk in ours] == [late.pk]
    hus = dashboard.build_rows(TODAY, region="hus")
    assert [r.pilot.pk for r in hus if r.pilot.pk in ours] == [fine.pk]
    by_late = [r.pilot.pk for r in dashboard.build_rows(TODAY, sort="late") if r.pilot.pk in ours]
    assert by_late[0] == late.pk
    for bad in ({"sort": "evil"}, {"status": "great"}, {"region": "atlantis"}):
        with pytest.raises(dashboard.InvalidParameter):
            dashboard.build_rows(TODAY, **bad)


def test_csv_has_the_same_rows_as_the_screen(client, scene, coordinator):
    client.force_login(coordinator)
    query = {"today": TODAY.isoformat(), "sort": "-late"}
    screen = client.get(reverse("coordination_dashboard"), query)
    assert screen.status_code == 200
    parser = TableRows()
    parser.feed(screen.content.decode())
    screen_rows = [row[:-1] for row in parser.rows]  # drop the links column
    # one header per cell, plus the links column
    assert parser.header_count == len(dashboard.headers()) + 1
    assert all(len(row) == len(dashboard.headers()) for row in screen_rows)
    download = client.get(reverse("coordination_dashboard_csv"), query)
    assert download["Content-Type"].startswith("text/csv")
    csv_rows = list(csv.reader(io.StringIO(download.content.decode())))[1:]
    assert len(csv_rows) >= 3
    assert csv_rows == screen_rows
    late_row = next(r for r in csv_rows if r[0] == scene[0].title)
    assert late_row[4].startswith("Overdue") or late_row[4].startswith("Myöhässä")
    assert late_row[6] == "1"


def test_dashboard_is_for_coordinators_only(client, scene, liaison, communications):
    url = reverse("coordination_dashboard")
    client.force_login(liaison)
    response = client.get(url)
    assert (
        response.status_code in (302, 403)
        and "coordination-dashboard" not in response.content.decode()
    )
    client.force_login(communications)
    assert client.get(url).status_code == 200
    assert client.get(url, {"sort": "nonsense"}).status_code == 400
    assert client.get(url, {"today": "2025-13-45"}).status_code == 400


def test_days_since_last_public_update_come_from_child_pages(scene, django_assert_max_num_queries):
    from django.utils import timezone

    from home.models import StandardPage

    late, fine, _quarterly = scene
    child = StandardPage(title="Päivitys", slug="paivitys")
    late.add_child(instance=child)
    child.save_revision().publish()
    child.first_published_at = timezone.make_aware(dt.datetime(2025, 4, 10, 12))
    child.save(update_fields=["first_published_at"])
    draft = StandardPage(title="Luonnos", slug="luonnos", live=False)
    fine.add_child(instance=draft)
    with django_assert_max_num_queries(12):
        rows = dashboard.build_rows(TODAY)
    assert _row(rows, late).days_since_update == 10
    assert _row(rows, fine).days_since_update is None  # drafts are not public updates
