"""Admin views (dashboard, report review, evaluation export) and the public evaluation API."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import models as generic
from wagtail.admin.viewsets.model import ModelViewSet

from cms.exports import CSV_CONTENT_TYPE, csv_response

from . import dashboard, evaluation, services
from .models import ProgressReport, ReportingSchedule
from .permissions import ProgressReportPermissionPolicy
from .roles import can_approve, is_coordinator, liaison_pilot_ids

# --- Progress reports: the generic model views with per-pilot permissions ---


class ReportIndexView(generic.IndexView):
    def get_base_queryset(self):
        qs = super().get_base_queryset()
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        )
        qs = qs.filter(pk__in=allowed.values("pk")).select_related("pilot")
        pilot = self.request.GET.get("pilot", "")
        if pilot.isdigit():  # the dashboard links to one pilot's reports
            qs = qs.filter(pilot_id=int(pilot))
        return qs


class ReportCreateView(generic.CreateView):
    """A liaison's new report: their first pilot preselected (the form offers only theirs)."""

    def get_initial(self):
        initial = super().get_initial()
        own = sorted(liaison_pilot_ids(self.request.user))
        if own and not can_approve(self.request.user) and "pilot" not in initial:
            initial["pilot"] = own[0]
        return initial

    def get_success_url(self):
        """Land on the new report, where its "Submit for review" button is."""
        return reverse("coordination_report_review", args=[self.object.pk])

    def post(self, request, *args, **kwargs):
        pilot = request.POST.get("pilot", "")
        if not can_approve(request.user) and (
            not pilot.isdigit() or int(pilot) not in liaison_pilot_ids(request.user)
        ):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)


class ReportEditView(generic.EditView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        ):
            raise PermissionDenied
        return obj

    def post(self, request, *args, **kwargs):
        pilot = request.POST.get("pilot", "")
        if not can_approve(request.user) and (
            not pilot.isdigit() or int(pilot) not in liaison_pilot_ids(request.user)
        ):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)


class ReportDeleteView(generic.DeleteView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "delete", obj
        ):
            raise PermissionDenied
        return obj


class ProgressReportViewSet(ModelViewSet):
    model = ProgressReport
    icon = "doc-full"
    add_to_admin_menu = False
    url_prefix = "coordination/reports"
    name = "coordination_reports"
    index_view_class = ReportIndexView
    add_view_class = ReportCreateView
    edit_view_class = ReportEditView
    delete_view_class = ReportDeleteView
    list_display = [
        TitleColumn(
            "report",
            label=_lazy("Report"),
            accessor="__str__",
            url_name="coordination_report_review",
        ),
        "period_start",
        "overall_status",
        "state",
    ]
    list_filter = ["state", "overall_status"]
    search_fields = None
    exclude_form_fields: list[str] = []

    @property
    def permission_policy(self):
        return ProgressReportPermissionPolicy(self.model)


class ReportingScheduleViewSet(ModelViewSet):
    model = ReportingSchedule
    icon = "date"
    add_to_admin_menu = False
    url_prefix = "coordination/schedules"
    name = "coordination_schedules"
    list_display = ["__str__", "period_months", "first_period_start"]


# --- Report review: submit / approve / return ---


@require_http_methods(["GET", "POST"])
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(ProgressReport.objects.select_related("pilot"), pk=pk)
    policy = ProgressReportPermissionPolicy(ProgressReport)
    if not policy.user_has_permission_for_instance(request.user, "view", report):
        raise PermissionDenied
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "submit":
                services.submit(report, request.user)
                messages.success(request, _("Report submitted for review."))
            elif action == "approve":
                services.approve(report, request.user)
                messages.success(request, _("Report approved."))
                left = list(report.measurements.filter(applied_at__isnull=True))
                if left:
                    messages.warning(
                        request,
                        _(
                            "These figures were not added to the pilot's indicators, because "
                            "the pilot has no indicator of that name: %(names)s. Add the "
                            "indicator to the pilot page, or correct the figure by hand."
                        )
                        % {"names": ", ".join(sorted({m.indicator_name for m in left}))},
                    )
            elif action == "return":
                comment = request.POST.get("comment", "").strip()
                if not comment:
                    messages.error(request, _("Say why the report is returned."))
                    return redirect("coordination_report_review", pk=report.pk)
                services.return_report(report, request.user, comment)
                messages.success(request, _("Report returned to the liaison."))
            else:
                raise BadRequest("unknown action")
        except services.TransitionError:
            messages.error(request, _("The report is not in a state that allows this."))
        return redirect("coordination_report_review", pk=report.pk)
    return TemplateResponse(
        request,
        "coordination/admin/report_review.html",
        {
            "report": report,
            "period_unfinished": bool(
                report.period_end and report.period_end >= timezone.localdate()
            ),
            "measurements": report.measurements.all(),
            "can_edit": services.can_edit(request.user, report),
            "can_submit": services.can_submit(request.user, report),
            "can_review": services.can_review(request.user, report),
            "edit_url": reverse("coordination_reports:edit", args=[report.pk]),
        },
    )


# --- Dashboard ---


def _today(request: HttpRequest) -> dt.date:
    """Today, or ?today=YYYY-MM-DD to look at the dashboard as of another day."""
    raw = request.GET.get("today", "").strip()
    if not raw:
        return timezone.localdate()
    try:
        day = parse_date(raw) if len(raw) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise BadRequest("today must be YYYY-MM-DD")
    return day


def _rows(request: HttpRequest) -> tuple[dt.date, list[dashboard.DashboardRow]]:
    if not is_coordinator(request.user):
        raise PermissionDenied
    today = _today(request)
    try:
        rows = dashboard.build_rows(
            today,
            sort=request.GET.get("sort") or None,
            status=request.GET.get("status") or None,
            region=request.GET.get("region") or None,
        )
    except dashboard.InvalidParameter as exc:
        raise BadRequest(f"invalid {exc}") from exc
    return today, rows


@require_GET
def dashboard_view(request: HttpRequest) -> HttpResponse:
    from wagtail.models import Locale

    from cms.models import Region

    today, rows = _rows(request)
    query = request.GET.copy()
    query.pop("sort", None)
    sort = request.GET.get("sort") or "pilot"
    columns = list(zip(dashboard.headers(), dashboard.COLUMN_SORT_KEYS, strict=True))
    return TemplateResponse(
        request,
        "coordination/admin/dashboard.html",
        {
            "today": today,
            "rows": [(row, row.cells()) for row in rows],
            # Coordinators may not edit pages: their pilot link opens the public page instead.
            "editable_pilots": {
                row.pilot.pk
                for row in rows
                if row.pilot.permissions_for_user(request.user).can_edit()
            },
            "columns": columns,
            "sort": sort,
            "query": query.urlencode(),
            "full_query": request.GET.urlencode(),
            "statuses": [*ProgressReport.OverallStatus.choices, ("none", _("No report"))],
            "regions": Region.objects.filter(locale=Locale.get_default()).order_by("name"),
            "selected_status": request.GET.get("status", ""),
            "selected_region": request.GET.get("region", ""),
        },
    )


@require_GET
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    today, rows = _rows(request)
    return csv_response(
        f"pilots-{today:%Y-%m-%d}", dashboard.headers(), (row.cells() for row in rows)
    )


# --- Evaluation export ---


def _export(request: HttpRequest, public: bool) -> tuple[dict, str]:
    pilot = request.GET.get("pilot", "").strip() or None
    if pilot is not None and (len(pilot) > 255 or not pilot.replace("-", "").isalnum()):
        raise BadRequest("invalid pilot")
    data = evaluation.export_all(public=public, pilot_slug=pilot)
    return data, pilot or "all"


@require_GET
def evaluation_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if not is_coordinator(request.user):
        raise PermissionDenied
    if fmt not in ("csv", "json"):
        raise Http404("unknown format")
    data, name = _export(request, public=False)
    if fmt == "csv":
        response = HttpResponse(evaluation.as_csv(data), content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
        )
    response["Content-Disposition"] = f'attachment; filename="evaluation-{name}.{fmt}"'
    return response


@require_GET
def evaluation_export_index(request: HttpRequest) -> HttpResponse:
    if not is_coordinator(request.user):
        raise PermissionDenied
    from .models import default_locale_pilots

    return TemplateResponse(
        request,
        "coordination/admin/evaluation.html",
        {"pilots": default_locale_pilots().order_by("title")},
    )


@require_GET
def public_evaluation_api(request: HttpRequest) -> JsonResponse:
    """Read-only public data: pilots' indicators and approved reports' measurements only."""
    data, _name = _export(request, public=True)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
