"""Liaisons write and submit reports only for their own pilots; communications approves."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from coordination import services
from coordination.models import ProgressReport, ReportMeasurement

pytestmark = pytest.mark.django_db

RECORDED: list[tuple] = []


def record_measurement(pilot, indicator_name, date, value, note):
    """Test double for pilots.indicators.record_measurement."""
    RECORDED.append((pilot.pk, indicator_name, date, value, note))


def denied(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard (or a 403)."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def _form(pilot, start="2025-03-01", measurements=()):
    return nested_form_data(
        {
            "pilot": pilot.pk,
            "period_start": start,
            "period_end": "",
            "overall_status": "at_risk",
            "progress_summary": "Sisäinen yhteenveto",
            "risks": "",
            "next_steps": "",
            "budget_used": "1000",
            "public_update_text": "",
            "measurements": inline_formset(list(measurements)),
        }
    )


@pytest.fixture
def pilots(make_pilot, liaison, other_liaison):
    return make_pilot("Oma kokeilu", liaisons=[liaison]), make_pilot(
        "Toinen kokeilu", liaisons=[other_liaison]
    )


def _indicator(pilot, name: str):
    from pilots.models import Indicator

    return Indicator.objects.create(
        page=pilot,
        locale=pilot.locale,
        name=name,
        unit="pv",
        baseline_value=20,
        baseline_date=dt.date(2024, 1, 1),
        target_value=10,
    )


def test_liaison_creates_report_for_own_pilot_with_measurements(client, liaison, pilots):
    own, _other = pilots
    _indicator(own, "Odotusaika")  # a figure names one of the pilot's own indicators
    client.force_login(liaison)
    form_page = client.get(reverse("coordination_reports:add"))
    assert form_page.status_code == 200
    assert 'name="measurements-TOTAL_FORMS"' in form_page.content.decode()
    data = _form(
        own,
        measurements=[
            {
                "indicator_name": "Odotusaika",
                "unit": "pv",
                "date": "2025-03-31",
                "value": "12.5",
                "note": "",
            }
        ],
    )
    response = client.post(reverse("coordination_reports:add"), data)
    assert response.status_code == 302, response.content[:2000]
    report = ProgressReport.objects.get(pilot=own)
    assert report.period_end == dt.date(2025, 3, 31)  # from the default monthly schedule
    assert report.state == "draft"
    assert report.measurements.get().value == Decimal("12.5")
    review = client.get(reverse("coordination_report_review", args=[report.pk]))
    assert review.status_code == 200
    assert "Submit for review" in review.content.decode() or "Lähetä" in review.content.decode()


def test_liaison_cannot_create_report_for_another_pilot(client, liaison, pilots):
    _own, other = pilots
    client.force_login(liaison)
    response = client.post(reverse("coordination_reports:add"), _form(other))
    assert denied(response)
    assert not ProgressReport.objects.filter(pilot=other).exists()


def test_liaison_cannot_see_or_edit_another_pilots_report(client, liaison, pilots):
    own, other = pilots
    mine = ProgressReport.objects.create(pilot=own, period_start=dt.date(2025, 2, 1))
    theirs = ProgressReport.objects.create(
        pilot=other, period_start=dt.date(2025, 2, 1), progress_summary="Salainen tilanne"
    )
    client.force_login(liaison)
    assert denied(client.get(reverse("coordination_reports:edit", args=[theirs.pk])))
    assert client.get(reverse("coordination_reports:edit", args=[mine.pk])).status_code == 200
    listing = client.get(reverse("coordination_reports:index"))
    assert listing.status_code == 200
    assert own.title in listing.content.decode()
    assert other.title not in listing.content.decode()
    review = reverse("coordination_report_review", args=[theirs.pk])
    assert denied(client.get(review))
    assert denied(client.post(review, {"action": "submit"}))
    theirs.refresh_from_db()
    assert theirs.state == "draft"


def test_submit_approve_return_flow_with_audit_log(client, liaison, communications, pilots):
    own, _other = pilots
    report = ProgressReport.objects.create(pilot=own, period_start=dt.date(2025, 2, 1))
    review = reverse("coordination_report_review", args=[report.pk])

    client.force_login(liaison)
    assert client.post(review, {"action": "submit"}).status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted"
    # A liaison cannot approve, and cannot edit a submitted report.
    assert denied(client.post(review, {"action": "approve"}))
    assert denied(client.get(reverse("coordination_reports:edit", args=[report.pk])))

    client.force_login(communications)
    client.post(review, {"action": "return", "comment": "Lisää riskit"})
    report.refresh_from_db()
    assert (report.state, report.return_comment) == ("returned", "Lisää riskit")

    client.force_login(liaison)
    client.post(review, {"action": "submit"})
    client.force_login(communications)
    client.post(review, {"action": "approve"})
    report.refresh_from_db()
    assert report.state == "approved"
    actions = list(
        ModelLogEntry.objects.for_instance(report)  # this report's entries, not another model's
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "coordination.report.submit",
        "coordination.report.return",
        "coordination.report.submit",
        "coordination.report.approve",
    ]


def _approved_report_with_measurement(pilot, user):
    report = ProgressReport.objects.create(pilot=pilot, period_start=dt.date(2025, 2, 1))
    ReportMeasurement.objects.create(
        report=report, indicator_name="Odotusaika", date=dt.date(2025, 2, 28), value=Decimal("9")
    )
    services.submit(report, user)
    services.approve(report, user)
    return report


def test_measurements_stay_unapplied_without_the_pilots_function(
    communications, pilots, settings, caplog
):
    settings.COORDINATION_RECORD_MEASUREMENT = "pilots.indicators.record_measurement"
    report = _approved_report_with_measurement(pilots[0], communications)
    assert report.measurements.get().applied_at is None
    assert "left unapplied" in caplog.text


def test_approval_applies_measurements_through_the_pilots_function(
    communications, pilots, settings
):
    settings.COORDINATION_RECORD_MEASUREMENT = f"{__name__}.record_measurement"
    RECORDED.clear()
    report = _approved_report_with_measurement(pilots[0], communications)
    assert [(pilots[0].pk, "Odotusaika", dt.date(2025, 2, 28), Decimal("9"), "")] == RECORDED
    assert report.measurements.get().applied_at is not None
    assert services.apply_measurements(report) == 0  # never applied twice


def test_duplicate_report_for_a_period_is_refused(pilots):
    from django.db import IntegrityError, transaction

    ProgressReport.objects.create(pilot=pilots[0], period_start=dt.date(2025, 2, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressReport.objects.create(pilot=pilots[0], period_start=dt.date(2025, 2, 1))


def test_approved_figures_appear_on_the_public_pilot_page(client, communications, pilots):
    """The real pilots function records the report's figure as the indicator's measurement."""
    from pilots.models import Indicator, Measurement

    pilot = pilots[0]
    indicator = Indicator.objects.create(
        page=pilot,
        locale=pilot.locale,
        name="Odotusaika",
        unit="vrk",
        direction="down",
        baseline_value=Decimal("30"),
        baseline_date=dt.date(2025, 1, 1),
        target_value=Decimal("10"),
    )
    internal = "Sisäinen riskiarvio, ei julkinen."
    report = ProgressReport.objects.create(
        pilot=pilot, period_start=dt.date(2025, 2, 1), risks=internal
    )
    ReportMeasurement.objects.create(
        report=report, indicator_name="odotusaika", date=dt.date(2025, 2, 28), value=Decimal("17")
    )
    services.submit(report, communications)
    services.approve(report, communications)

    assert Measurement.objects.get(indicator=indicator).value == Decimal("17")
    html = client.get(pilot.url).content.decode()
    assert "<td>17</td>" in html
    assert "65 %" in html  # (30 - 17) / (30 - 10): progress in words on the public page
    assert internal not in html


def test_liaison_gets_own_pilot_preselected_and_lands_on_the_report(client, liaison, pilots):
    own, other = pilots
    client.force_login(liaison)
    form = client.get(reverse("coordination_reports:add")).context["form"]
    assert form.initial["pilot"] == own.pk
    assert list(form.fields["pilot"].queryset) == [own]  # another pilot is not offered
    response = client.post(reverse("coordination_reports:add"), _form(own))
    report = ProgressReport.objects.get(pilot=own)
    assert response.url == reverse("coordination_report_review", args=[report.pk])


def test_approval_that_cannot_transfer_a_figure_says_so(client, communications, pilots, settings):
    settings.COORDINATION_RECORD_MEASUREMENT = "pilots.indicators.record_measurement"
    own, _other = pilots  # the pilot has no indicators at all
    report = ProgressReport.objects.create(
        pilot=own, period_start=dt.date(2025, 2, 1), state=ProgressReport.State.SUBMITTED
    )
    ReportMeasurement.objects.create(
        report=report, indicator_name="Odotusaikka", date=dt.date(2025, 2, 28), value=15
    )
    client.force_login(communications)
    url = reverse("coordination_report_review", args=[report.pk])
    response = client.post(url, {"action": "approve"}, follow=True)
    levels = {m.level_tag: m.message for m in response.context["messages"]}
    assert "Odotusaikka" in levels["warning"]


def test_report_values_show_as_written(client, communications, pilots):
    own, _other = pilots
    report = ProgressReport.objects.create(pilot=own, period_start=dt.date(2025, 2, 1))
    ReportMeasurement.objects.create(
        report=report, indicator_name="Kävijät", unit="hlöä", date=dt.date(2025, 2, 28), value=15
    )
    ReportMeasurement.objects.create(
        report=report,
        indicator_name="Odotusaika",
        unit="pv",
        date=dt.date(2025, 2, 28),
        value=Decimal("12.5"),
    )
    client.force_login(communications)
    html = client.get(reverse("coordination_report_review", args=[report.pk])).content.decode()
    assert "15 hlöä" in html
    assert "15,0000" not in html and "15.0000" not in html
    assert "12,5 pv" in html or "12.5 pv" in html


def test_submitting_mails_each_reviewer_in_their_language(
    client,
    liaison,
    communications,
    make_user,
    pilots,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    from wagtail.users.models import UserProfile

    own, _other = pilots
    communications.email = "viestinta@example.invalid"
    communications.save()
    swedish = make_user("kommunikation", groups=["Communications"])
    swedish.email = "kommunikation@example.invalid"
    swedish.save()
    profile = UserProfile.get_for_user(swedish)
    profile.preferred_language = "sv"
    profile.save()
    report = ProgressReport.objects.create(pilot=own, period_start=dt.date(2025, 2, 1))
    client.force_login(liaison)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("coordination_report_review", args=[report.pk]), {"action": "submit"})
    by_recipient = {mail.to[0]: mail for mail in mailoutbox}
    assert set(by_recipient) >= {"viestinta@example.invalid", "kommunikation@example.invalid"}
    review_url = reverse("coordination_report_review", args=[report.pk])
    assert review_url in by_recipient["viestinta@example.invalid"].body
    assert "granska" in by_recipient["kommunikation@example.invalid"].subject.lower()


def test_submitted_report_waits_on_the_approvers_dashboard(client, communications, pilots):
    own, _other = pilots
    report = ProgressReport.objects.create(
        pilot=own, period_start=dt.date(2025, 2, 1), state=ProgressReport.State.SUBMITTED
    )
    client.force_login(communications)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("coordination_report_review", args=[report.pk]) in html


def test_a_period_that_has_not_ended_is_flagged(client, communications, pilots):
    from django.utils import timezone

    own, _other = pilots
    today = timezone.localdate()
    current = ProgressReport.objects.create(
        pilot=own, period_start=today.replace(day=1), period_end=today + dt.timedelta(days=30)
    )
    past = ProgressReport.objects.create(pilot=own, period_start=dt.date(2025, 2, 1))
    client.force_login(communications)
    review = reverse("coordination_report_review", args=[current.pk])
    assert "coordination-period-unfinished" in client.get(review).content.decode()
    review = reverse("coordination_report_review", args=[past.pk])
    assert "coordination-period-unfinished" not in client.get(review).content.decode()


def test_a_figure_must_name_one_of_the_pilots_indicators(client, liaison, pilots):
    own, _other = pilots
    _indicator(own, "Odotusaika")
    client.force_login(liaison)
    misspelt = {
        "indicator_name": "Odotusaikka",
        "unit": "pv",
        "date": "2025-03-31",
        "value": "9",
        "note": "",
    }
    response = client.post(reverse("coordination_reports:add"), _form(own, measurements=[misspelt]))
    assert response.status_code == 200  # the form again, with the error; nothing saved
    assert "Odotusaika" in response.content.decode()  # the names to choose from
    assert not ProgressReport.objects.filter(pilot=own).exists()
    right = {**misspelt, "indicator_name": "odotusaika "}  # case and spaces do not matter
    response = client.post(reverse("coordination_reports:add"), _form(own, measurements=[right]))
    assert response.status_code == 302


def test_liaison_dashboard_lists_own_overdue_reports(client, liaison, pilots, settings):
    settings.COORDINATION_REPORT_GRACE_DAYS = 0  # last month's report is overdue any day
    own, other = pilots
    client.force_login(liaison)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="coordination-overdue-reports' in html
    assert re.search(rf'class="coordination-overdue">\s*{re.escape(own.title)}:', html)
    assert other.title not in html  # another pilot's reporting is not theirs


def test_the_indicator_is_chosen_from_the_liaisons_pilots_indicators(client, liaison, pilots):
    """A drop-down of the pilot's own indicators, for the rows and for a row added in the page."""
    import re

    own, other = pilots
    _indicator(own, "Odotusaika")
    _indicator(other, "Toisen kokeilun mittari")
    client.force_login(liaison)
    html = client.get(reverse("coordination_reports:add")).content.decode()
    selects = re.findall(
        r'<select name="measurements-(?:__prefix__|\d+)-indicator_name".*?</select>', html, re.S
    )
    assert selects  # the empty row the "add" button copies is a drop-down too
    for select in selects:
        assert '<option value="Odotusaika">Odotusaika</option>' in select
        assert "Toisen kokeilun mittari" not in select
