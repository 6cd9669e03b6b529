"""Admin registration: report, schedule and legislative-need views, the dashboard.

A legislative need is a pilot's internal record that Communications may publish (``is_public``)
on the public register. It is a ``ModelViewSet``, not a snippet: only users with the model's
permissions reach any need in the admin, and no snippet chooser, wagtail-localize API or bulk
action lists them. The public register and pilot pages read only ``is_public`` needs.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .dashboard import is_overdue
from .models import LegislativeNeed, ProgressReport, default_locale_pilots, schedule_for
from .roles import can_approve, is_coordinator, liaison_pilot_ids


class LegislativeNeedViewSet(ModelViewSet):
    model = LegislativeNeed
    icon = "doc-full-inverse"
    url_prefix = "coordination/legislative-needs"
    name = "coordination_legislative_needs"
    list_display = ["law", "topic", "pilot", "handling_status", "is_public", "raised_on", "locale"]
    list_filter = ["topic", "handling_status", "is_public", "locale"]
    search_fields = ["law", "description", "raised_by"]


class CoordinationGroup(ViewSetGroup):
    menu_label = _("Coordination")
    menu_icon = "tasks"
    menu_order = 250
    items = (
        views.ProgressReportViewSet(menu_label=_("Progress reports")),
        views.ReportingScheduleViewSet(menu_label=_("Reporting schedules")),
        LegislativeNeedViewSet(menu_label=_("Legislative needs")),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CoordinationGroup()


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return CoordinatorMenuItem(
        _("Pilot dashboard"), reverse("coordination_dashboard"), icon_name="table", order=240
    )


@hooks.register("register_admin_menu_item")
def evaluation_menu_item():
    return CoordinatorMenuItem(
        _("Evaluation data"), reverse("coordination_evaluation"), icon_name="download", order=241
    )


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("coordination/dashboard/", views.dashboard_view, name="coordination_dashboard"),
        path("coordination/dashboard.csv", views.dashboard_csv, name="coordination_dashboard_csv"),
        path(
            "coordination/reports/<int:pk>/review/",
            views.report_review,
            name="coordination_report_review",
        ),
        path(
            "coordination/evaluation/",
            views.evaluation_export_index,
            name="coordination_evaluation",
        ),
        path(
            "coordination/evaluation.<str:fmt>",
            views.evaluation_export,
            name="coordination_evaluation_export",
        ),
    ]


@hooks.register("register_log_actions")
def register_report_actions(actions):
    actions.register_action(
        "coordination.report.submit", _("Submit report"), _("Report submitted for review")
    )
    actions.register_action(
        "coordination.report.approve", _("Approve report"), _("Report approved")
    )
    actions.register_action("coordination.report.return", _("Return report"), _("Report returned"))


class ReportsToReviewPanel(Component):
    """Submitted progress reports waiting for the approver, on their admin home."""

    name = "coordination_reports_to_review"
    template_name = "coordination/admin/panels/reports_to_review.html"
    order = 45

    def get_context_data(self, parent_context=None):
        reports = ProgressReport.objects.filter(state=ProgressReport.State.SUBMITTED)
        return {"reports": list(reports.select_related("pilot").order_by("submitted_at")[:20])}


@hooks.register("construct_homepage_panels")
def reports_to_review_panel(request, panels):
    if can_approve(request.user):
        panels.append(ReportsToReviewPanel())


class OverdueReportsPanel(Component):
    """A liaison's pilots whose last complete reporting period has no submitted report."""

    name = "coordination_overdue_reports"
    template_name = "coordination/admin/panels/overdue_reports.html"
    order = 52

    def __init__(self, pilot_ids: set[int]):
        self.pilot_ids = pilot_ids

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        submitted = set(
            ProgressReport.objects.filter(
                pilot_id__in=self.pilot_ids,
                state__in=[ProgressReport.State.SUBMITTED, ProgressReport.State.APPROVED],
            ).values_list("pilot_id", "period_start")
        )
        overdue = []
        for pilot in default_locale_pilots().filter(pk__in=self.pilot_ids).order_by("title"):
            late, period = is_overdue(pilot, today, schedule_for(pilot), submitted)
            if late:
                overdue.append((pilot, period))
        return {"overdue": overdue, "add_url": reverse("coordination_reports:add")}


@hooks.register("construct_homepage_panels")
def overdue_reports_panel(request, panels):
    pilot_ids = liaison_pilot_ids(request.user)
    if pilot_ids:
        panels.append(OverdueReportsPanel(pilot_ids))
