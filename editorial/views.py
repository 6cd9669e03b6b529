"""Admin views: translation status, "submit this translation for review", guarded localize actions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.edit_translation import stop_translation

from .permissions import translator_locales
from .translation_status import all_locale_statuses


def translation_status(request: HttpRequest) -> HttpResponse:
    """Per locale: never translated, out of date (with the date), waiting, up to date.

    Translators see their own locale first-hand; everyone else with admin access sees all.
    """
    codes = None if request.user.is_superuser else (translator_locales(request.user) or None)
    statuses = all_locale_statuses(codes)
    return TemplateResponse(
        request,
        "editorial/translation_status.html",
        {
            "statuses": statuses,
            "can_sync": request.user.has_perm("wagtail_localize.submit_translation"),
            "header_icon": "globe",
            "page_title": _("Translation status"),
        },
    )


def save_translation_draft(translation: Translation, target: Page, user) -> Page:
    """Save the current translated strings as a draft revision, leaving the live page alone.

    wagtail-localize's ``save_target(publish=False)`` writes the translated fields onto the page
    row itself, which *is* the live page a visitor sees. So it runs inside a savepoint only to
    produce the translated content; that is rolled back and the content is stored the way every
    Wagtail draft is: as a revision, with the live row untouched until the review publishes it.
    """
    with transaction.atomic():
        savepoint = transaction.savepoint()
        translation.save_target(user=user, publish=False)
        content = Page.objects.get(pk=target.pk).specific.latest_revision.content
        transaction.savepoint_rollback(savepoint)
    page = Page.objects.get(pk=target.pk).specific
    draft = page.with_content_json(content)
    draft.save_revision(user=user, log_action=True)
    return Page.objects.get(pk=target.pk).specific


def _editable_target(request: HttpRequest, translation_id: int) -> tuple[Translation, Page]:
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    target = translation.get_target_instance()
    if not isinstance(target, Page) or not target.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return translation, target


@require_POST
def save_translation_draft_view(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Keep the translated strings as a draft of the target page (nothing goes live)."""
    translation, target = _editable_target(request, translation_id)
    page = save_translation_draft(translation, target, request.user)
    messages.success(
        request,
        _("'%(title)s' was saved as a draft.") % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def submit_translation_for_review(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Save the translated strings as a draft of the target page and send it to review.

    wagtail-localize's editor offers only "Publish", which translators must not do; this gives
    them the same path as every other editor: a draft revision that Communications reviews.
    After "request changes" the same button resubmits (Wagtail resumes the workflow); a
    translation that is live and current may be submitted again for a new review.
    """
    translation, target = _editable_target(request, translation_id)
    perms = target.permissions_for_user(request.user)
    if target.current_workflow_state is None and not perms.can_submit_for_moderation():
        raise PermissionDenied
    page = save_translation_draft(translation, target, request.user)
    workflow_state = page.current_workflow_state
    title = page.get_admin_display_title()
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(request.user)
        messages.success(request, _("'%(title)s' was resubmitted for review.") % {"title": title})
    elif workflow_state is not None:
        messages.warning(request, _("The translation was saved; it is already waiting for review."))
    elif (workflow := page.get_workflow()) is None:
        messages.warning(request, _("The translation was saved as a draft."))
    else:
        workflow.start(page, request.user)
        messages.success(request, _("'%(title)s' was submitted for review.") % {"title": title})
    return redirect("wagtailadmin_pages:edit", page.pk)


def may_replace_translations(user) -> bool:
    """Turning a translation into an alias or stopping its sync replaces reviewed text unreviewed.

    Only those who may start and sync translations (Communications) may do either.
    """
    return user.has_perm("wagtail_localize.submit_translation")


def guarded_convert_to_alias(request: HttpRequest, page_id: int) -> HttpResponse:
    """wagtail-localize's "Convert to alias page", for Communications only."""
    if not may_replace_translations(request.user):
        raise PermissionDenied
    return convert_to_alias(request, page_id)


def guarded_stop_translation(request: HttpRequest, translation_id: int) -> HttpResponse:
    """wagtail-localize's "Stop synced translation", for Communications only."""
    if not may_replace_translations(request.user):
        raise PermissionDenied
    return stop_translation(request, translation_id)
