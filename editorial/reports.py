"""Wagtail's workflow reports with the workflow and task filters in the reader's language.

Wagtail's "Workflows" and "Workflow tasks" reports (``/admin/reports/workflow/``,
``/admin/reports/workflow_tasks/``) build their filter drop-downs from ``str(workflow)`` and
``str(task)``, the stored English identifiers (:mod:`editorial.names`). The views here are
Wagtail's own report views with one change: filter sets whose workflow and task choices, and the
active-filter pills built from them, are labelled with :func:`editorial.names.display_name`.
The result rows already show translated names (template overrides in ``templates/``).

Wagtail lists its core admin URLs before those of ``register_admin_urls`` hooks, so a hook
cannot answer these paths; :func:`report_urlpatterns` gives the same paths, names and admin check
(``require_admin_access``) and ``cms/urls.py`` lists them (``editorial.urls_reports``) before Wagtail's admin. Reversing
``wagtailadmin_reports:workflow`` still gives the same address, so menus and links are unchanged.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField
from wagtail.admin.auth import require_admin_access
from wagtail.admin.filters import FilteredModelChoiceField, FilteredModelChoiceFilter
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.models import Task, Workflow

from .names import display_name


class NamedChoiceField(ModelChoiceField):
    """A workflow choice labelled with its display name."""

    def label_from_instance(self, obj: Any) -> str:
        return display_name(obj.name)


class NamedFilteredChoiceField(FilteredModelChoiceField):
    """A task choice (shown for the chosen workflow) labelled with its display name."""

    def label_from_instance(self, obj: Any) -> str:
        return display_name(obj.name)


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = NamedChoiceField


class NamedFilteredChoiceFilter(FilteredModelChoiceFilter):
    field_class = NamedFilteredChoiceField


def workflows_in_use():
    """Active workflows and those with history: Wagtail's default "Moderators approval", which
    the editorial migrations deactivate on a fresh install, is no choice in the filter."""
    return Workflow.objects.filter(Q(active=True) | Q(workflow_states__isnull=False)).distinct()


def tasks_in_use():
    """Active tasks and those with history (see :func:`workflows_in_use`)."""
    return Task.objects.filter(Q(active=True) | Q(task_states__isnull=False)).distinct()


class TranslatedWorkflowReportFilterSet(WorkflowReportFilterSet):
    workflow = NamedChoiceFilter(queryset=workflows_in_use())  # label from the model field


class TranslatedWorkflowTasksReportFilterSet(WorkflowTasksReportFilterSet):
    workflow = NamedChoiceFilter(
        field_name="workflow_state__workflow",
        queryset=workflows_in_use(),
        label=_("Workflow"),
    )
    task = NamedFilteredChoiceFilter(
        queryset=tasks_in_use(),
        filter_field="id_workflow",
        filter_accessor="workflows",
    )


class TranslatedWorkflowView(WorkflowView):
    filterset_class = TranslatedWorkflowReportFilterSet


class TranslatedWorkflowTasksView(WorkflowTasksView):
    filterset_class = TranslatedWorkflowTasksReportFilterSet


def report_urlpatterns() -> list[URLPattern]:
    """Wagtail's four workflow-report paths (relative to ``admin/``) answered by the views here."""
    views = [
        ("reports/workflow/", TranslatedWorkflowView, "workflow"),
        ("reports/workflow_tasks/", TranslatedWorkflowTasksView, "workflow_tasks"),
    ]
    patterns = []
    for route, view, name in views:
        patterns.append(path(route, require_admin_access(view.as_view()), name=f"editorial_{name}"))
        patterns.append(
            path(
                f"{route}results/",
                require_admin_access(view.as_view(results_only=True)),
                name=f"editorial_{name}_results",
            )
        )
    return patterns
