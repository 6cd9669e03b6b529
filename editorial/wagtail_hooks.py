"""Admin wiring: dashboard panels, translation status view and menu item, audit log actions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState

from . import views
from .draft_privacy import may_explore, without_others_drafts
from .names import display_name
from .permissions import liaison_pilots, translator_locales
from .signals import LIAISONS_ADDED, LIAISONS_REMOVED, TRANSLATION_SYNC
from .translation_status import all_locale_statuses


@hooks.register("register_admin_urls", order=-100)
def guard_localize_urls():
    """The same paths as wagtail-localize's alias/stop views, listed first so they answer.

    wagtail-localize lets anyone who may edit a translation replace it with the source text; the
    wrappers check :func:`views.may_replace_translations` first and then call its own views.
    """
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.guarded_convert_to_alias,
            name="editorial_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            views.guarded_stop_translation,
            name="editorial_stop_translation",
        ),
    ]


class SubmitToTranslatedWorkflowMenuItem(SubmitForModerationMenuItem):
    """ "Submit to …" / "Resubmit to …" with the workflow or task name in the editor's language.

    Wagtail builds the label from the stored (English) name; see :mod:`editorial.names`.
    """

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page else None
        if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            task = workflow_state.current_task_state.task
            context["label"] = _("Resubmit to %(task_name)s") % {
                "task_name": display_name(task.name)
            }
            return context
        workflow_page = page if page and page.pk else context["parent_page"]
        workflow = workflow_page.get_workflow()
        if workflow:
            context["label"] = _("Submit to %(workflow_name)s") % {
                "workflow_name": display_name(workflow.name)
            }
        return context


@hooks.register("construct_page_action_menu")
def submit_to_translated_workflow_name(menu_items, request, context):
    """Replace Wagtail's submit item by the one that shows the translated workflow name."""
    for position, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[position] = SubmitToTranslatedWorkflowMenuItem(order=item.order)


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    """Offer "Convert to alias page" only to those who may use it."""
    if not views.may_replace_translations(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("editorial/translations/", views.translation_status, name="editorial_translations"),
        path(
            "editorial/translations/<int:translation_id>/save/",
            views.save_translation_draft_view,
            name="editorial_save_translation",
        ),
        path(
            "editorial/translations/<int:translation_id>/submit/",
            views.submit_translation_for_review,
            name="editorial_submit_translation",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("editorial_translations"),
        name="translation-status",
        icon_name="globe",
        order=250,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(LIAISONS_ADDED, _("Add liaisons"), _("Liaisons added"))
    actions.register_action(LIAISONS_REMOVED, _("Remove liaisons"), _("Liaisons removed"))
    actions.register_action(
        TRANSLATION_SYNC, _("Synchronise translations"), _("Translation source synchronised")
    )


class LiaisonPanel(Component):
    """A liaison's own pilot(s), their draft pages and what is waiting for review."""

    name = "editorial_liaison"
    template_name = "editorial/panels/liaison.html"
    order = 50

    def __init__(self, pilots: list[Page]):
        self.pilots = pilots

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        rows = []
        for pilot in self.pilots:
            subtree = Page.objects.descendant_of(pilot, inclusive=True)
            drafts = subtree.filter(has_unpublished_changes=True).order_by(
                "-latest_revision_created_at"
            )
            in_review = WorkflowState.objects.active().filter(
                base_content_type__app_label="wagtailcore",
                object_id__in=[str(pk) for pk in subtree.values_list("pk", flat=True)],
            )
            reviewing = {int(state.object_id) for state in in_review}
            rows.append(
                {
                    "pilot": pilot,
                    "panel_id": f"editorial-pilot-{pilot.pk}",
                    "drafts": [page for page in drafts if page.pk not in reviewing],
                    "in_review": list(subtree.filter(pk__in=reviewing).order_by("title")),
                    "children": list(
                        pilot.get_children().order_by("-latest_revision_created_at")[:10]
                    ),
                }
            )
        return {"rows": rows}


class TranslatorPanel(Component):
    """How many pages wait for a translator in their locale, with a link to the status view."""

    name = "editorial_translator"
    template_name = "editorial/panels/translator.html"
    order = 55

    def __init__(self, codes: list[str]):
        self.codes = codes

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {
            "statuses": all_locale_statuses(self.codes),
            "status_url": reverse("editorial_translations"),
        }


#: A scheduled publication this late means ``publish_scheduled`` is not running.
SCHEDULER_GRACE = timedelta(minutes=15)


class ScheduledPanel(Component):
    """Pages scheduled to go live, and a warning when a due one has waited too long.

    ``publish_scheduled`` leaves no trace of its runs, but its work does: a revision approved to
    go live more than 15 minutes ago and still waiting means the timer has stopped.
    """

    name = "editorial_scheduled"
    template_name = "editorial/panels/scheduled.html"
    order = 60

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        now = timezone.now()
        scheduled = Revision.page_revisions.filter(approved_go_live_at__isnull=False).order_by(
            "approved_go_live_at"
        )
        overdue = scheduled.filter(approved_go_live_at__lt=now - SCHEDULER_GRACE)
        upcoming = [
            (revision.approved_go_live_at, revision.content_object)
            for revision in scheduled.filter(approved_go_live_at__gte=now)[:10]
        ]
        return {"upcoming": upcoming, "overdue": overdue.count(), "grace": SCHEDULER_GRACE}


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    user = request.user
    pilots = list(liaison_pilots(user)) if user.is_authenticated else []
    if pilots:
        panels.append(LiaisonPanel(pilots))
    codes = translator_locales(user) if user.is_authenticated else []
    if codes:
        panels.append(TranslatorPanel(codes))
    if views.may_replace_translations(user):  # Communications and administrators
        panels.append(ScheduledPanel())


@hooks.register("construct_page_chooser_queryset")
def hide_others_drafts_in_choosers(pages, request):
    return without_others_drafts(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def hide_others_drafts_in_listings(parent_page, pages, request):
    return without_others_drafts(pages, request.user)


@hooks.register("construct_explorer_page_queryset", order=-10)
def refuse_pages_outside_explorable_set(parent_page, pages, request):
    """The explorer refuses a page the user may not explore (see :func:`may_explore`).

    Wagtail calls this hook for every explorer listing (and its results fragment) before
    rendering; its admin check turns ``PermissionDenied`` into "no permission" and a redirect to
    the dashboard, as for the editor of a page one may not edit.
    """
    if not may_explore(parent_page, request.user):
        raise PermissionDenied
    return pages
