"""Admin registration: report, schedule and legislative-need views, the dashboard.

A legislative need is a pilot's internal record that Communications may publish (``is_public``)
on the public register. It is a ``ModelViewSet``, not a snippet: only users with the model's
permissions reach any need in the admin, and no snippet chooser, wagtail-localize API or bulk
action lists them. The public register and pilot pages read only ``is_public`` needs.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .models import LegislativeNeed
from .roles import is_coordinator


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
